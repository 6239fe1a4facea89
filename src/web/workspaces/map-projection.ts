import { type GeoPermissibleObjects, geoArea, geoCentroid, geoConicConformal, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";

export interface CommuneShape {
  code: string;
  name: string;
  d: string;
}

export interface ProjectedMap {
  width: number;
  height: number;
  shapes: CommuneShape[];
}

type Input = { properties: { code: string; name: string }; geometry: unknown };

const reverseRings = (rings: Position[][]) => rings.map((ring) => [...ring].reverse());

/**
 * d3-geo reads polygons on the sphere: a ring wound the "wrong" way covers the rest of the globe.
 * Shapes from other tools may use either winding, so a feature bigger than a hemisphere is turned over.
 */
function rewound(feature: Feature<Geometry>): Feature<Geometry> {
  if (geoArea(feature as GeoPermissibleObjects) <= 2 * Math.PI) return feature;
  const g = feature.geometry;
  if (g.type === "Polygon")
    return { ...feature, geometry: { ...g, coordinates: reverseRings(g.coordinates) } };
  if (g.type === "MultiPolygon")
    return { ...feature, geometry: { ...g, coordinates: g.coordinates.map(reverseRings) } };
  return feature;
}

function isGeometry(value: unknown): value is Geometry {
  return typeof value === "object" && value !== null && "type" in value && "coordinates" in value;
}

/** Projects the communes with a conformal conic centred on the territory, fitted to `width`. */
export function projectCommunes(input: Input[], width = 640, maxRatio = 1.1): ProjectedMap | null {
  const features: Feature<Geometry, { code: string; name: string }>[] = input
    .filter((f) => isGeometry(f.geometry))
    .map(
      (f) =>
        rewound({ type: "Feature", properties: f.properties, geometry: f.geometry as Geometry }) as Feature<
          Geometry,
          { code: string; name: string }
        >,
    );
  if (features.length === 0) return null;
  const collection: FeatureCollection = { type: "FeatureCollection", features };
  const [lon, lat] = geoCentroid(collection);
  const projection = geoConicConformal()
    .rotate([-lon, 0])
    .center([0, lat])
    .parallels([lat - 1.5, lat + 1.5]);
  projection.fitWidth(width, collection);
  let path = geoPath(projection);
  let [[, y0], [, y1]] = path.bounds(collection);
  let height = Math.ceil(y1 - y0);
  if (!Number.isFinite(height) || height <= 0) return null;
  if (height > width * maxRatio) {
    height = Math.round(width * maxRatio);
    projection.fitSize([width, height], collection);
    path = geoPath(projection);
    [[, y0], [, y1]] = path.bounds(collection);
  }
  const shapes = features
    .map((f) => ({ code: f.properties.code, name: f.properties.name, d: path(f) ?? "" }))
    .filter((s) => s.d !== "");
  return { width, height, shapes };
}
