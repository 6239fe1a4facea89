import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { ClsmStatus } from "../../contracts/workspaces";
import { messageOf } from "../lib/api";
import { formatNumber } from "../lib/format";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { useRegions } from "../territory/api";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Pagination } from "../ui/Pagination";
import { SearchField } from "../ui/SearchField";
import { SelectField } from "../ui/SelectField";
import { useClsmList } from "./api";
import { scaleLabels, statusLabels, statusOptions, statusTones } from "./labels";

const PAGE_SIZE = 25;
const ALL = "tous";

/** Searchable, filterable, paginated list of CLSMs; filters live in the address (shareable, back button). */
export function ClsmList() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const q = useDebouncedValue(search.trim(), 300);
  const status = (params.get("statut") as ClsmStatus | null) ?? undefined;
  const regionCode = params.get("region") ?? undefined;
  const offset = Math.max(0, Number(params.get("debut") ?? 0) || 0);
  const regions = useRegions();
  const list = useClsmList({ q: q || undefined, status, regionCode, limit: PAGE_SIZE, offset });

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "debut") next.delete("debut");
    setParams(next, { replace: true });
  };

  return (
    <div className="stack">
      <div className="toolbar toolbar--filters">
        <SearchField
          label="Chercher un CLSM"
          placeholder="Nom du CLSM"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setParam("q", value.trim() || undefined);
          }}
        />
        <SelectField
          label="Statut"
          options={[{ id: ALL, label: "Tous les statuts" }, ...statusOptions]}
          selectedKey={status ?? ALL}
          onSelectionChange={(key) => setParam("statut", key && key !== ALL ? String(key) : undefined)}
        />
        <SelectField
          label="Région"
          options={[
            { id: ALL, label: "Toutes les régions" },
            ...(regions.data?.items.map((r) => ({ id: r.code, label: r.name })) ?? []),
          ]}
          selectedKey={regionCode ?? ALL}
          onSelectionChange={(key) => setParam("region", key && key !== ALL ? String(key) : undefined)}
        />
      </div>

      {list.isPending ? <Loading label="Chargement des CLSM…" /> : null}
      {list.isError ? <Alert tone="error">{messageOf(list.error)}</Alert> : null}
      {list.data ? (
        <p className="muted" aria-live="polite">
          {list.data.total === 0
            ? "Aucun CLSM"
            : `${formatNumber(list.data.total)} CLSM${list.data.total > 1 ? " trouvés" : " trouvé"}`}
        </p>
      ) : null}
      {list.data && list.data.items.length === 0 ? (
        <EmptyState title="Aucun CLSM ne correspond à ces critères.">
          <p>Essayez un autre nom, ou retirez un filtre.</p>
        </EmptyState>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <DataTable caption="Liste des CLSM" captionHidden>
            <thead>
              <tr>
                <th scope="col">CLSM</th>
                <th scope="col">Statut</th>
                <th scope="col">Échelle</th>
                <th scope="col" className="num">
                  Population
                </th>
                <th scope="col" className="num">
                  Communes
                </th>
                <th scope="col">Région</th>
                <th scope="col" className="num">
                  Membres
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/clsm/${c.id}`}>{c.name}</Link>
                    {c.departementCodes.length > 0 ? (
                      <span className="cell-sub">
                        {c.departementCodes.length > 1 ? "Départements" : "Département"}{" "}
                        {c.departementCodes.join(", ")}
                      </span>
                    ) : null}
                  </th>
                  <td>
                    <Badge tone={statusTones[c.status]}>{statusLabels[c.status]}</Badge>
                  </td>
                  <td>{scaleLabels[c.scale]}</td>
                  <td className="num">{formatNumber(c.population)}</td>
                  <td className="num">{formatNumber(c.communeCount)}</td>
                  <td>{c.regionNames.join(", ")}</td>
                  <td className="num">{formatNumber(c.memberCount)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pagination
            label="CLSM"
            total={list.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => setParam("debut", next > 0 ? String(next) : undefined)}
          />
        </>
      ) : null}
    </div>
  );
}
