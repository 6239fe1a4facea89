import { multilineText, optionalText } from "./common";
import { rsvp } from "./meetings";
import { z } from "./zod";

// Convocations (the invitation mail with its calendar event), the answer an invitee gives without an account
// through the link of that mail, and the private calendar feeds (iCalendar subscriptions).

// ─── Convocations ────────────────────────────────────────────────────────────────────────────────────────

export const convocationScopes = ["all", "pending"] as const;
export const sendConvocationsBody = z.object({
  /**
   * all: every invitee with an e-mail address; pending: those never convened, or convened with an older version of
   * the meeting (how an update is sent after a change of time or place).
   */
  scope: z.enum(convocationScopes).default("pending"),
  /** A few words from the coordination, added to the mail. */
  message: multilineText(2000).optional(),
});
export type SendConvocationsBody = z.infer<typeof sendConvocationsBody>;

export const sendConvocationsResult = z.object({
  /** Mails queued (one per invitee). */
  sent: z.number().int(),
  /** Invitees of the scope who have no e-mail address: to be reached another way. */
  withoutEmail: z.number().int(),
});
export type SendConvocationsResult = z.infer<typeof sendConvocationsResult>;

// ─── Answer without an account (the link of the convocation) ────────────────────────────────────────────

/** The invitee id, a dot and an HMAC (base64url): see docs/decisions/006. */
export const rsvpToken = z
  .string()
  .regex(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/i, "Ce lien de réponse n'est pas valide.");

/** What the public answer page shows. */
export const rsvpView = z.object({
  meeting: z.object({
    title: z.string(),
    clsmName: z.string(),
    /** UTC instant of the start, and the same in Europe/Paris. */
    startsAt: z.string(),
    date: z.string(),
    time: z.string(),
    endTime: z.string(),
    durationMinutes: z.number().int(),
    placeName: z.string().nullable(),
    address: z.string().nullable(),
    videoUrl: z.string().nullable(),
  }),
  invitee: z.object({ name: z.string() }),
  rsvp,
  substituteName: z.string().nullable(),
  respondedAt: z.string().nullable(),
  /** False once the meeting has started: the answer is shown but can no longer change. */
  canChange: z.boolean(),
});
export type RsvpView = z.infer<typeof rsvpView>;

export const rsvpAnswers = ["yes", "no", "maybe"] as const;
export const rsvpAnswerLabels: Record<(typeof rsvpAnswers)[number], string> = {
  yes: "Je serai présent·e",
  no: "Je ne pourrai pas venir",
  maybe: "Je ne sais pas encore",
};

export const rsvpBody = z.object({
  rsvp: z.enum(rsvpAnswers, "Choisissez une réponse."),
  /**
   * "I send someone in my place": who (name, and function if useful). Only with the answer "no" — the invitee does
   * not come, someone else does; an empty value clears it.
   */
  substituteName: z.union([z.literal(""), z.null(), optionalText(160)]).optional(),
});
export type RsvpBody = z.infer<typeof rsvpBody>;

// ─── Calendar feeds ──────────────────────────────────────────────────────────────────────────────────────

export const calendarFeedStatus = z.object({
  /** Whether an active subscription link exists. */
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /**
   * The link itself: only in the answer that creates it (only its hash is kept). Later reads say it exists; a new
   * link must be created to copy it again.
   */
  url: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;

/** A feed token in the public address (random, base64url). */
export const calendarFeedToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "Ce lien d'agenda n'est pas valide.");
