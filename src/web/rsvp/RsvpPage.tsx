import { useEffect, useRef, useState } from "react";
import { FieldError, Label, Radio, RadioGroup } from "react-aria-components";
import { useParams } from "react-router";
import { rsvpLabels } from "../../contracts/meetings";
import { type RsvpView, rsvpAnswerLabels, rsvpAnswers } from "../../contracts/meetings-convocations";
import { isApiError, messageOf } from "../lib/api";
import { formatDateTime } from "../lib/format";
import { Alert } from "../ui/Alert";
import { Button } from "../ui/Button";
import { Form } from "../ui/Form";
import { Loading } from "../ui/Loading";
import { Page } from "../ui/Page";
import { TextField } from "../ui/TextField";
import { useAnswerRsvp, useRsvp } from "./api";
import "./rsvp.css";

type Answer = (typeof rsvpAnswers)[number];

/** The answer as the confirmation tells it back. */
const answerSaid: Record<Answer, string> = {
  yes: "Vous serez présent·e",
  no: "Vous ne pourrez pas venir",
  maybe: "Vous ne savez pas encore si vous pourrez venir",
};

const longDate = new Intl.DateTimeFormat("fr-FR", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Paris",
});
/** "du CLSM de Lorient", or "du CLSM « Pays de Morlaix »" when the name does not say CLSM. */
const ofClsm = (name: string) => (/^clsm\b/i.test(name.trim()) ? `du ${name}` : `du CLSM « ${name} »`);
/** "14:30" → "14 h 30" */
const frenchTime = (hhmm: string) => hhmm.replace(":", " h ");

/**
 * The answer to an invitation, from the link of the convocation mail: no account, no sign-in. Plain words, large
 * choices (it is often opened on a phone), and the answer confirmed on the page.
 */
export function RsvpPage() {
  const { token = "" } = useParams();
  const rsvp = useRsvp(token);

  if (rsvp.isPending)
    return (
      <Page title="Réponse à une invitation" width="narrow" busy>
        <Loading label="Chargement de l'invitation…" />
      </Page>
    );
  if (rsvp.isError) {
    const gone = isApiError(rsvp.error, 410);
    return (
      <Page title={gone ? "Invitation close" : "Lien de réponse non valide"} width="narrow">
        <Alert tone={gone ? "info" : "error"}>{messageOf(rsvp.error)}</Alert>
      </Page>
    );
  }
  return <Invitation token={token} view={rsvp.data} />;
}

function Invitation({ token, view }: { token: string; view: RsvpView }) {
  const { meeting: m } = view;
  const answer = useAnswerRsvp(token);
  const [choice, setChoice] = useState<Answer | null>(view.rsvp === "pending" ? null : view.rsvp);
  const [substitute, setSubstitute] = useState(view.substituteName ?? "");
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirmed) confirmation.current?.focus();
  }, [confirmed]);

  const date = longDate.format(new Date(m.startsAt));
  return (
    <Page
      title={m.title}
      documentTitle={`Invitation : ${m.title}`}
      width="narrow"
      eyebrow={`Invitation · ${m.clsmName}`}
      lead={<p>Bonjour {view.invitee.name}, vous êtes invité·e à cette réunion.</p>}
    >
      <section aria-labelledby="quand-ou">
        <h2 id="quand-ou" className="visually-hidden">
          Date et lieu
        </h2>
        <dl className="facts rsvp-facts">
          <div className="facts__item facts__item--wide">
            <dt>Date</dt>
            <dd>{date}</dd>
          </div>
          <div className="facts__item facts__item--wide">
            <dt>Horaire</dt>
            <dd>
              de {frenchTime(m.time)} à {frenchTime(m.endTime)}
            </dd>
          </div>
          {m.placeName || m.address ? (
            <div className="facts__item facts__item--wide">
              <dt>Lieu</dt>
              <dd>{[m.placeName, m.address].filter(Boolean).join(", ")}</dd>
            </div>
          ) : null}
          {m.videoUrl ? (
            <div className="facts__item facts__item--wide">
              <dt>Visioconférence</dt>
              <dd>
                <a href={m.videoUrl}>{m.videoUrl}</a>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="reponse" className="card stack">
        <h2 id="reponse">Votre réponse</h2>
        {confirmed ? (
          <div ref={confirmation} tabIndex={-1}>
            <Alert tone="success" title="Merci, votre réponse est enregistrée.">
              {confirmed}
            </Alert>
          </div>
        ) : (
          <p>
            {view.rsvp === "pending"
              ? "Vous n'avez pas encore répondu."
              : `Réponse enregistrée${view.respondedAt ? ` le ${formatDateTime(view.respondedAt)}` : ""} : ${rsvpLabels[view.rsvp]}${view.substituteName ? `, remplacé·e par ${view.substituteName}` : ""}.`}
          </p>
        )}
        {view.canChange ? (
          <Form
            error={answer.error}
            isPending={answer.isPending}
            requiredNote={false}
            onSubmit={(event) => {
              event.preventDefault();
              if (!choice) return;
              const who = choice === "no" ? substitute.trim() : "";
              answer.mutate(
                { rsvp: choice, substituteName: who },
                {
                  onSuccess: () =>
                    setConfirmed(
                      `${answerSaid[choice]}${who ? ` ; à votre place viendra : ${who}` : ""}. Vous pouvez revenir sur cette page pour changer d'avis jusqu'au début de la réunion.`,
                    ),
                },
              );
            }}
          >
            <RadioGroup
              className="choice-group"
              name="rsvp"
              isRequired
              value={choice}
              onChange={(v) => {
                setChoice(v as Answer);
                setConfirmed(null);
              }}
            >
              <Label className="choice-group__label">{"Serez-vous présent·e\u00a0?"}</Label>
              <div className="choice-group__options">
                {rsvpAnswers.map((a) => (
                  <Radio key={a} value={a} className="choice">
                    {rsvpAnswerLabels[a]}
                  </Radio>
                ))}
              </div>
              <FieldError className="choice-group__error">Choisissez une réponse.</FieldError>
            </RadioGroup>
            {choice === "no" ? (
              <TextField
                label={"Quelqu'un viendra-t-il à votre place\u00a0?"}
                description="Son nom, et sa fonction si c'est utile. Laissez vide si personne ne vous remplace."
                name="substituteName"
                autoComplete="off"
                maxLength={160}
                value={substitute}
                onChange={setSubstitute}
              />
            ) : null}
            <div className="form__actions">
              <Button type="submit" variant="primary" isPending={answer.isPending}>
                Envoyer ma réponse
              </Button>
            </div>
          </Form>
        ) : (
          <Alert tone="info">La réunion a commencé : votre réponse ne peut plus être modifiée.</Alert>
        )}
      </section>
      <p className="muted">
        Ce lien vous est personnel : il a été envoyé par la coordination {ofClsm(m.clsmName)} via Maillage, et
        ne demande pas de compte.
      </p>
    </Page>
  );
}
