import { objectiveLabels } from "../../../contracts/objectives";
import { messageOf } from "../../lib/api";
import { formatNumber } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { DataTable } from "../../ui/DataTable";
import { useNeedsSummary } from "./api";

/**
 * Needs and resources per objective of the CLSM. An objective with needs and no resource says where the territory
 * lacks: those are listed first, under « Besoins sans ressource identifiée ».
 */
export function ObjectiveSummary({ clsmId }: { clsmId: string }) {
  const summary = useNeedsSummary(clsmId);
  if (summary.isError) return <Alert tone="error">{messageOf(summary.error)}</Alert>;
  if (!summary.data) return null;
  const { objectives, untagged, total } = summary.data;
  const gaps = objectives.filter((o) => o.needs > 0 && o.resources === 0);
  return (
    <section className="section" aria-labelledby="objective-summary">
      <h2 id="objective-summary">Par objectif</h2>
      {total.needs === 0 ? null : gaps.length > 0 ? (
        <Alert tone="warning" title="Besoins sans ressource identifiée">
          <ul className="objective-gaps">
            {gaps.map((g) => (
              <li key={g.objective}>
                {objectiveLabels[g.objective]} : {formatNumber(g.needs)} {g.needs > 1 ? "besoins" : "besoin"},
                aucune ressource.
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <p>Chaque objectif qui a des besoins a au moins une ressource identifiée.</p>
      )}
      <DataTable caption="Besoins et ressources par objectif">
        <thead>
          <tr>
            <th scope="col">Objectif</th>
            <th scope="col" className="num">
              Besoins
            </th>
            <th scope="col" className="num">
              Ressources
            </th>
          </tr>
        </thead>
        <tbody>
          {objectives.map((o) => {
            const gap = o.needs > 0 && o.resources === 0;
            return (
              <tr key={o.objective} className={gap ? "objective-summary__gap" : undefined}>
                <th scope="row">
                  {objectiveLabels[o.objective]}
                  {gap ? (
                    <span className="cell-sub">
                      <Badge tone="warning">Besoins sans ressource identifiée</Badge>
                    </span>
                  ) : null}
                </th>
                <td className="num">{formatNumber(o.needs)}</td>
                <td className="num">{formatNumber(o.resources)}</td>
              </tr>
            );
          })}
          {untagged.needs + untagged.resources > 0 ? (
            <tr>
              <th scope="row">Sans objectif</th>
              <td className="num">{formatNumber(untagged.needs)}</td>
              <td className="num">{formatNumber(untagged.resources)}</td>
            </tr>
          ) : null}
        </tbody>
      </DataTable>
    </section>
  );
}
