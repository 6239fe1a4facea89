import { email, multilineText, optionalText, text, uuidParam } from "./common";
import { isoDate } from "./directory";
import { instanceKind } from "./governance";
import { z } from "./zod";

// Meetings of a CLSM: when and where, who is invited (their answer and attendance), and the agenda.
// Dates and times are typed in Europe/Paris (date + "HH:MM"); the API also returns the UTC instant.

export const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure invalide (format HH:MM).");
export const httpsUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https:\/\/[^\s]+$/i, "Le lien doit commencer par https:// et ne pas contenir d'espace.");

export const meetingStatuses = ["scheduled", "cancelled"] as const;
export const meetingStatus = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof meetingStatus>;

export const rsvps = ["pending", "yes", "no", "maybe"] as const;
export const rsvp = z.enum(rsvps);
export type Rsvp = z.infer<typeof rsvp>;
export const rsvpLabels: Record<Rsvp, string> = {
  pending: "Sans réponse",
  yes: "Présent·e",
  no: "Absent·e",
  maybe: "Peut-être",
};

export const attendances = ["present", "excuse", "absent", "represente"] as const;
export const attendance = z.enum(attendances);
export type Attendance = z.infer<typeof attendance>;
export const attendanceLabels: Record<Attendance, string> = {
  present: "Présent·e",
  excuse: "Excusé·e",
  absent: "Absent·e",
  represente: "Représenté·e",
};

export const agendaOutcomes = ["pending", "treated", "postponed"] as const;
export const agendaOutcome = z.enum(agendaOutcomes);
export type AgendaOutcome = z.infer<typeof agendaOutcome>;

export const recurrenceFrequencies = ["weekly", "monthly_day", "monthly_weekday"] as const;
export const recurrenceFrequencyLabels: Record<(typeof recurrenceFrequencies)[number], string> = {
  weekly: "Toutes les N semaines",
  monthly_day: "Tous les N mois, le même jour du mois",
  monthly_weekday: "Tous les N mois, le même jour de la semaine (ex. 2e mardi)",
};

// ─── Meetings ────────────────────────────────────────────────────────────────────────────────────────────

const guest = z.union([
  z.object({ personId: uuidParam }),
  z.object({ name: text(160), email: email.optional() }),
]);
export type GuestInput = z.infer<typeof guest>;

const meetingFields = {
  title: text(200),
  description: multilineText(5000).optional(),
  /** The day and the start time in Europe/Paris. */
  date: isoDate,
  time,
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  placeName: optionalText(200).optional(),
  address: optionalText(300).optional(),
  videoUrl: z.union([z.literal(""), httpsUrl]).optional(),
  /** Days before the meeting when invitees get a reminder (null: none). */
  reminderDaysBefore: z.number().int().min(0).max(30).nullable().default(2),
};

export const createMeetingBody = z.object({
  ...meetingFields,
  /** The instance that meets: its current members are invited. */
  instanceId: uuidParam.nullable().optional(),
  /** Directory people or outside guests invited besides the instance's members. */
  guests: z.array(guest).max(500).default([]),
  recurrence: z
    .object({
      frequency: z.enum(recurrenceFrequencies),
      interval: z.number().int().min(1).max(12).default(1),
      /** How many meetings in all, this one included. */
      count: z.number().int().min(2).max(24),
    })
    .optional(),
});
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;

export const updateMeetingBody = z
  .object({
    ...meetingFields,
    durationMinutes: meetingFields.durationMinutes.unwrap(),
    reminderDaysBefore: meetingFields.reminderDaysBefore.unwrap(),
    /**
     * this: only this meeting; following: this one and the later scheduled meetings of its series (each keeps its
     * own day, so the day cannot change with them).
     */
    applyTo: z.enum(["this", "following"]),
  })
  .partial()
  .refine((b) => !(b.applyTo === "following" && b.date !== undefined), {
    path: ["date"],
    message: "Le jour ne change que pour une réunion à la fois : chaque réunion de la série garde le sien.",
  });
export type UpdateMeetingBody = z.infer<typeof updateMeetingBody>;

export const duplicateMeetingBody = z.object({ date: isoDate, time: time.optional() });
export const cancelMeetingBody = z.object({
  /** Send the cancellation to the invitees already convened (replaces the event in their calendar). */
  notify: z.boolean().default(true),
});

