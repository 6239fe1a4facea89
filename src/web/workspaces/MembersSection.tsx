import { useState } from "react";
import { clsmRoleLabels } from "../accounts/labels";
import { messageOf } from "../lib/api";
import { formatDate, formatNumber } from "../lib/format";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { DataTable } from "../ui/DataTable";
import { EmptyState } from "../ui/EmptyState";
import { Loading } from "../ui/Loading";
import { Pagination } from "../ui/Pagination";
import { SearchField } from "../ui/SearchField";
import { AddMemberDialog } from "./AddMemberDialog";
import { useMembers } from "./api";
import { MemberActions } from "./MemberActions";

const PAGE_SIZE = 20;

export function MembersSection({
  clsmId,
  canManage,
  currentUserId,
}: {
  clsmId: string;
  canManage: boolean;
  currentUserId: string | undefined;
}) {
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const q = useDebouncedValue(search.trim(), 300);
  const members = useMembers(clsmId, { q: q || undefined, limit: PAGE_SIZE, offset });

  return (
    <section className="section" aria-labelledby="membres">
      <div className="section__header">
        <h2 id="membres">
          Membres{members.data ? <span className="muted"> ({formatNumber(members.data.total)})</span> : null}
        </h2>
        {canManage ? <AddMemberDialog clsmId={clsmId} /> : null}
      </div>
      <div className="toolbar">
        <SearchField
          label="Chercher un membre"
          placeholder="Nom ou adresse e-mail"
          value={search}
          onChange={(value) => {
            setSearch(value);
            setOffset(0);
          }}
        />
      </div>
      {members.isPending ? <Loading label="Chargement des membres…" /> : null}
      {members.isError ? <Alert tone="error">{messageOf(members.error)}</Alert> : null}
      {members.data && members.data.items.length === 0 ? (
        <EmptyState
          title={q ? "Aucun membre ne correspond à cette recherche." : "Ce CLSM n'a pas encore de membre."}
        />
      ) : null}
      {members.data && members.data.items.length > 0 ? (
        <>
          <DataTable caption="Membres du CLSM" captionHidden>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Rôle</th>
                <th scope="col">Fonctions</th>
                <th scope="col">Membre depuis le</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">
                    <span className="cell-title">{m.name}</span>
                    <span className="cell-sub">{m.email}</span>
                    {m.invitationPending ? <Badge tone="warning">Invitation en attente</Badge> : null}
                  </th>
                  <td>{clsmRoleLabels[m.role]}</td>
                  <td>
                    <span className="badges">
                      {m.isChair ? <Badge tone="primary">Présidence (élu·e)</Badge> : null}
                      {m.isColead ? <Badge tone="info">Co-pilotage (psychiatrie)</Badge> : null}
                      {!m.isChair && !m.isColead ? <span className="muted">—</span> : null}
                    </span>
                  </td>
                  <td>{formatDate(m.joinedAt)}</td>
                  {canManage ? (
                    <td className="actions-cell">
                      <MemberActions clsmId={clsmId} member={m} isSelf={m.userId === currentUserId} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pagination
            label="membres"
            total={members.data.total}
            limit={PAGE_SIZE}
            offset={offset}
            onChange={setOffset}
          />
        </>
      ) : null}
    </section>
  );
}
