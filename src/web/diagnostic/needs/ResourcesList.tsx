import { type ResourceKind, resourceKindLabels, resourceKinds } from "../../../contracts/diagnostic-needs";
import type { Objective } from "../../../contracts/objectives";
import { formatNumber } from "../../lib/format";
import { DataTable } from "../../ui/DataTable";
import { useResources } from "./api";
import { ObjectiveBadges } from "./ObjectiveBadges";
import { RecordList } from "./RecordList";
import { ResourceDialog } from "./ResourceDialogs";
import { ALL, useRecordList } from "./use-record-list";

const kindOptions = [
  { id: ALL, label: "Tous les types" },
  ...resourceKinds.map((k) => ({ id: k, label: resourceKindLabels[k] })),
];

/** The resources already on the territory: searched, filtered by type (and the page's objective), paged. */
export function ResourcesList({ clsmId, objective }: { clsmId: string; objective: Objective | undefined }) {
  const list = useRecordList(objective);
  const resources = useResources(clsmId, {
    ...list.query,
    kind: list.filter === ALL ? undefined : (list.filter as ResourceKind),
  });
  return (
    <RecordList
      list={list}
      result={resources}
      searchLabel="Rechercher une ressource"
      filter={{ label: "Type", name: "kind", options: kindOptions }}
      noun="ressource"
      empty={{
        filtered: "Aucune ressource ne correspond.",
        none: "Aucune ressource n'est encore enregistrée.",
      }}
    >
      <DataTable caption="Ressources du territoire" captionHidden>
        <thead>
          <tr>
            <th scope="col">Ressource</th>
            <th scope="col">Structure</th>
            <th scope="col">Objectifs</th>
            <th scope="col" className="num">
              Sources reliées
            </th>
          </tr>
        </thead>
        <tbody>
          {resources.data?.items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <ResourceDialog clsmId={clsmId} resourceId={r.id} title={r.title} />
                <span className="cell-sub">
                  {[resourceKindLabels[r.kind], r.audience && `Public : ${r.audience}`, r.territoryPart]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </th>
              <td>{r.structure?.name ?? <span className="muted">—</span>}</td>
              <td>
                <ObjectiveBadges objectives={r.objectives} />
              </td>
              <td className="num">{formatNumber(r.linkCount)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </RecordList>
  );
}