export const meetingListQuery = z.object({
  /** First and last day (Europe/Paris), inclusive; at most about a year apart. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  instanceId: uuidParam.optional(),
  /** upcoming (from now, soonest first) or past (latest first); ignored when from/to are given. */
  when: z.enum(["upcoming", "past"]).default("upcoming"),
  includeCancelled: z
    .enum(["true", "false"], "Valeur invalide (true ou false).")
    .optional()
    .transform((v) => v === "true"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

const instanceRef = z.object({ id: z.uuid(), name: z.string(), kind: instanceKind });

export const meetingListItem = z.object({
  id: z.uuid(),
  title: z.string(),
  instance: instanceRef.nullable(),
  seriesId: z.uuid().nullable(),
  /** UTC instant of the start. */
  startsAt: z.string(),
  /** The same in Europe/Paris. */
  date: z.string(),
  time: z.string(),
  durationMinutes: z.number().int(),
  placeName: z.string().nullable(),
  address: z.string().nullable(),
  videoUrl: z.string().nullable(),
  status: meetingStatus,
  inviteeCount: z.number().int(),
  hasMinutes: z.boolean(),
});
export type MeetingListItem = z.infer<typeof meetingListItem>;
export const meetingList = z.object({
  items: z.array(meetingListItem),
  total: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});

export const invitee = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  name: z.string(),
  /** null when the CLSM hides contact details from this reader. */
  email: z.string().nullable(),
  function: z.string().nullable(),
  structureName: z.string().nullable(),
  pillar: z.string().nullable(),
  fromInstance: z.boolean(),
  rsvp,
  substituteName: z.string().nullable(),
  respondedAt: z.string().nullable(),
  convokedAt: z.string().nullable(),
  /** Whether the last convocation sent carries the meeting's current version. */
  upToDate: z.boolean(),
  attendance: attendance.nullable(),
  representedBy: z.string().nullable(),
});
export type Invitee = z.infer<typeof invitee>;

export const agendaItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  presenter: z.string().nullable(),
  outcome: agendaOutcome,
  carriedFrom: z.object({ meetingId: z.uuid(), date: z.string() }).nullable(),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const meetingDetail = meetingListItem.extend({
  description: z.string().nullable(),
  reminderDaysBefore: z.number().int().nullable(),
  sequence: z.number().int(),
  /** How many scheduled meetings of its series come after this one (0 outside a series). */
  seriesFollowing: z.number().int(),
  invitees: z.array(invitee),
  agenda: z.array(agendaItem),
  /** The four pillars among those present (attendance taken), null before attendance. */
  pillarsPresent: z
    .array(z.object({ pillar: z.string(), label: z.string(), present: z.boolean() }))
    .nullable(),
  /** French warning when usagers or aidants are missing from a COPIL that met. */
  pillarsWarning: z.string().nullable(),
  minutesSharedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ manage: z.boolean(), readMinutes: z.boolean() }),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

// ─── Invitees and attendance ─────────────────────────────────────────────────────────────────────────────

export const addInviteesBody = z.object({ guests: z.array(guest).min(1).max(500) });
export const addInviteesResult = z.object({ added: z.number().int(), alreadyInvited: z.number().int() });

export const updateInviteeBody = z.object({
  rsvp: rsvp.optional(),
  substituteName: z.union([z.literal(""), z.null(), optionalText(160)]).optional(),
  attendance: attendance.nullable().optional(),
  representedBy: z.union([z.literal(""), z.null(), optionalText(160)]).optional(),
});
export type UpdateInviteeBody = z.infer<typeof updateInviteeBody>;

/** Attendance of several invitees at once (the sign-in sheet typed back, or a phone at the door). */
export const attendanceBody = z.object({
  entries: z
    .array(
      z.object({
        inviteeId: uuidParam,
        attendance: attendance.nullable(),
        representedBy: z.union([z.literal(""), z.null(), optionalText(160)]).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

// ─── Agenda ──────────────────────────────────────────────────────────────────────────────────────────────

export const agendaItemBody = z.object({
  title: text(300),
  description: multilineText(5000).optional(),
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable()
    .optional(),
  presenter: optionalText(160).optional(),
});
export const updateAgendaItemBody = agendaItemBody.partial().extend({ outcome: agendaOutcome.optional() });
export const orderAgendaBody = z.object({ ids: z.array(uuidParam).min(1).max(200) });
export const postponeAgendaItemBody = z.object({
  /** The meeting that takes the item; by default the next scheduled meeting of the same instance. */
  toMeetingId: uuidParam.optional(),
});

// ─── Yearly check ────────────────────────────────────────────────────────────────────────────────────────

export const yearlyCheckQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const yearlyCheck = z.object({
  year: z.number().int(),
  /** Meetings held (past, not cancelled) per instance. */
  instances: z.array(instanceRef.extend({ held: z.number().int(), planned: z.number().int() })),
  pleniereHeld: z.boolean(),
  copilMeetings: z.number().int(),
  /** French sentences: what the year's record says (plénière missing, COPIL count). */
  notes: z.array(z.string()),
});
