import { multilineText, text, uuidParam } from "./common";
import { isoDate } from "./directory";
import { z } from "./zod";

// The CLSM's formal opinion (avis) on the PTSM or on the diagnostic territorial partagé: written as a draft,
// adopted at a meeting (usually a COPIL or the plénière), then sent; its text is frozen once adopted.

export const opinionSubjects = ["ptsm", "diagnostic_territorial"] as const;
export const opinionSubject = z.enum(opinionSubjects, "Choisissez l'objet de l'avis.");
export type OpinionSubject = z.infer<typeof opinionSubject>;
export const opinionSubjectLabels: Record<OpinionSubject, string> = {
  ptsm: "Projet territorial de santé mentale (PTSM)",
  diagnostic_territorial: "Diagnostic territorial partagé",
};

export const opinionStatuses = ["draft", "adopted", "sent"] as const;
export type OpinionStatus = (typeof opinionStatuses)[number];
export const opinionStatusLabels: Record<OpinionStatus, string> = {
  draft: "Brouillon",
  adopted: "Adopté",
  sent: "Transmis",
};

/** About 50,000 characters: some twenty pages of text. */
export const MAX_OPINION_LENGTH = 50_000;

export const opinionListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const opinionListItem = z.object({
  id: z.uuid(),
  subject: opinionSubject,
  title: z.string(),
  status: z.enum(opinionStatuses),
  adoptedOn: z.string().nullable(),
  sentOn: z.string().nullable(),
  updatedAt: z.string(),
});
export type OpinionListItem = z.infer<typeof opinionListItem>;

export const opinionList = z.object({
  items: z.array(opinionListItem),
  total: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});

export const opinionDetail = opinionListItem.extend({
  /** Plain text; paragraphs are separated by blank lines. */
  body: z.string(),
  /** The meeting that adopted it (null when none, or hidden from this reader: a confidential instance's). */
  meeting: z.object({ id: z.uuid(), title: z.string(), date: z.string() }).nullable(),
  sentTo: z.string().nullable(),
  createdAt: z.string(),
  can: z.object({
    manage: z.boolean(),
    /** Change the text: the coordination, while a draft. */
    edit: z.boolean(),
  }),
});
export type OpinionDetail = z.infer<typeof opinionDetail>;

const body = multilineText(MAX_OPINION_LENGTH);

export const createOpinionBody = z.object({
  subject: opinionSubject,
  title: text(200),
  body: body.default(""),
});
export type CreateOpinionBody = z.infer<typeof createOpinionBody>;

export const updateOpinionBody = z.object({
  subject: opinionSubject.optional(),
  title: text(200).optional(),
  body: body.optional(),
});
export type UpdateOpinionBody = z.infer<typeof updateOpinionBody>;

export const adoptOpinionBody = z.object({
  meetingId: uuidParam,
  /** Defaults to the meeting's day. */
  adoptedOn: isoDate.optional(),
});
export type AdoptOpinionBody = z.infer<typeof adoptOpinionBody>;

export const sendOpinionBody = z.object({
  /** Defaults to today. */
  sentOn: isoDate.optional(),
  /** To whom (the ARS, the PTSM's steering committee…). */
  sentTo: text(300),
});
export type SendOpinionBody = z.infer<typeof sendOpinionBody>;
