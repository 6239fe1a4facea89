import { multilineText, text, uuidParam } from "./common";
import { z } from "./zod";

// Priority consultations: members vote on candidate priorities (a dot vote or a ranking), one ballot each; the
// results appear once the consultation is closed, and the coordination then chooses the CLSM's priorities.

export const priorityMethods = ["dots", "ranking"] as const;
export const priorityMethod = z.enum(
  priorityMethods,
  "Choisissez un mode de vote : gommettes ou classement.",
);
export type PriorityMethod = z.infer<typeof priorityMethod>;
export const priorityMethodLabels: Record<PriorityMethod, string> = {
  dots: "Vote par gommettes",
  ranking: "Classement",
};

export const consultationStatuses = ["draft", "open", "closed"] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];
export const consultationStatusLabels: Record<ConsultationStatus, string> = {
  draft: "En préparation",
  open: "Vote ouvert",
  closed: "Clôturée",
};

/** Limits: a ballot stays readable and a ranking stays doable. */
export const MAX_CANDIDATES = 30;
export const MAX_DOTS_PER_MEMBER = 20;

const dotsPerMember = z
  .number("Indiquez un nombre de gommettes.")
  .int("Indiquez un nombre entier de gommettes.")
  .min(1, "Chaque membre dispose d'au moins 1 gommette.")
  .max(MAX_DOTS_PER_MEMBER, `Chaque membre dispose d'au plus ${MAX_DOTS_PER_MEMBER} gommettes.`);

export const consultationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const consultationListItem = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  method: priorityMethod,
  /** Dots each member spreads (dot vote only). */
  dotsPerMember: z.number().int().nullable(),
  /** Read at request time: an open consultation whose closing time has passed is closed. */
  status: z.enum(consultationStatuses),
  closesAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  candidateCount: z.number().int(),
  /** How many members have voted (never who voted what). */
  ballotCount: z.number().int(),
  createdAt: z.string(),
});
export type ConsultationListItem = z.infer<typeof consultationListItem>;

export const consultationList = z.object({
  items: z.array(consultationListItem),
  total: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});

export const candidate = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  /** The need of the diagnostic it answers, if any. */
  need: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  position: z.number().int(),
  /** Retained as a priority of the CLSM (after closing). */
  chosen: z.boolean(),
});
export type Candidate = z.infer<typeof candidate>;

/** The totals of a closed consultation, best first; candidates with the same score share a place. */
export const consultationResults = z.object({
  ballotCount: z.number().int(),
  items: z.array(
    z.object({
      candidateId: z.uuid(),
      title: z.string(),
      place: z.number().int(),
      /** Dot vote: dots received. */
      dots: z.number().int().nullable(),
      /** Ranking: Borda points (n − rank for n candidates) and the average rank (1 = first). */
      points: z.number().int().nullable(),
      averageRank: z.number().nullable(),
      chosen: z.boolean(),
    }),
  ),
});
export type ConsultationResults = z.infer<typeof consultationResults>;

export const consultationDetail = consultationListItem.extend({
  candidates: z.array(candidate),
  /** Null until the consultation is closed, for everyone. */
  results: consultationResults.nullable(),
  /** Whether the reader has a ballot in it (only the reader's own). */
  hasVoted: z.boolean(),
  can: z.object({
    manage: z.boolean(),
    /** Change the consultation and its candidates (coordination, while in preparation). */
    edit: z.boolean(),
    /** Cast or replace one's ballot (a member of the CLSM, while open). */
    vote: z.boolean(),
    /** Choose the priorities among the candidates (coordination, once closed). */
    choose: z.boolean(),
  }),
});
export type ConsultationDetail = z.infer<typeof consultationDetail>;

export const createConsultationBody = z
  .object({
    title: text(200),
    description: multilineText(5000).optional(),
    method: priorityMethod,
    dotsPerMember: dotsPerMember.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.method === "dots" && (v.dotsPerMember === undefined || v.dotsPerMember === null))
      ctx.addIssue({
        code: "custom",
        path: ["dotsPerMember"],
        message: "Indiquez combien de gommettes chaque membre répartit.",
      });
  });
export type CreateConsultationBody = z.infer<typeof createConsultationBody>;

export const updateConsultationBody = z.object({
  title: text(200).optional(),
  description: multilineText(5000).optional(),
  method: priorityMethod.optional(),
  dotsPerMember: dotsPerMember.nullable().optional(),
});
export type UpdateConsultationBody = z.infer<typeof updateConsultationBody>;

export const candidateBody = z.object({
  title: text(200),
  description: multilineText(2000).optional(),
  needId: uuidParam.nullable().optional(),
});
export type CandidateBody = z.infer<typeof candidateBody>;
export const updateCandidateBody = candidateBody.partial();
export type UpdateCandidateBody = z.infer<typeof updateCandidateBody>;

export const orderCandidatesBody = z.object({
  ids: z.array(uuidParam).min(1).max(MAX_CANDIDATES),
});

export const openConsultationBody = z.object({
  /** When the vote closes by itself; without it the coordination closes it. */
  closesAt: z.iso.datetime({ offset: true, error: "Date et heure invalides." }).nullable().optional(),
});

/** A ballot: dots per candidate id (dot vote) or every candidate id in the order preferred (ranking). */
export const ballotBody = z.object({
  dots: z
    .record(
      uuidParam,
      z
        .number("Indiquez un nombre de gommettes.")
        .int("Indiquez un nombre entier de gommettes.")
        .min(0, "Le nombre de gommettes ne peut pas être négatif.")
        .max(MAX_DOTS_PER_MEMBER),
    )
    .refine((r) => Object.keys(r).length <= MAX_CANDIDATES, "Trop de propositions.")
    .optional(),
  ranking: z.array(uuidParam).max(MAX_CANDIDATES, "Trop de propositions.").optional(),
});
export type BallotBody = z.infer<typeof ballotBody>;

export const myBallot = z.object({
  ballot: z
    .object({
      dots: z.record(z.string(), z.number().int()).nullable(),
      ranking: z.array(z.uuid()).nullable(),
      updatedAt: z.string(),
    })
    .nullable(),
});
export type MyBallot = z.infer<typeof myBallot>;

export const chosenPriorityQuery = consultationListQuery;
export const chosenPriority = z.object({
  candidateId: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  need: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  consultationId: z.uuid(),
  consultationTitle: z.string(),
  closedAt: z.string().nullable(),
});
export type ChosenPriority = z.infer<typeof chosenPriority>;
export const chosenPriorityList = z.object({ items: z.array(chosenPriority), total: z.number().int() });
