import { useMemo } from "react";
import { messageOf } from "../lib/api";
import { listFormat, plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Loading } from "../ui/Loading";
import { useClsmMap } from "./api";
import { projectCommunes } from "./map-projection";

const PADDING = 8;

/**
 * The territory's communes drawn as SVG. The picture has a text alternative (role="img" + label) and
 * the same information is in the table of communes next to it.
 */
export function TerritoryMap({ clsmId, clsmName }: { clsmId: string; clsmName: string }) {
  const map = useClsmMap(clsmId);
  const projected = useMemo(() => (map.data ? projectCommunes(map.data.features) : null), [map.data]);

  if (map.isPending) return <Loading label="Chargement de la carte…" />;
  if (map.isError)
    return <Alert tone="error">La carte n'a pas pu être chargée. {messageOf(map.error)}</Alert>;

  const missing = map.data.missing;
  const count = projected?.shapes.length ?? 0;
  return (
    <figure className="territory-map">
      {projected ? (
        <svg
          className="territory-map__svg"
          viewBox={`${-PADDING} ${-PADDING} ${projected.width + 2 * PADDING} ${projected.height + 2 * PADDING}`}
          role="img"
          aria-label={`Carte du territoire du ${clsmName} : ${plural(count, "commune")} dessinée${count > 1 ? "s" : ""}. La liste des communes suit la carte.`}
          data-testid="territory-map"
        >
          {projected.shapes.map((shape) => (
            <path key={shape.code} d={shape.d} className="territory-map__commune" data-code={shape.code}>
              <title>{shape.name}</title>
            </path>
          ))}
        </svg>
      ) : (
        <p className="territory-map__empty">Aucun contour de commune n'est disponible pour ce territoire.</p>
      )}
      <figcaption className="territory-map__caption">
        {count > 0 ? `${plural(count, "commune")} sur la carte.` : null}
        {missing.length > 0 ? (
          <> Sans contour disponible : {listFormat.format(missing.map((m) => `${m.name} (${m.code})`))}.</>
        ) : null}
      </figcaption>
    </figure>
  );
}
