import { email, multilineText, pageQuery, text } from "./common";
import { answers, surveyDefinition } from "./survey-definition";
import { surveyAudience, surveyStateSchema } from "./surveys";
import { z } from "./zod";

// Collecting answers: what the answering page reads and sends (public link or personal link, no account), and the
// coordination's invitations of directory contacts (one answer each, mails and reminders). See decisions/008.

/**
 * What respondents are told before the first question, word for word (the page, the invitation mail). `personal`:
 * they came through a personal link.
 */
export function anonymitySentence(anonymous: boolean, personal: boolean): string {
  if (anonymous)
    return personal
      ? "Ce questionnaire est anonyme : vos réponses sont enregistrées sans votre nom, sans adresse e-mail ni adresse IP, avec la date du jour seulement. Votre lien personnel sert uniquement à noter que vous avez répondu, pour ne pas vous relancer : il n'est pas relié à vos réponses."
      : "Ce questionnaire est anonyme : vos réponses sont enregistrées sans votre nom, sans adresse e-mail ni adresse IP, avec la date du jour seulement.";
  return personal
    ? "Ce questionnaire n'est pas anonyme : vos réponses sont enregistrées avec votre nom et lues par la coordination du CLSM."
    : "Ce questionnaire n'est pas anonyme : votre nom (et votre adresse e-mail si vous la donnez) est enregistré avec vos réponses et lu par la coordination du CLSM.";
}

// ─── Answering (no account) ──────────────────────────────────────────────────────────────────────────────

/** The random key a browser keeps to answer an anonymous survey once (never stored as such: decisions/008). */
export const BROWSER_KEY = /^[A-Za-z0-9_-]{32,128}$/;
export const browserKey = z.string().regex(BROWSER_KEY, "Clé de navigateur invalide.");

export const publicSurvey = z.object({
  title: z.string(),
  introduction: z.string().nullable(),
  clsmName: z.string(),
  audience: surveyAudience,
  anonymous: z.boolean(),
  /** The sentence that states the anonymity (or not) of the answers: `anonymitySentence`. */
  anonymity: z.string(),
  state: surveyStateSchema,
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  definition: surveyDefinition,
  /** The territory's communes, for a commune question (empty when the survey has none). */
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Who the personal link was sent to; null on the public link. */
  invitee: z.object({ name: z.string() }).nullable(),
  /** A named survey on its public link: the respondent gives their name (and may give an e-mail address). */
  asksName: z.boolean(),
});
export type PublicSurvey = z.infer<typeof publicSurvey>;

export const RESPONDENT_NAME_MAX = 160;

export const surveyAnswerBody = answers.extend({
  /** Public link: the browser's key (one answer per browser). */
  browserKey: browserKey.optional(),
  /** Public link of a named survey: who answers. Ignored (never stored) for an anonymous survey. */
  respondent: z.object({ name: text(RESPONDENT_NAME_MAX), email: email.optional() }).optional(),
});
export type SurveyAnswerBody = z.infer<typeof surveyAnswerBody>;

// ─── Invitations (the coordination) ──────────────────────────────────────────────────────────────────────

export const invitationStatuses = ["pending", "sent", "answered"] as const;
export const invitationStatus = z.enum(invitationStatuses);
export type InvitationStatus = z.infer<typeof invitationStatus>;
export const invitationStatusLabels: Record<InvitationStatus, string> = {
  pending: "À envoyer",
  sent: "Envoyée",
  answered: "A répondu",
};

export const invitationListQuery = pageQuery
  .pick({ limit: true, offset: true })
  .extend({ status: invitationStatus.optional() });
export type InvitationListQuery = z.infer<typeof invitationListQuery>;

export const invitationItem = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  function: z.string().nullable(),
  structureName: z.string().nullable(),
  email: z.string().nullable(),
  status: invitationStatus,
  sentAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  /** The day (Europe/Paris) of a named survey's answer; null on an anonymous survey, which does not keep it. */
  answeredOn: z.string().nullable(),
});
export type InvitationItem = z.infer<typeof invitationItem>;

export const invitationCounts = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  sent: z.number().int(),
  answered: z.number().int(),
});
export type InvitationCounts = z.infer<typeof invitationCounts>;

export const invitationList = z.object({
  items: z.array(invitationItem),
  /** Of the filtered list. */
  total: z.number().int(),
  counts: invitationCounts,
  can: z.object({
    /** Invitations can be added (the survey is not closed). */
    add: z.boolean(),
    /** Mails can go (the survey is published and not closed). */
    send: z.boolean(),
    /** Reminders can go (the survey is open). */
    remind: z.boolean(),
  }),
});
export type InvitationList = z.infer<typeof invitationList>;

export const INVITATIONS_PER_ADD = 500;

export const addInvitationsBody = z
  .object({
    personIds: z.array(z.uuid("Identifiant invalide.")).min(1).max(INVITATIONS_PER_ADD).optional(),
    /** Every current member of this instance. */
    instanceId: z.uuid("Identifiant invalide.").optional(),
  })
  .refine((b) => (b.personIds ? 1 : 0) + (b.instanceId ? 1 : 0) === 1, {
    message: "Choisissez des personnes de l'annuaire ou une instance.",
    path: ["personIds"],
  });
export type AddInvitationsBody = z.infer<typeof addInvitationsBody>;

const personRef = z.object({ personId: z.uuid(), name: z.string() });
export const addInvitationsResult = z.object({
  added: z.number().int(),
  /** Already invited to this survey: not invited twice. */
  alreadyInvited: z.number().int(),
  /** Among those added, the people the directory has no e-mail address for: to be reached another way. */
  withoutEmail: z.array(personRef),
});
export type AddInvitationsResult = z.infer<typeof addInvitationsResult>;

export const sendInvitationsBody = z.object({
  /** A few words from the coordination, added to the mail. */
  message: multilineText(2000).optional(),
});
export type SendInvitationsBody = z.infer<typeof sendInvitationsBody>;

export const sendInvitationsResult = z.object({
  /** Mails queued. */
  sent: z.number().int(),
  /** People of the batch without an e-mail address (no mail, their invitation stays as it was). */
  withoutEmail: z.array(personRef),
});
export type SendInvitationsResult = z.infer<typeof sendInvitationsResult>;
