import { useState } from "react";
import { useSearchParams } from "react-router";
import { useUsers } from "../accounts/api";
import { platformRoleShort } from "../accounts/labels";
import { messageOf } from "../lib/api";
import { formatDate, formatNumber } from "../lib/format";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { Pagination } from "../ui/Pagination";
import { SearchField } from "../ui/SearchField";
import { EditUserDialog } from "./EditUserDialog";
import { InviteUserDialog } from "./InviteUserDialog";

const PAGE_SIZE = 25;

export function AdminUsersPage() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const q = useDebouncedValue(search.trim(), 300);
  const offset = Math.max(0, Number(params.get("debut") ?? 0) || 0);
  const users = useUsers({ q: q || undefined, limit: PAGE_SIZE, offset });

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== "debut") next.delete("debut");
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="Personnes"
      lead={<p>Les comptes de la plateforme, leurs rôles et leurs CLSM.</p>}
      actions={<InviteUserDialog />}
    >
      <div className="toolbar">
        <SearchField
          label="Chercher une personne"
          placeholder="Nom ou adresse e-mail"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setParam("q", value.trim() || undefined);
          }}
        />
      </div>
      {users.isPending ? <Loading label="Chargement des personnes…" /> : null}
      {users.isError ? <Alert tone="error">{messageOf(users.error)}</Alert> : null}
      {users.data ? (
        <p className="muted" aria-live="polite">
          {users.data.total === 0
            ? "Aucune personne"
            : `${formatNumber(users.data.total)} personne${users.data.total > 1 ? "s" : ""}`}
        </p>
      ) : null}
      {users.data && users.data.items.length === 0 ? (
        <EmptyState title="Aucune personne ne correspond à cette recherche." />
      ) : null}
      {users.data && users.data.items.length > 0 ? (
        <>
          <DataTable caption="Personnes de la plateforme" captionHidden>
            <thead>
              <tr>
                <th scope="col">Personne</th>
                <th scope="col">Rôle de plateforme</th>
                <th scope="col" className="num">
                  CLSM
                </th>
                <th scope="col">Compte</th>
                <th scope="col">Créé le</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <span className="cell-title">{u.name}</span>
                    <span className="cell-sub">{u.email}</span>
                  </th>
                  <td>
                    {u.platformRole ? (
                      <Badge tone="primary">
                        {platformRoleShort[u.platformRole]}
                        {u.platformRole === "ars" && u.arsRegionName ? ` ${u.arsRegionName}` : ""}
                      </Badge>
                    ) : (
                      <span className="muted">Aucun</span>
                    )}
                  </td>
                  <td className="num">{formatNumber(u.clsmCount)}</td>
                  <td>{u.hasPassword ? "Actif" : <Badge tone="warning">Invitation en attente</Badge>}</td>
                  <td>{formatDate(u.createdAt)}</td>
                  <td className="actions-cell">
                    <EditUserDialog user={u} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pagination
            label="personnes"
            total={users.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={(next) => setParam("debut", next > 0 ? String(next) : undefined)}
          />
        </>
      ) : null}
    </Page>
  );
}
