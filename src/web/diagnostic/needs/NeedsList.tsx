import { useState } from "react";
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
import { useNeeds } from "./api";
import { NeedDialog } from "./NeedDialogs";
import { ObjectiveBadges } from "./ObjectiveBadges";

const LIMIT = 25;
const ALL = "_all";
export const sortOptions = [
  { id: "created", label: "Les plus récents d'abord" },
  { id: "title", label: "Ordre alphabétique" },
];

/** The CLSM's needs: searched, filtered by theme (and by the page's objective), sorted, paged. */
export function NeedsList({ clsmId, objective }: { clsmId: string; objective: Objective | undefined }) {
  const [search, setSearch] = useState("");
  const [theme, setTheme] = useState(ALL);
  const [sort, setSort] = useState<"created" | "title">("created");
  const [offset, setOffset] = useState(0);
  const q = useDebouncedValue(search.trim(), 250);
  const needs = useNeeds(clsmId, {
    objective,
    q: q || undefined,
    theme: theme === ALL ? undefined : theme,
    sort,
    limit: LIMIT,
    offset,
  });
  const items = needs.data?.items ?? [];
  const themeOptions = [
    { id: ALL, label: "Tous les thèmes" },
    ...(needs.data?.themes ?? []).map((t) => ({ id: t, label: t })),
  ];
  const filtered = Boolean(objective || q || theme !== ALL);
  return (
    <div className="stack">
      <div className="toolbar">
        <SearchField
          label="Rechercher un besoin"
          value={search}
          onChange={(v) => {
            setSearch(v);
            setOffset(0);
          }}
        />
        <SelectField
          label="Thème"
          name="theme"
          options={themeOptions}
          selectedKey={theme}
          onSelectionChange={(k) => {
            setTheme(k === null ? ALL : String(k));
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
      {needs.isError ? <Alert tone="error">{messageOf(needs.error)}</Alert> : null}
      {needs.data && items.length === 0 ? (
        <EmptyState
          title={filtered ? "Aucun besoin ne correspond." : "Aucun besoin n'est encore enregistré."}
        />
      ) : null}
      {items.length > 0 ? (
        <>
          <p className="muted" role="status">
            {plural(needs.data?.total ?? 0, "besoin")}
          </p>
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
              {items.map((n) => (
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
          <Pagination
            total={needs.data?.total ?? 0}
            limit={LIMIT}
            offset={offset}
            onChange={setOffset}
            label="besoins"
          />
        </>
      ) : null}
    </div>
  );
}
