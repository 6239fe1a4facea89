import { useState } from "react";
import { type ResourceKind, resourceKindLabels, resourceKinds } from "../../../contracts/diagnostic-needs";
import type { Objective } from "../../../contracts/objectives";
import { messageOf } from "../../lib/api";
import { formatNumber, plural } from "../../lib/format";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { Alert } from "../../ui/Alert";
import { DataTable } from "../../ui/DataTable";
import { EmptyState } from "../../ui/EmptyState";
import { Pagination } from "../../ui/Pagination";
import { SearchField } from "../../ui/SearchField";
import { SelectField } from "../../ui/SelectField";
import { useResources } from "./api";
import { sortOptions } from "./NeedsList";
import { ObjectiveBadges } from "./ObjectiveBadges";
import { ResourceDialog } from "./ResourceDialogs";

const LIMIT = 25;
const ALL = "_all";
const kindOptions = [
  { id: ALL, label: "Tous les types" },
  ...resourceKinds.map((k) => ({ id: k, label: resourceKindLabels[k] })),
];

/** The resources already on the territory: searched, filtered by type (and the page's objective), paged. */
export function ResourcesList({ clsmId, objective }: { clsmId: string; objective: Objective | undefined }) {
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState(ALL);
  const [sort, setSort] = useState<"created" | "title">("created");
  const [offset, setOffset] = useState(0);
  const q = useDebouncedValue(search.trim(), 250);
  const resources = useResources(clsmId, {
    objective,
    q: q || undefined,
    kind: kind === ALL ? undefined : (kind as ResourceKind),
    sort,
    limit: LIMIT,
    offset,
  });
  const items = resources.data?.items ?? [];
  const filtered = Boolean(objective || q || kind !== ALL);
  return (
    <div className="stack">
      <div className="toolbar">
        <SearchField
          label="Rechercher une ressource"
          value={search}
          onChange={(v) => {
            setSearch(v);
            setOffset(0);
          }}
        />
        <SelectField
          label="Type"
          name="kind"
          options={kindOptions}
          selectedKey={kind}
          onSelectionChange={(k) => {
            setKind(k === null ? ALL : String(k));
            setOffset(0);
          }}
        />
        <SelectField
          label="Tri"
          name="sort"
          options={sortOptions}
          selectedKey={sort}
          onSelectionChange={(k) => setSort(k === "title" ? "title" : "created")}
        />
      </div>
      {resources.isError ? <Alert tone="error">{messageOf(resources.error)}</Alert> : null}
      {resources.data && items.length === 0 ? (
        <EmptyState
          title={filtered ? "Aucune ressource ne correspond." : "Aucune ressource n'est encore enregistrée."}
        />
      ) : null}
      {items.length > 0 ? (
        <>
          <p className="muted" role="status">
            {plural(resources.data?.total ?? 0, "ressource")}
          </p>
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
              {items.map((r) => (
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
          <Pagination
            total={resources.data?.total ?? 0}
            limit={LIMIT}
            offset={offset}
            onChange={setOffset}
            label="ressources"
          />
        </>
      ) : null}
    </div>
  );
}
