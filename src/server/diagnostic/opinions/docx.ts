import {
  type OpinionDetail,
  opinionStatusLabels,
  opinionSubjectLabels,
} from "../../../contracts/diagnostic-opinions";
import { frenchDay, frenchDocx, heading, labelled, note, textParagraphs } from "../page/docx-kit";

/** Where an avis stands, in one sentence (the last line of its document). */
export function statusLine(o: OpinionDetail): string {
  if (o.status === "sent" && o.sentOn)
    return `Avis transmis le ${frenchDay(o.sentOn)}${o.sentTo ? ` à ${o.sentTo}` : ""}.`;
  if (o.status === "adopted") return "Avis adopté, pas encore transmis.";
  return "Document de travail : avis non adopté.";
}

/** "COPIL du 12 mars 2027" — the meeting that adopted the avis. */
export const adoptedAt = (meeting: { title: string; date: string }) =>
  `${meeting.title} du ${frenchDay(meeting.date)}`;

/** The avis as a Word document: title, CLSM, subject, adoption, the text, and where it stands. */
export function opinionDocx(clsmName: string, o: OpinionDetail): Promise<Buffer> {
  const adoption = !o.adoptedOn
    ? null
    : !o.meeting
      ? `le ${frenchDay(o.adoptedOn)}`
      : o.meeting.date === o.adoptedOn
        ? adoptedAt(o.meeting)
        : `${adoptedAt(o.meeting)}, le ${frenchDay(o.adoptedOn)}`;
  return frenchDocx({
    title: o.title,
    description: `Avis du ${clsmName} sur le ${opinionSubjectLabels[o.subject]}`,
    children: [
      heading(o.title, 0),
      labelled("Conseil local de santé mentale", clsmName),
      labelled("Objet", opinionSubjectLabels[o.subject]),
      labelled("Statut", opinionStatusLabels[o.status]),
      ...(adoption ? [labelled("Adopté en séance", adoption)] : []),
      heading("Texte de l'avis", 1),
      ...textParagraphs(o.body),
      note(statusLine(o)),
    ],
  });
}
