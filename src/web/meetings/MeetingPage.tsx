import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { instanceKindLabels } from "../../contracts/governance";
import type { MeetingDetail } from "../../contracts/meetings";
import { NotFoundPage } from "../app/NotFoundPage";
import { isApiError, messageOf } from "../lib/api";
import { Alert } from "../ui/Alert";
import { Badge } from "../ui/Badge";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { useClsm } from "../workspaces/api";
import { AgendaSection } from "./AgendaSection";
import { AttendanceSection } from "./AttendanceSection";
import { useMeeting } from "./api";
import { CalendarFeedCard } from "./convocations/CalendarFeedCard";
import { ConvocationPanel } from "./convocations/ConvocationPanel";
import { formatDuration, formatWhen, monthOf } from "./dates";
import { DocumentsSection } from "./documents/DocumentsSection";
import { SignInSheetButton } from "./documents/SignInSheetButton";
import { InviteesSection } from "./InviteesSection";
import { meetingState, type Notice } from "./labels";
import { MeetingActions } from "./MeetingActions";
import { MinutesSection } from "./minutes/MinutesSection";

const reminderText = (days: number | null) =>
  days === null
    ? "Aucun rappel"
    : days === 0
      ? "Le jour même"
      : days === 1
        ? "La veille"
        : `${days} jours avant`;

/** One meeting: when and where, its agenda, its invitees and their answers, the attendance. */
export function MeetingPage() {
  const { meetingId = "" } = useParams();
  // Another meeting (a duplicate opened from this one) is a new page: fresh notice and focus.
  return <MeetingView key={meetingId} />;
}

function MeetingView() {
  const { clsmId = "", meetingId = "" } = useParams();
  const meeting = useMeeting(clsmId, meetingId);
  const clsmName = useClsm(clsmId).data?.name;
  const initial = (useLocation().state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState<Notice | null>(initial ? { tone: "success", text: initial } : null);

  if (meeting.isError && (isApiError(meeting.error, 404) || isApiError(meeting.error, 400)))
    return <NotFoundPage title="Réunion introuvable" />;
  if (meeting.isError)
    return (
      <Page title="Réunion">
        <Alert tone="error">{messageOf(meeting.error)}</Alert>
      </Page>
    );
  if (meeting.isPending)
    return (
      <Page title="Chargement de la réunion…" busy>
        <Loading label="Chargement de la réunion…" />
      </Page>
    );

  const m = meeting.data;
  const state = meetingState(m);
  const cancelled = m.status === "cancelled";
  return (
    <Page
      title={m.title}
      documentTitle={`${m.title} (${m.date.split("-").reverse().join("/")})`}
      eyebrow={clsmName ? `Réunions · ${clsmName}` : "Réunions"}
      lead={
        <>
          <p className="meeting-when">{formatWhen(m)}</p>
          <p className="badges">
            <Badge tone={state.tone}>{state.label}</Badge>
            {m.instance ? <Badge tone="info">{instanceKindLabels[m.instance.kind]}</Badge> : null}
            {m.seriesId ? <Badge tone="neutral">Réunion d'une série</Badge> : null}
          </p>
        </>
      }
      actions={m.can.manage ? <MeetingActions clsmId={clsmId} meeting={m} onDone={setNotice} /> : null}
    >
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {cancelled ? (
        <Alert tone="warning" title="Réunion annulée">
          Cette réunion n'aura pas lieu. Elle reste visible dans le calendrier, barrée.
          {m.can.manage ? " Pour la reprogrammer, dupliquez-la à une autre date." : ""}
        </Alert>
      ) : null}
      <MeetingFacts clsmId={clsmId} meeting={m} />
      <AgendaSection clsmId={clsmId} meeting={m} onNotice={setNotice} />
      <ConvocationPanel clsmId={clsmId} meeting={m} />
      {/*
        ─── Sections of the other parts of a meeting go here, between the agenda and the invitees: ───
        convocations and calendar feed (./convocations/), minutes, decisions and follow-ups (./minutes/),
        documents (./documents/).
      */}
      <DocumentsSection clsmId={clsmId} meeting={m} />
      <MinutesSection clsmId={clsmId} meeting={m} />
      <InviteesSection clsmId={clsmId} meeting={m} onNotice={setNotice} />
      {m.can.manage ? <SignInSheetButton clsmId={clsmId} meetingId={m.id} /> : null}
      <AttendanceSection clsmId={clsmId} meeting={m} />
      <CalendarFeedCard scope={{ kind: "clsm", clsmId }} />
      <p>
        <Link to={`/clsm/${clsmId}/reunions?mois=${monthOf(m.date)}`}>
          Revenir au calendrier des réunions
        </Link>
      </p>
    </Page>
  );
}

function MeetingFacts({ clsmId, meeting: m }: { clsmId: string; meeting: MeetingDetail }) {
  return (
    <section className="section" aria-labelledby="informations">
      <h2 id="informations" className="visually-hidden">
        Informations pratiques
      </h2>
      <dl className="facts">
        <div className="facts__item">
          <dt>Instance</dt>
          <dd>
            {m.instance ? (
              <Link to={`/clsm/${clsmId}/instances/${m.instance.id}`}>{m.instance.name}</Link>
            ) : (
              "Réunion hors instance"
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>Durée</dt>
          <dd>{formatDuration(m.durationMinutes)}</dd>
        </div>
        <div className="facts__item">
          <dt>Lieu</dt>
          <dd>{m.placeName || <span className="muted">Non précisé</span>}</dd>
        </div>
        <div className="facts__item">
          <dt>Adresse</dt>
          <dd>{m.address || <span className="muted">Non précisée</span>}</dd>
        </div>
        <div className="facts__item facts__item--wide">
          <dt>Visioconférence</dt>
          <dd>
            {m.videoUrl ? (
              <a href={m.videoUrl} className="meeting-video">
                {m.videoUrl}
              </a>
            ) : (
              <span className="muted">Pas de lien</span>
            )}
          </dd>
        </div>
        {m.can.manage ? (
          <div className="facts__item">
            <dt>Rappel</dt>
            <dd>{reminderText(m.reminderDaysBefore)}</dd>
          </div>
        ) : null}
        {m.description ? (
          <div className="facts__item facts__item--wide">
            <dt>Description</dt>
            <dd className="pre-line">{m.description}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
