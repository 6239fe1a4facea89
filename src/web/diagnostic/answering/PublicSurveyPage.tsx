import { useEffect, useRef, useState } from "react";
import { useMatch, useParams } from "react-router";
import { type PublicSurvey, RESPONDENT_NAME_MAX } from "../../../contracts/survey-answers";
import type { Answers } from "../../../contracts/survey-definition";
import { isApiError, messageOf } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Loading } from "../../ui/Loading";
import { Page } from "../../ui/Page";
import { type LinkKind, usePublicSurvey, useSendAnswer } from "./api";
import { Required } from "./QuestionField";
import { SurveyForm } from "./SurveyForm";
import {
  answeredHere,
  browserKey,
  clearDraft,
  type Draft,
  markAnsweredHere,
  readDraft,
  saveDraft,
} from "./storage";

/**
 * A questionnaire answered without an account, from its public link or a contact's personal link. The page says
 * whether the answers are anonymous before the first question, keeps a half-filled answer in the browser (restored
 * on reload, cleared once sent), and says plainly when the survey is not open or already answered.
 */
export function PublicSurveyPage() {
  const { token = "" } = useParams();
  const kind: LinkKind = useMatch("/questionnaire/invitation/:token") ? "invitation" : "public";
  const survey = usePublicSurvey(kind, token);

  if (survey.isPending)
    return (
      <Page title="Questionnaire" width="narrow" busy>
        <Loading label="Chargement du questionnaire…" />
      </Page>
    );
  if (survey.isError) {
    const error = survey.error;
    const title = isApiError(error, 410)
      ? "Questionnaire fermé"
      : isApiError(error, 409)
        ? "Vous avez déjà répondu"
        : "Lien de questionnaire non valide";
    return (
      <Page title={title} width="narrow">
        <Alert tone={isApiError(error, 404) || !isApiError(error) ? "error" : "info"}>
          {messageOf(error)}
        </Alert>
      </Page>
    );
  }
  return <Answering kind={kind} token={token} survey={survey.data} />;
}

