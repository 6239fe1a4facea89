import { useState } from "react";
import { Link } from "react-router";
import {
  type InvitationItem,
  type InvitationStatus,
  invitationStatuses,
  invitationStatusLabels,
  type SendInvitationsResult,
} from "../../../contracts/survey-answers";
import type { SurveyDetail } from "../../../contracts/surveys";
import { messageOf } from "../../lib/api";
import { formatDate, listFormat, plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Badge, type BadgeTone } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { DataTable } from "../../ui/DataTable";
import { EmptyState } from "../../ui/EmptyState";
import { Pagination } from "../../ui/Pagination";
import { keyToString, SelectField } from "../../ui/SelectField";
import { AddInvitationsDialog } from "./AddInvitationsDialog";
import { useInvitations, useRemoveInvitation } from "./api";
import { MailInvitationsDialog } from "./MailInvitationsDialog";

const LIMIT = 25;
const tones: Record<InvitationStatus, BadgeTone> = { pending: "neutral", sent: "info", answered: "success" };

export interface Notice {
  tone: "success" | "error" | "info";
  text: string;
}

/** "3 invitations envoyées ; sans adresse e-mail : Noé Gem." */
export function mailedNotice(result: SendInvitationsResult, what: "send" | "remind"): Notice {
  const sent =
    what === "send"
      ? plural(result.sent, "invitation envoyée", "invitations envoyées")
      : plural(result.sent, "relance envoyée", "relances envoyées");
  const without = result.withoutEmail.length
    ? ` ; sans adresse e-mail, à joindre autrement : ${listFormat.format(result.withoutEmail.map((p) => p.name))}`
    : "";
  return { tone: result.sent ? "success" : "info", text: `${sent}${without}.` };
}

/** The personal links: who is invited, whether their mail went and whether they answered. */
export function InvitationsSection({ clsmId, survey }: { clsmId: string; survey: SurveyDetail }) {
  const [status, setStatus] = useState<InvitationStatus | null>(null);
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = useInvitations(clsmId, survey.id, { status: status ?? undefined, limit: LIMIT, offset });
  const data = list.data;
  const counts = data?.counts;

  return (
    <section className="section" aria-labelledby="invitations">
      <div className="section__header">
        <h2 id="invitations">Invitations personnelles</h2>
      </div>
      <p>
        Chaque personne invitée reçoit par e-mail un lien qui n'est qu'à elle : une réponse par personne, des
        relances pour celles qui n'ont pas répondu.{" "}
        {survey.anonymous
          ? "L'enquête étant anonyme, on sait qui a répondu, jamais ce qu'il ou elle a répondu."
          : "L'enquête étant nominative, chaque réponse est liée à la personne invitée."}
      </p>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {list.isError ? <Alert tone="error">{messageOf(list.error)}</Alert> : null}
      {data ? (
        <>
          <div className="toolbar">
            {data.can.add ? (
              <AddInvitationsDialog clsmId={clsmId} surveyId={survey.id} onDone={setNotice} />
            ) : null}
            {data.can.send && counts && counts.pending > 0 ? (
              <MailInvitationsDialog
                clsmId={clsmId}
                survey={survey}
                what="send"
                count={counts.pending}
                onDone={setNotice}
              />
            ) : null}
            {data.can.remind && counts && counts.sent > 0 ? (
              <MailInvitationsDialog
                clsmId={clsmId}
                survey={survey}
                what="remind"
                count={counts.sent}
                onDone={setNotice}
              />
            ) : null}
          </div>
          {!data.can.send && survey.state === "draft" ? (
            <p className="muted">Les invitations partiront une fois l'enquête publiée.</p>
          ) : null}
          {counts && counts.total > 0 ? (
            <>
              <p className="muted">
                {plural(counts.total, "personne invitée", "personnes invitées")} : {counts.pending} à envoyer,{" "}
                {counts.sent} en attente de réponse, {plural(counts.answered, "a répondu", "ont répondu")}.
                {survey.closesAt && survey.state !== "closed"
                  ? " Une relance automatique part trois jours avant la clôture vers celles qui n'ont pas répondu."
                  : ""}
              </p>
              <div className="toolbar">
                <SelectField
                  label="Statut"
                  selectedKey={status ?? "all"}
                  onSelectionChange={(key) => {
                    const value = keyToString(key);
                    setStatus(value === "all" || value === null ? null : (value as InvitationStatus));
                    setOffset(0);
                  }}
                  options={[
                    { id: "all", label: "Toutes" },
                    ...invitationStatuses.map((s) => ({ id: s, label: invitationStatusLabels[s] })),
                  ]}
                />
              </div>
              <InvitationsTable
                clsmId={clsmId}
                surveyId={survey.id}
                items={data.items}
                onNotice={setNotice}
              />
              <Pagination
                total={data.total}
                limit={LIMIT}
                offset={offset}
                onChange={setOffset}
                label="invitations"
              />
            </>
          ) : (
            <EmptyState title="Personne n'est invité pour l'instant.">
              {data.can.add ? (
                <p>
                  Ajoutez des personnes de l'annuaire, ou les membres d'une instance (le COPIL, un groupe…).
                </p>
              ) : null}
            </EmptyState>
          )}
        </>
      ) : null}
    </section>
  );
}

function InvitationsTable({
  clsmId,
  surveyId,
  items,
  onNotice,
}: {
  clsmId: string;
  surveyId: string;
  items: InvitationItem[];
  onNotice: (notice: Notice) => void;
}) {
  const remove = useRemoveInvitation(clsmId, surveyId);
  return (
    <DataTable caption="Personnes invitées" captionHidden>
      <thead>
        <tr>
          <th scope="col">Nom</th>
          <th scope="col">Fonction · structure</th>
          <th scope="col">Statut</th>
          <th scope="col">Envoyée</th>
          <th scope="col">Relancée</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.length === 0 ? (
          <tr>
            <td colSpan={6} className="muted">
              Aucune invitation avec ce statut.
            </td>
          </tr>
        ) : null}
        {items.map((i) => (
          <tr key={i.id}>
            <th scope="row">
              <Link to={`/clsm/${clsmId}/annuaire/personnes/${i.personId}`}>{i.name}</Link>
              <span className="cell-sub">{i.email ?? "Pas d'adresse e-mail"}</span>
            </th>
            <td>
              {[i.function, i.structureName].filter(Boolean).join(" · ") || <span className="muted">—</span>}
            </td>
            <td>
              <Badge tone={tones[i.status]}>{invitationStatusLabels[i.status]}</Badge>
              {i.answeredOn ? <span className="cell-sub">le {formatDate(i.answeredOn)}</span> : null}
            </td>
            <td>{i.sentAt ? formatDate(i.sentAt) : <span className="muted">—</span>}</td>
            <td>{i.remindedAt ? formatDate(i.remindedAt) : <span className="muted">—</span>}</td>
            <td className="actions-cell">
              {i.status === "answered" ? null : (
                <Button
                  size="sm"
                  variant="quiet"
                  aria-label={`Retirer l'invitation de ${i.name}`}
                  isPending={remove.isPending && remove.variables === i.id}
                  onPress={() =>
                    remove.mutate(i.id, {
                      onSuccess: () =>
                        onNotice({
                          tone: "success",
                          text: `L'invitation de ${i.name} est retirée : son lien ne fonctionne plus.`,
                        }),
                      onError: (error) => onNotice({ tone: "error", text: messageOf(error) }),
                    })
                  }
                >
                  Retirer
                </Button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
