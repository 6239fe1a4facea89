import { useState } from "react";
import { Link as RouterLink } from "react-router";
import type { Link } from "../../../contracts/diagnostic-needs";
import { messageOf } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { useMeetings } from "../../meetings/api";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Form } from "../../ui/Form";
import { SelectField } from "../../ui/SelectField";
import { useAddLink, useRemoveLink, useSurveyChoices, useSurveyQuestions } from "./api";

const WHOLE_SURVEY = "_whole";

/** What a need or a resource rests on (surveys, their questions, meetings); the coordination adds and removes. */
export function LinksSection({
  clsmId,
  owner,
  ownerId,
  links,
  canManage,
}: {
  clsmId: string;
  owner: "needs" | "resources";
  ownerId: string;
  links: Link[];
  canManage: boolean;
}) {
  const remove = useRemoveLink(clsmId);
  return (
    <section className="stack" aria-labelledby={`links-${ownerId}`}>
      <h3 id={`links-${ownerId}`}>Sur quoi cela repose</h3>
      {remove.isError ? <Alert tone="error">{messageOf(remove.error)}</Alert> : null}
      {links.length === 0 ? (
        <p className="muted">Aucune enquête ni réunion reliée pour l'instant.</p>
      ) : (
        <ul className="link-list">
          {links.map((l) => (
            <li key={l.id} className="link-list__item">
              <span>
                <LinkText clsmId={clsmId} link={l} />
              </span>
              {canManage ? (
                <Button
                  size="sm"
                  variant="quiet"
                  isPending={remove.isPending && remove.variables === l.id}
                  onPress={() => remove.mutate(l.id)}
                  aria-label={`Retirer le lien : ${linkLabel(l)}`}
                >
                  Retirer
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <div className="link-forms">
          <SurveyLinkForm clsmId={clsmId} owner={owner} ownerId={ownerId} />
          <MeetingLinkForm clsmId={clsmId} owner={owner} ownerId={ownerId} />
        </div>
      ) : null}
    </section>
  );
}

function linkLabel(l: Link): string {
  if (l.meeting) return `réunion « ${l.meeting.title} » du ${formatDate(l.meeting.startsAt)}`;
  const question = l.question ? `, question « ${l.question.label ?? "supprimée"} »` : "";
  return `enquête « ${l.survey?.title ?? ""} »${question}`;
}

function LinkText({ clsmId, link: l }: { clsmId: string; link: Link }) {
  if (l.meeting)
    return (
      <>
        Réunion <RouterLink to={`/clsm/${clsmId}/reunions/${l.meeting.id}`}>« {l.meeting.title} »</RouterLink>{" "}
        du {formatDate(l.meeting.startsAt)}
      </>
    );
  return (
    <>
      Enquête{" "}
      <RouterLink to={`/clsm/${clsmId}/diagnostic/enquetes/${l.survey?.id}/resultats`}>
        « {l.survey?.title} »
      </RouterLink>
      {l.question ? (
        <span className="cell-sub">
          Question : {l.question.label ?? <em>question retirée de l'enquête</em>}
        </span>
      ) : null}
    </>
  );
}

function SurveyLinkForm({
  clsmId,
  owner,
  ownerId,
}: {
  clsmId: string;
  owner: "needs" | "resources";
  ownerId: string;
}) {
  const add = useAddLink(clsmId, owner, ownerId);
  const surveys = useSurveyChoices(clsmId, true);
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const [questionId, setQuestionId] = useState(WHOLE_SURVEY);
  const questions = useSurveyQuestions(clsmId, surveyId);
  const surveyOptions = (surveys.data?.items ?? []).map((s) => ({ id: s.id, label: s.title }));
  const questionOptions = [
    { id: WHOLE_SURVEY, label: "L'enquête dans son ensemble" },
    ...(questions.data ?? []).map((q) => ({ id: q.id, label: q.label })),
  ];
  return (
    <Form
      requiredNote={false}
      error={add.error}
      isPending={add.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        if (!surveyId) return;
        add.mutate(
          { surveyId, ...(questionId === WHOLE_SURVEY ? {} : { questionId }) },
          { onSuccess: () => setQuestionId(WHOLE_SURVEY) },
        );
      }}
    >
      {surveys.isError ? <Alert tone="error">{messageOf(surveys.error)}</Alert> : null}
      {surveys.data && surveyOptions.length === 0 ? (
        <p className="muted">Le CLSM n'a pas encore d'enquête.</p>
      ) : (
        <>
          <SelectField
            label="Enquête"
            name="surveyId"
            options={surveyOptions}
            selectedKey={surveyId}
            onSelectionChange={(k) => {
              setSurveyId(k === null ? null : String(k));
              setQuestionId(WHOLE_SURVEY);
            }}
            placeholder="Choisir une enquête"
          />
          {surveyId ? (
            <SelectField
              label="Question"
              name="questionId"
              options={questionOptions}
              selectedKey={questionId}
              onSelectionChange={(k) => setQuestionId(k === null ? WHOLE_SURVEY : String(k))}
            />
          ) : null}
          <div className="form__actions">
            <Button type="submit" isDisabled={!surveyId} isPending={add.isPending}>
              Relier à l'enquête
            </Button>
          </div>
        </>
      )}
    </Form>
  );
}

function MeetingLinkForm({
  clsmId,
  owner,
  ownerId,
}: {
  clsmId: string;
  owner: "needs" | "resources";
  ownerId: string;
}) {
  const add = useAddLink(clsmId, owner, ownerId);
  // The meetings that already took place, most recent first: what a constat can rest on.
  const meetings = useMeetings(clsmId, { when: "past", limit: 100 });
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const options = (meetings.data?.items ?? []).map((m) => ({
    id: m.id,
    label: `${m.title} — ${formatDate(m.startsAt)}`,
  }));
  return (
    <Form
      requiredNote={false}
      error={add.error}
      isPending={add.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        if (meetingId) add.mutate({ meetingId }, { onSuccess: () => setMeetingId(null) });
      }}
    >
      {meetings.isError ? <Alert tone="error">{messageOf(meetings.error)}</Alert> : null}
      {meetings.data && options.length === 0 ? (
        <p className="muted">Aucune réunion passée.</p>
      ) : (
        <>
          <SelectField
            label="Réunion"
            name="meetingId"
            options={options}
            selectedKey={meetingId}
            onSelectionChange={(k) => setMeetingId(k === null ? null : String(k))}
            placeholder="Choisir une réunion passée"
          />
          <div className="form__actions">
            <Button type="submit" isDisabled={!meetingId} isPending={add.isPending}>
              Relier à la réunion
            </Button>
          </div>
        </>
      )}
    </Form>
  );
}