function Answering({ kind, token, survey }: { kind: LinkKind; token: string; survey: PublicSurvey }) {
  const send = useSendAnswer(kind, token);
  const [restored] = useState(() => readDraft(kind, token));
  const [respondent, setRespondent] = useState<NonNullable<Draft["respondent"]>>(
    restored?.respondent ?? { name: "", email: "" },
  );
  const given = useRef<Answers>(restored?.given ?? { answers: {}, others: {} });
  const [formKey, setFormKey] = useState(0);
  const [done, setDone] = useState<"sent" | "already" | null>(() =>
    kind === "public" && answeredHere(kind, token) ? "already" : null,
  );
  const thanks = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done === "sent") thanks.current?.focus();
  }, [done]);

  const keep = () =>
    saveDraft(kind, token, { given: given.current, ...(survey.asksName ? { respondent } : {}) });
  const forget = () => {
    clearDraft(kind, token);
    given.current = { answers: {}, others: {} };
    setRespondent({ name: "", email: "" });
    setFormKey((k) => k + 1);
  };
  const refusal = send.error;
  const closedMeanwhile = isApiError(refusal, 410) || isApiError(refusal, 409);

  const lead = (
    <>
      {survey.invitee ? <p>Bonjour {survey.invitee.name},</p> : null}
      {survey.introduction ? <p className="survey-introduction">{survey.introduction}</p> : null}
    </>
  );
  return (
    <Page
      title={survey.title}
      documentTitle={`Questionnaire : ${survey.title}`}
      width="narrow"
      eyebrow={`Questionnaire · ${survey.clsmName}`}
      lead={lead}
    >
      <section aria-labelledby="confidentialite" className="card stack">
        <h2 id="confidentialite">
          {survey.anonymous ? "Vos réponses sont anonymes" : "Vos réponses sont nominatives"}
        </h2>
        <p>{survey.anonymity}</p>
        {survey.closesAt ? <p>Vous pouvez répondre jusqu'au {formatDateTime(survey.closesAt)}.</p> : null}
        {done ? null : (
          <p className="muted">
            Vos réponses en cours sont gardées dans ce navigateur jusqu'à leur envoi, pour ne pas les perdre
            si la page se recharge.{" "}
            <Button variant="quiet" size="sm" onPress={forget}>
              Effacer mes réponses en cours
            </Button>
          </p>
        )}
      </section>

      {done === "sent" ? (
        <div ref={thanks} tabIndex={-1}>
          <Alert tone="success" title="Merci, vos réponses sont enregistrées.">
            {survey.anonymous
              ? "Elles sont anonymes : personne ne pourra savoir qu'elles viennent de vous."
              : "La coordination du CLSM pourra les lire avec votre nom."}
          </Alert>
        </div>
      ) : done === "already" ? (
        <Alert tone="info" title="Vous avez déjà répondu à ce questionnaire depuis ce navigateur.">
          Merci de votre participation !
        </Alert>
      ) : closedMeanwhile ? (
        <Alert tone="info">{messageOf(refusal)}</Alert>
      ) : (
        <SurveyForm
          key={formKey}
          definition={survey.definition}
          communes={survey.communes}
          falc={survey.audience === "public"}
          initial={given.current}
          onChange={(next) => {
            given.current = next;
            keep();
          }}
          isPending={send.isPending}
          error={refusal}
          headerFields={
            survey.asksName
              ? {
                  "respondent.name": { id: "repondant-nom", label: "Votre nom" },
                  "respondent.email": { id: "repondant-email", label: "Votre adresse e-mail" },
                }
              : {}
          }
          checkHeader={(): Record<string, string> =>
            survey.asksName && !respondent.name.trim()
              ? { "respondent.name": "Indiquez votre nom : ce questionnaire n'est pas anonyme." }
              : {}
          }
          header={
            survey.asksName
              ? (errors) => (
                  <RespondentFields
                    value={respondent}
                    errors={errors}
                    onChange={(next) => {
                      setRespondent(next);
                      saveDraft(kind, token, { given: given.current, respondent: next });
                    }}
                  />
                )
              : undefined
          }
          onSubmit={(answers) =>
            send.mutate(
              {
                ...answers,
                ...(kind === "public" ? { browserKey: browserKey() } : {}),
                ...(survey.asksName
                  ? {
                      respondent: {
                        name: respondent.name.trim(),
                        ...(respondent.email.trim() ? { email: respondent.email.trim() } : {}),
                      },
                    }
                  : {}),
              },
              {
                onSuccess: () => {
                  clearDraft(kind, token);
                  if (kind === "public") markAnsweredHere(kind, token);
                  setDone("sent");
                },
                onError: (error) => {
                  if (isApiError(error, 409) && kind === "public") markAnsweredHere(kind, token);
                },
              },
            )
          }
        />
      )}
    </Page>
  );
}

/** A named survey's public link: who answers (the name is required, the e-mail address is not). */
function RespondentFields({
  value,
  errors,
  onChange,
}: {
  value: NonNullable<Draft["respondent"]>;
  errors: Record<string, string>;
  onChange: (value: NonNullable<Draft["respondent"]>) => void;
}) {
  const field = (key: "name" | "email", id: string, label: string, required: boolean) => {
    const error = errors[`respondent.${key}`];
    return (
      <div className="survey-question">
        <label className="survey-question__label" htmlFor={id}>
          {label}
          {required ? <Required /> : null}
        </label>
        {error ? (
          <p id={`${id}-error`} className="field__error survey-question__error">
            {error}
          </p>
        ) : null}
        <input
          id={id}
          className="field__input"
          type={key === "email" ? "email" : "text"}
          autoComplete={key === "email" ? "email" : "name"}
          maxLength={key === "email" ? 254 : RESPONDENT_NAME_MAX}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={value[key]}
          onChange={(event) => onChange({ ...value, [key]: event.target.value })}
        />
      </div>
    );
  };
  return (
    <fieldset className="fieldset">
      <legend>Qui répond ?</legend>
      {field("name", "repondant-nom", "Votre nom", true)}
      {field("email", "repondant-email", "Votre adresse e-mail (facultative)", false)}
    </fieldset>
  );
}
