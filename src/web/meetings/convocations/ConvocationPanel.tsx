import { useState } from "react";
import type { MeetingDetail } from "../../../contracts/meetings";
import type { SendConvocationsResult } from "../../../contracts/meetings-convocations";
import { formatDate, plural } from "../../lib/format";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Form } from "../../ui/Form";
import { TextField } from "../../ui/TextField";
import { useSendConvocations } from "./api";

/** "12 convocations envoyées, 2 invité·es sans adresse e-mail" */
export function convocationResultText(r: SendConvocationsResult, update: boolean): string {
  const sent =
    r.sent === 0
      ? "Aucun courriel envoyé"
      : update
        ? plural(r.sent, "mise à jour envoyée", "mises à jour envoyées")
        : plural(r.sent, "convocation envoyée", "convocations envoyées");
  const without = r.withoutEmail
    ? `, ${plural(r.withoutEmail, "invité·e sans adresse e-mail", "invité·es sans adresse e-mail")} : prévenez-les autrement`
    : "";
  return `${sent}${without}.`;
}

/**
 * Sending the convocations of a meeting (coordination only): to the invitees not yet convened, or — after a change
 * of time or place — the update to those who received an older version. An optional message goes with it.
 */
export function ConvocationPanel({ clsmId, meeting: m }: { clsmId: string; meeting: MeetingDetail }) {
  const send = useSendConvocations(clsmId, m.id);
  const [message, setMessage] = useState("");
  const [result, setResult] = useState<string | null>(null);
  if (!m.can.manage || m.status !== "scheduled") return null;

  const reachable = m.invitees.filter((i) => i.email);
  const noEmail = m.invitees.length - reachable.length;
  const toConvene = reachable.filter((i) => !i.convokedAt);
  const toUpdate = reachable.filter((i) => i.convokedAt && !i.upToDate);
  const upToDate = reachable.filter((i) => i.upToDate);
  const isUpdate = toUpdate.length > 0;
  const resend = !isUpdate && !toConvene.length;
  const lastSent = upToDate
    .map((i) => i.convokedAt as string)
    .sort()
    .at(-1);
  const notYet = toConvene.length
    ? `${plural(toConvene.length, "invité·e n'a", "invité·es n'ont")} pas encore reçu de convocation.`
    : "";

  const status = !m.invitees.length
    ? "Personne n'est encore invité à cette réunion."
    : isUpdate
      ? `La réunion a changé depuis l'envoi des convocations : ${plural(toUpdate.length, "invité·e n'a", "invité·es n'ont")} pas la version à jour. ${notYet}`.trim()
      : !upToDate.length
        ? "Les convocations n'ont pas encore été envoyées."
        : notYet ||
          `Tous les invités joignables ont reçu leur convocation${lastSent ? ` (dernier envoi le ${formatDate(lastSent)})` : ""}.`;

  const label = isUpdate
    ? "Envoyer la mise à jour aux invités"
    : resend
      ? "Renvoyer les convocations à tous"
      : "Envoyer les convocations";

  return (
    <section className="section" aria-labelledby="convocations">
      <h2 id="convocations">Convocations</h2>
      <div className="card stack">
        <p>{status}</p>
        {noEmail ? (
          <p className="muted">
            {plural(noEmail, "invité·e n'a", "invité·es n'ont")} pas d'adresse e-mail : à prévenir autrement.
          </p>
        ) : null}
        {result ? <Alert tone="success">{result}</Alert> : null}
        {reachable.length ? (
          <Form
            error={send.error}
            isPending={send.isPending}
            requiredNote={false}
            onSubmit={(event) => {
              event.preventDefault();
              setResult(null);
              send.mutate(
                { scope: resend ? "all" : "pending", message: message.trim() || undefined },
                {
                  onSuccess: (r) => {
                    setResult(convocationResultText(r, isUpdate));
                    setMessage("");
                  },
                },
              );
            }}
          >
            <TextField
              label="Message aux invités (facultatif)"
              description="Ajouté au courriel, avant le lien pour répondre. La date, le lieu et l'ordre du jour y sont déjà."
              name="message"
              multiline
              maxLength={2000}
              value={message}
              onChange={setMessage}
            />
            <div className="form__actions">
              <Button type="submit" variant={resend ? "secondary" : "primary"} isPending={send.isPending}>
                {label}
              </Button>
            </div>
          </Form>
        ) : null}
        <p className="muted">
          Chaque invité reçoit un courriel avec l'invitation pour son agenda et un lien personnel pour
          répondre, sans compte. Un rappel part automatiquement avant la réunion si un rappel est prévu.
        </p>
      </div>
    </section>
  );
}
