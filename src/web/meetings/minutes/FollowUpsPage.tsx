import { useState } from "react";
import { Link, useParams } from "react-router";
import type { FollowUpListQuery } from "../../../contracts/meetings-minutes";
import { NotFoundPage } from "../../app/NotFoundPage";
import { isApiError, messageOf } from "../../lib/api";
import { formatDate, plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { DataTable } from "../../ui/DataTable";
import { EmptyState } from "../../ui/EmptyState";
import { Loading } from "../../ui/Loading";
import { Page } from "../../ui/Page";
import { Pagination } from "../../ui/Pagination";
import { SelectField } from "../../ui/SelectField";
import { TextField } from "../../ui/TextField";
import { useClsm } from "../../workspaces/api";
import { type Assignee, AssigneeField } from "./AssigneeField";
import { useFollowUps } from "./api";
import { FollowUpActions, FollowUpState } from "./FollowUpParts";
import "./minutes.css";

const LIMIT = 50;
const statusOptions = [
  { id: "open", label: "À faire" },
  { id: "done", label: "Faites" },
  { id: "all", label: "Toutes" },
];

/**
 * The actions to follow from every meeting of the CLSM, by due date (the late ones first, said in words), filtered by
 * state, person and due date; the coordination closes them from here.
 */
export function FollowUpsPage() {
  const { clsmId = "" } = useParams();
  const clsm = useClsm(clsmId);
  const [status, setStatus] = useState<FollowUpListQuery["status"]>("open");
  const [assignee, setAssignee] = useState<Assignee | null>(null);
  const [dueBefore, setDueBefore] = useState("");
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const query: Partial<FollowUpListQuery> = {
    status,
    limit: LIMIT,
    offset,
    ...(assignee ? { assigneePersonId: assignee.id } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(dueBefore) ? { dueBefore } : {}),
  };
  const list = useFollowUps(clsmId, query);

  if (
    (clsm.isError && (isApiError(clsm.error, 404) || isApiError(clsm.error, 400))) ||
    (list.isError && isApiError(list.error, 404))
  )
    return <NotFoundPage title="CLSM introuvable" />;

  const data = list.data;
  const overdue = data?.items.filter((i) => i.overdue).length ?? 0;
  return (
    <Page
      title="Suivi des actions"
      eyebrow={clsm.data?.name}
      busy={list.isPending}
      lead={
        <p>
          Les actions décidées en réunion, de toutes les réunions du CLSM, par échéance : les actions en
          retard d'abord.
          {data && !data.can.manage
            ? " Vous voyez celles des comptes rendus partagés par la coordination."
            : ""}
        </p>
      }
    >
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <search className="toolbar" aria-label="Filtrer les actions">
        <SelectField
          label="État"
          options={statusOptions}
          selectedKey={status}
          onSelectionChange={(key) => {
            setStatus((key as FollowUpListQuery["status"]) ?? "open");
            setOffset(0);
          }}
        />
        <AssigneeField
          clsmId={clsmId}
          label="Personne"
          description="Nom, structure ou fonction."
          value={assignee}
          onChange={(a) => {
            setAssignee(a);
            setOffset(0);
          }}
        />
        <TextField
          label="Échéance au plus tard le"
          type="date"
          value={dueBefore}
          onChange={(v) => {
            setDueBefore(v);
            setOffset(0);
          }}
        />
      </search>
      {list.isPending ? <Loading label="Chargement des actions…" /> : null}
      {list.isError ? <Alert tone="error">{messageOf(list.error)}</Alert> : null}
      {data ? (
        <p className="muted" aria-live="polite">
          {plural(data.total, "action")}
          {status === "open" && overdue > 0
            ? `, dont ${plural(overdue, "en retard", "en retard")} sur cette page`
            : ""}
          .
        </p>
      ) : null}
      {data && data.items.length === 0 ? (
        <EmptyState title="Aucune action ne correspond.">
          Les actions s'ajoutent dans le compte rendu de chaque réunion.{" "}
          <Link to={`/clsm/${clsmId}/reunions`}>Voir les réunions</Link>
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <div className="follow-ups-table">
          <DataTable caption="Actions à suivre" captionHidden>
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Personne</th>
                <th scope="col">Échéance</th>
                <th scope="col">Réunion</th>
                {data.can.manage ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id} className={item.overdue ? "is-overdue" : undefined}>
                  <th scope="row" className={item.status === "done" ? "muted" : undefined}>
                    {item.description}
                  </th>
                  <td>{item.assignee ? item.assignee.name : <span className="muted">Non désignée</span>}</td>
                  <td>
                    <FollowUpState item={item} />
                  </td>
                  <td>
                    <Link to={`/clsm/${clsmId}/reunions/${item.meeting.id}`}>
                      {item.meeting.title}, {formatDate(item.meeting.date)}
                    </Link>
                  </td>
                  {data.can.manage ? (
                    <td>
                      <FollowUpActions
                        clsmId={clsmId}
                        item={item}
                        onNotice={(text, tone = "success") => setNotice({ tone, text })}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </div>
      ) : null}
      {data ? (
        <Pagination total={data.total} limit={LIMIT} offset={offset} onChange={setOffset} label="actions" />
      ) : null}
      <p>
        <Link to={`/clsm/${clsmId}/reunions/recherche`}>Rechercher dans les comptes rendus</Link>
      </p>
    </Page>
  );
}
