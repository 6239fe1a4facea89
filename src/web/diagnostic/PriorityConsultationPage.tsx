import { useState } from "react";
import { useLocation, useParams } from "react-router";
import { type ConsultationDetail, consultationStatusLabels } from "../../contracts/diagnostic-priorities";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError, messageOf } from "../lib/api";
import { plural } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { useClsm } from "../workspaces/api";
import { useConsultation } from "./priorities/api";
import { BallotSection } from "./priorities/BallotSection";
import { CandidatesEditor } from "./priorities/CandidatesEditor";
import { ConsultationActions, type Notice } from "./priorities/ConsultationActions";
import { closingLine, methodLine, statusTones } from "./priorities/labels";
import { ResultsSection } from "./priorities/ResultsSection";
import "./priorities/priorities.css";

/**
 * One consultation. The coordination prepares its candidates, opens and closes the vote and, once closed, chooses
 * the priorities; members vote while it is open; everyone who reads the CLSM sees the results once it is closed.
 */
export function PriorityConsultationPage() {
  const { consultationId = "" } = useParams();
  return <ConsultationView key={consultationId} />;
}

function ConsultationView() {
  const { clsmId = "", consultationId = "" } = useParams();
  const consultation = useConsultation(clsmId, consultationId);
  const clsmName = useClsm(clsmId).data?.name;
  const initial = (useLocation().state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState<Notice | null>(initial ? { tone: "success", text: initial } : null);

  if (consultation.isError && (isApiError(consultation.error, 404) || isApiError(consultation.error, 400)))
    return <NotFoundPage title="Consultation introuvable" />;
  if (consultation.isError)
    return (
      <Page title="Consultation">
        <Alert tone="error">{messageOf(consultation.error)}</Alert>
      </Page>
    );
  if (consultation.isPending)
    return (
      <Page title="Chargement de la consultation…" busy>
        <Loading label="Chargement de la consultation…" />
      </Page>
    );

  const c = consultation.data;
  return (
    <Page
      title={c.title}
      eyebrow={clsmName ? `Priorités · ${clsmName}` : "Priorités"}
      lead={
        <>
          <p className="badges">
            <Badge tone={statusTones[c.status]}>{consultationStatusLabels[c.status]}</Badge>
            <span>{methodLine(c)}</span>
          </p>
          {closingLine(c) ? <p>{closingLine(c)}</p> : null}
        </>
      }
      actions={
        c.can.manage ? <ConsultationActions clsmId={clsmId} consultation={c} onDone={setNotice} /> : null
      }
    >
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {c.description ? <p className="pre-line">{c.description}</p> : null}
      <Participation consultation={c} />
      {c.can.edit ? <CandidatesEditor clsmId={clsmId} consultation={c} onNotice={setNotice} /> : null}
      {c.can.vote ? <BallotSection clsmId={clsmId} consultation={c} /> : null}
      {c.results ? <ResultsSection clsmId={clsmId} consultation={c} onNotice={setNotice} /> : null}
      {!c.can.edit && !c.can.vote && !c.results ? <CandidateList consultation={c} /> : null}
    </Page>
  );
}

/** How many have voted (never who voted what), and where the reader stands. */
function Participation({ consultation: c }: { consultation: ConsultationDetail }) {
  if (c.status === "draft")
    return (
      <Alert tone="info">
        Consultation en préparation : le vote n'est pas encore ouvert
        {c.can.manage ? ". Ajoutez au moins deux propositions, puis ouvrez le vote." : "."}
      </Alert>
    );
  const ballots =
    c.ballotCount === 0
      ? "Personne n'a encore voté"
      : `${plural(c.ballotCount, "membre")} ${c.ballotCount > 1 ? "ont" : "a"} voté`;
  if (c.status === "open")
    return (
      <Alert tone="info">
        {ballots}. Les résultats s'afficheront à la clôture du vote
        {c.hasVoted ? " ; votre vote est enregistré, vous pouvez le modifier jusque-là." : "."}
      </Alert>
    );
  return null;
}

/** The candidates as a plain list (a reader who does not vote, before the results). */
function CandidateList({ consultation: c }: { consultation: ConsultationDetail }) {
  return (
    <section className="section" aria-labelledby="propositions">
      <h2 id="propositions">Propositions</h2>
      <ol className="priority-list">
        {c.candidates.map((k) => (
          <li key={k.id} className="priority-list__item">
            <p className="priority-list__title">{k.title}</p>
            {k.description ? <p className="pre-line muted">{k.description}</p> : null}
            {k.need ? <p className="muted">Répond au besoin « {k.need.title} »</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
