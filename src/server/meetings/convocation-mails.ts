import { escapeHtml, type MailContent } from "../mail/templates";
import { type CalendarMeeting, durationText, endOf } from "./ics";

// French mails of the meetings: convocation, update, reminder and cancellation. Each has a plain-text body and a
// simple HTML body with the same content (title, date, time, place, video link, agenda, message, answer link).

export type MeetingMailKind = "convocation" | "update" | "reminder" | "cancellation";

const longDate = new Intl.DateTimeFormat("fr-FR", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Paris",
});
const clock = new Intl.DateTimeFormat("fr-FR", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Europe/Paris",
});

/** "mardi 8 décembre 2026" */
export const frenchLongDate = (d: Date) => longDate.format(d);
/** "14 h 30" */
export const frenchTime = (d: Date) => clock.format(d).replace(":", " h ");

const subjects: Record<MeetingMailKind, string> = {
  convocation: "Convocation",
  update: "Modification",
  reminder: "Rappel",
  cancellation: "Annulation",
};

/** "du CLSM de Lorient", or "du CLSM « Pays de Morlaix »" when the name does not say CLSM. */
export const ofClsm = (name: string) => (/^clsm\b/i.test(name.trim()) ? `du ${name}` : `du CLSM « ${name} »`);

function intro(kind: MeetingMailKind, clsmName: string, title: string, when: string) {
  const clsm = ofClsm(clsmName);
  switch (kind) {
    case "convocation":
      return `Vous êtes invité·e à la réunion « ${title} » ${clsm}, le ${when}.`;
    case "update":
      return `La réunion « ${title} » ${clsm} a changé : voici ses informations à jour. Elle aura lieu le ${when}.`;
    case "reminder":
      return `Pour rappel, la réunion « ${title} » ${clsm} a lieu le ${when}.`;
    case "cancellation":
      return `La réunion « ${title} » ${clsm}, prévue le ${when}, est annulée.`;
  }
}

export function meetingMail(input: {
  kind: MeetingMailKind;
  meeting: CalendarMeeting;
  clsmName: string;
  inviteeName: string;
  message?: string | null;
  rsvpUrl?: string;
  /** A reminder says what the invitee answered. */
  answer?: string | null;
}): MailContent {
  const { kind, meeting: m } = input;
  const date = frenchLongDate(m.startsAt);
  const when = `${date} à ${frenchTime(m.startsAt)}`;
  const subject = `${subjects[kind]} : ${m.title} — ${date}`;
  const hello = `Bonjour ${input.inviteeName},`;
  const lead = intro(kind, input.clsmName, m.title, when);

  // Lines of the "practical information" block: [label, value, link?]
  const facts: [string, string, string?][] = [
    ["Date", date],
    ["Horaire", `de ${frenchTime(m.startsAt)} à ${frenchTime(endOf(m))}`],
  ];
  if (m.placeName) facts.push(["Lieu", m.placeName]);
  if (m.address) facts.push(["Adresse", m.address]);
  if (m.videoUrl) facts.push(["Visioconférence", m.videoUrl, m.videoUrl]);
  const cancelled = kind === "cancellation";
  const agenda = cancelled ? [] : (m.agenda ?? []);
  const agendaLine = (a: NonNullable<CalendarMeeting["agenda"]>[number]) => {
    const extra = [a.durationMinutes ? durationText(a.durationMinutes) : null, a.presenter].filter(Boolean);
    return `${a.title}${extra.length ? ` (${extra.join(", ")})` : ""}`;
  };
  const answerText =
    kind === "reminder" && input.answer ? `Votre réponse enregistrée : ${input.answer}.` : null;
  const rsvp =
    !cancelled && input.rsvpUrl
      ? kind === "reminder"
        ? "Pour changer votre réponse, ou indiquer qui viendra à votre place :"
        : "Merci d'indiquer si vous serez présent·e (ou qui viendra à votre place) :"
      : null;
  const calendarNote = cancelled
    ? "L'événement joint retire la réunion de votre agenda."
    : kind === "reminder"
      ? null
      : "L'invitation jointe (fichier .ics) ajoute la réunion à votre agenda, ou la met à jour.";
  const footer = `Ce message vous est envoyé par la coordination ${ofClsm(input.clsmName)} via Maillage.`;

  const text = [
    hello,
    "",
    lead,
    "",
    ...facts.map(([label, value]) => `${label} : ${value}`),
    ...(description(m) ? ["", description(m) as string] : []),
    ...(agenda.length ? ["", "Ordre du jour :", ...agenda.map((a, i) => `${i + 1}. ${agendaLine(a)}`)] : []),
    ...(input.message ? ["", "Message de la coordination :", input.message] : []),
    ...(answerText ? ["", answerText] : []),
    ...(rsvp ? ["", rsvp, input.rsvpUrl as string] : []),
    ...(calendarNote ? ["", calendarNote] : []),
    "",
    footer,
    "",
  ].join("\n");

  const p = (s: string) => `<p>${escapeHtml(s).replace(/\n/g, "<br>")}</p>`;
  const html = `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1b2a2f">
${p(hello)}
${p(lead)}
<h1 style="font-size:1.3em;margin:1em 0 0.5em">${cancelled ? "Annulé : " : ""}${escapeHtml(m.title)}</h1>
<table role="presentation" style="border-collapse:collapse">
${facts
  .map(
    ([label, value, link]) =>
      `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(label)}</th><td>${
        link ? `<a href="${escapeHtml(link)}">${escapeHtml(value)}</a>` : escapeHtml(value)
      }</td></tr>`,
  )
  .join("\n")}
</table>
${description(m) ? p(description(m) as string) : ""}
${
  agenda.length
    ? `<h2 style="font-size:1.1em">Ordre du jour</h2>\n<ol>\n${agenda.map((a) => `<li>${escapeHtml(agendaLine(a))}</li>`).join("\n")}\n</ol>`
    : ""
}
${input.message ? `<h2 style="font-size:1.1em">Message de la coordination</h2>\n${p(input.message)}` : ""}
${answerText ? p(answerText) : ""}
${
  rsvp
    ? `${p(rsvp)}\n<p><a href="${escapeHtml(input.rsvpUrl as string)}" style="display:inline-block;padding:10px 16px;background:#0f5c63;color:#fff;border-radius:6px;text-decoration:none">Répondre à l'invitation</a></p>`
    : ""
}
${calendarNote ? p(calendarNote) : ""}
<p style="color:#4a5a60;font-size:0.9em">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject, text, html };
}

/** The meeting's own description, when the coordination wrote one (cancellations leave it out). */
const description = (m: CalendarMeeting) => (m.status === "cancelled" ? null : m.description);
