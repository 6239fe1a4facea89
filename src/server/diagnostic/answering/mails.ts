import { escapeHtml, type MailContent } from "../../mail/templates";
import { frenchLongDate, frenchTime, ofClsm } from "../../meetings/convocation-mails";

// The French mails of survey invitations: the invitation and its reminder. Each says what the survey is, until
// when it can be answered, whether the answers are anonymous (the sentence shown on the page), and gives the
// personal link; a plain-text body and a simple HTML body with the same content.

export type InvitationMailKind = "invitation" | "reminder";

const when = (d: Date) => `${frenchLongDate(d)} à ${frenchTime(d)}`;

export function invitationMail(input: {
  kind: InvitationMailKind;
  title: string;
  clsmName: string;
  personName: string;
  opensAt: Date | null;
  closesAt: Date | null;
  /** `anonymitySentence(anonymous, true)` */
  anonymity: string;
  url: string;
  message?: string;
}): MailContent {
  const { kind, title } = input;
  const clsm = ofClsm(input.clsmName);
  const subject = kind === "reminder" ? `Rappel : questionnaire « ${title} »` : `Questionnaire : ${title}`;
  const hello = `Bonjour ${input.personName},`;
  const lead =
    kind === "reminder"
      ? `Pour rappel, la coordination ${clsm} vous a invité·e à répondre au questionnaire « ${title} », et nous n'avons pas encore reçu votre réponse.`
      : `La coordination ${clsm} vous invite à répondre au questionnaire « ${title} ».`;
  const opensLater = input.opensAt && input.opensAt.getTime() > Date.now() ? input.opensAt : null;
  const period = [
    opensLater ? `Il ouvrira le ${when(opensLater)}.` : null,
    input.closesAt ? `Vous pouvez répondre jusqu'au ${when(input.closesAt)}.` : null,
  ]
    .filter(Boolean)
    .join(" ");
  const how = "Votre lien personnel (il ne demande pas de compte ; merci de ne pas le transmettre) :";
  const footer = `Ce message vous est envoyé par la coordination ${clsm} via Maillage.`;
  const paragraphs = [lead, ...(period ? [period] : []), input.anonymity];

  const text = [
    hello,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...(input.message ? ["Message de la coordination :", input.message, ""] : []),
    how,
    input.url,
    "",
    footer,
    "",
  ].join("\n");

  const p = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, "<br>")}</p>`;
  const html = `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1b2a2f">
${p(hello)}
${paragraphs.map(p).join("\n")}
${input.message ? `<h2 style="font-size:1.1em">Message de la coordination</h2>\n${p(input.message)}` : ""}
<p><a href="${escapeHtml(input.url)}" style="display:inline-block;padding:10px 16px;background:#0f5c63;color:#fff;border-radius:6px;text-decoration:none">Répondre au questionnaire</a></p>
${p(`Ce lien vous est personnel et ne demande pas de compte ; merci de ne pas le transmettre. ${input.url}`)}
<p style="color:#4a5a60;font-size:0.9em">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}
