import type { Objective } from "../../../contracts/objectives";
import { formatNumber } from "../../lib/format";
import { DataTable } from "../../ui/DataTable";
import { useNeeds } from "./api";
import { NeedDialog } from "./NeedDialogs";
import { ObjectiveBadges } from "./ObjectiveBadges";
import { RecordList } from "./RecordList";
import { ALL, useRecordList } from "./use-record-list";

/** The CLSM's needs: searched, filtered by theme (and by the page's objective), sorted, paged. */
export function NeedsList({ clsmId, objective }: { clsmId: string; objective: Objective | undefined }) {
  const list = useRecordList(objective);
  const needs = useNeeds(clsmId, { ...list.query, theme: list.filter === ALL ? undefined : list.filter });
  const themeOptions = [
    { id: ALL, label: "Tous les thèmes" },
    ...(needs.data?.themes ?? []).map((t) => ({ id: t, label: t })),
  ];
  return (
    <RecordList
      list={list}
      result={needs}
      searchLabel="Rechercher un besoin"
      filter={{ label: "Thème", name: "theme", options: themeOptions }}
      noun="besoin"
      empty={{ filtered: "Aucun besoin ne correspond.", none: "Aucun besoin n'est encore enregistré." }}
    >
      <DataTable caption="Besoins du territoire" captionHidden>
        <thead>
          <tr>
            <th scope="col">Constat</th>
            <th scope="col">Objectifs</th>
            <th scope="col" className="num">
              Sources reliées
            </th>
          </tr>
        </thead>
        <tbody>
          {needs.data?.items.map((n) => (
            <tr key={n.id}>
              <th scope="row">
                <NeedDialog clsmId={clsmId} needId={n.id} title={n.title} />
                {n.theme || n.audience || n.territoryPart ? (
                  <span className="cell-sub">
                    {[n.theme, n.audience && `Public : ${n.audience}`, n.territoryPart]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                ) : null}
              </th>
              <td>
                <ObjectiveBadges objectives={n.objectives} />
              </td>
              <td className="num">{formatNumber(n.linkCount)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </RecordList>
  );
}
