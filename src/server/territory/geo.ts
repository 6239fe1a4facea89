import { readFileSync } from "node:fs";
import path from "node:path";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { geoDir } from "../platform/paths";

// Commune shapes (IGN Admin Express 2018, simplified; see assets/geo/README.md). Loaded on first use and
// kept in memory: about 7 MB, read once per process.

type CommuneProps = { code: string; nom: string };
let cache:
  | { topology: Topology; byCode: Map<string, GeometryCollection<CommuneProps>["geometries"][number]> }
  | undefined;

function load() {
  if (!cache) {
    const topology = JSON.parse(readFileSync(path.join(geoDir, "communes.topojson"), "utf8")) as Topology;
    const communes = topology.objects.communes as GeometryCollection<CommuneProps>;
    cache = {
      topology,
      byCode: new Map(
        communes.geometries.map((g) => [(g.properties as CommuneProps | undefined)?.code ?? "", g]),
      ),
    };
  }
  return cache;
}

/** GeoJSON features of the given communes; communes without a 2018 shape are returned apart, never dropped. */
export function communeShapes(communes: { code: string; name: string }[]) {
  const { topology, byCode } = load();
  const found: typeof communes = [];
  const missing: typeof communes = [];
  const geometries = [];
  for (const c of communes) {
    const geometry = byCode.get(c.code);
    if (geometry) {
      found.push(c);
      geometries.push(geometry);
    } else missing.push(c);
  }
  const collection = feature(topology, { type: "GeometryCollection", geometries });
  return {
    type: "FeatureCollection" as const,
    features: collection.features.map((f, i) => ({
      type: "Feature" as const,
      properties: { code: found[i]?.code ?? "", name: found[i]?.name ?? "" },
      geometry: f.geometry as unknown,
    })),
    missing,
  };
}
