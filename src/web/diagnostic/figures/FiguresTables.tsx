import type { FigureItem, TerritoryPopulation } from "../../../contracts/diagnostic-figures";
import { formatDecimal } from "../../lib/format";
import { DataTable } from "../../ui/DataTable";
import { DeleteFigureDialog, EditFigureDialog } from "./FigureDialogs";

const NO_THEME = "Autres chiffres";

/** Where a figure applies, in words. */
function placeOf(f: FigureItem): string {
  if (f.level === "commune") return f.communeName ?? `Commune ${f.communeCode ?? ""}`;
  if (f.level === "departement") return `${f.departementName ?? "Département"} (${f.departementCode ?? ""})`;
  return "Territoire du CLSM";
}

const withUnit = (n: number, unit: string | null) =>
  unit ? `${formatDecimal(n)} ${unit}` : formatDecimal(n);

function Missing() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">non renseignée</span>
    </>
  );
}

/**
 * The figures the CLSM added, one table per theme (in the API's order: themes, then those without one), each
 * with its value, year and source, and the département and France values beside it only when someone entered them.
 */
export function FiguresTables({
  clsmId,
  items,
  population,
  canManage,
}: {
  clsmId: string;
  items: FigureItem[];
  population: TerritoryPopulation;
  canManage: boolean;
}) {
  const groups: [string, FigureItem[]][] = [];
  for (const f of items) {
    const theme = f.theme ?? NO_THEME;
    const last = groups.at(-1);
    if (last && last[0] === theme) last[1].push(f);
    else groups.push([theme, [f]]);
  }
  return (
    <>
      {groups.map(([theme, figures]) => (
        <div key={theme} className="stack">
          <h3>{theme}</h3>
          <DataTable caption={`Chiffres : ${theme}`} captionHidden>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                <th scope="col" className="num">
                  Valeur
                </th>
                <th scope="col" className="num">
                  Année
                </th>
                <th scope="col" className="num">
                  Département
                </th>
                <th scope="col" className="num">
                  France
                </th>
                <th scope="col">Source</th>
                {canManage ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {figures.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    <span className="cell-title">{f.label}</span>
                    <span className="cell-sub">{placeOf(f)}</span>
                  </th>
                  <td className="num">{withUnit(f.value, f.unit)}</td>
                  <td className="num">{f.year}</td>
                  <td className="num">
                    {f.departementValue === null ? <Missing /> : withUnit(f.departementValue, f.unit)}
                  </td>
                  <td className="num">
                    {f.nationalValue === null ? <Missing /> : withUnit(f.nationalValue, f.unit)}
                  </td>
                  <td>
                    {f.source}
                    {f.comparisonSource ? (
                      <span className="cell-sub">Comparaisons : {f.comparisonSource}</span>
                    ) : null}
                  </td>
                  {canManage ? (
                    <td>
                      <div className="form__actions">
                        <EditFigureDialog clsmId={clsmId} figure={f} population={population} />
                        <DeleteFigureDialog clsmId={clsmId} figure={f} />
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      ))}
    </>
  );
}
