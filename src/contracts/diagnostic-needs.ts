import { multilineText, optionalText, text, uuidParam } from "./common";
import { type Objective, objectives } from "./objectives";
import { z } from "./zod";

// The needs (constats) and the existing resources of a CLSM's territory: tagged by the five objectives, linked to
// what they rest on (a survey, one of its questions, or a meeting), and counted per objective to show where needs
// have no resource yet.

export const resourceKinds = ["service", "structure", "action", "autre"] as const;
export const resourceKind = z.enum(resourceKinds, "Choisissez le type de ressource.");
export type ResourceKind = z.infer<typeof resourceKind>;
export const resourceKindLabels: Record<ResourceKind, string> = {
  service: "Service",
  structure: "Structure",
  action: "Action",
  autre: "Autre",
};

const unknownObjective = "Objectif inconnu : choisissez parmi les cinq objectifs du CLSM.";

/** Objective keys, each at most once, in the order of the national framework. */
export const objectiveKeys = z
  .array(z.enum(objectives, unknownObjective))
  .max(20)
  .transform((keys): Objective[] => objectives.filter((o) => keys.includes(o)));

/** A text that may be left empty: "" or null clears it. */
const clearable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

// ─── Needs ───────────────────────────────────────────────────────────────────────────────────────────────

const needFields = z.object({
  title: text(200),
  description: clearable(multilineText(5000)),
  theme: clearable(optionalText(100)),
  /** The public concerned (young people, older people, families…). */
  audience: clearable(optionalText(160)),
  /** Which part of the territory: a commune, a neighbourhood, the whole territory. */
  territoryPart: clearable(optionalText(160)),
  /** Where the constat comes from (a survey, a partner, a report…). */
  source: clearable(optionalText(300)),
  /** What shows it (figures, testimonies, observations). */
  evidence: clearable(multilineText(5000)),
  objectives: objectiveKeys,
});
export const createNeedBody = needFields.extend({ objectives: objectiveKeys.default([]) });
export type CreateNeedBody = z.infer<typeof createNeedBody>;
export const updateNeedBody = needFields.partial();
export type UpdateNeedBody = z.infer<typeof updateNeedBody>;

export const listSorts = ["created", "title"] as const;

export const needListQuery = z.object({
  objective: z.enum(objectives, unknownObjective).optional(),
  theme: optionalText(100).optional(),
  /** Words of the title or the description (accents and case ignored). */
  q: optionalText(100).optional(),
  /** created: newest first; title: alphabetical. */
  sort: z.enum(listSorts).default("created"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type NeedListQuery = z.infer<typeof needListQuery>;

const objectiveKey = z.enum(objectives);

export const needItem = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  theme: z.string().nullable(),
  audience: z.string().nullable(),
  territoryPart: z.string().nullable(),
  source: z.string().nullable(),
  evidence: z.string().nullable(),
  objectives: z.array(objectiveKey),
  /** Surveys, questions and meetings it rests on. */
  linkCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NeedItem = z.infer<typeof needItem>;

export const needList = z.object({
  items: z.array(needItem),
  total: z.number().int(),
  /** The themes already used by the CLSM's needs, for the filter. */
  themes: z.array(z.string()),
  can: z.object({ manage: z.boolean() }),
});
export type NeedList = z.infer<typeof needList>;

// ─── Links ───────────────────────────────────────────────────────────────────────────────────────────────

/** What a need or a resource rests on: a survey (as a whole, or one of its questions) or a meeting. */
export const link = z.object({
  id: z.uuid(),
  survey: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  /** A question of the survey; its label is null when the question has since been removed from the survey. */
  question: z.object({ id: z.string(), label: z.string().nullable() }).nullable(),
  meeting: z
    .object({
      id: z.uuid(),
      title: z.string(),
      /** UTC instant of the start. */
      startsAt: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
});
export type Link = z.infer<typeof link>;

const surveyOrMeeting = "Indiquez une enquête ou une réunion, pas les deux.";
export const createLinkBody = z
  .object({
    surveyId: uuidParam.optional(),
    /** A question of the survey (its id in the questionnaire); absent for the survey as a whole. */
    questionId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, "Identifiant de question invalide.")
      .optional(),
    meetingId: uuidParam.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.surveyId && body.meetingId)
      ctx.addIssue({ code: "custom", path: ["meetingId"], message: surveyOrMeeting });
    else if (!body.surveyId && !body.meetingId)
      ctx.addIssue({ code: "custom", path: ["surveyId"], message: "Choisissez une enquête ou une réunion." });
    if (body.questionId && !body.surveyId)
      ctx.addIssue({
        code: "custom",
        path: ["questionId"],
        message: "Une question se choisit dans une enquête.",
      });
  });
export type CreateLinkBody = z.infer<typeof createLinkBody>;

export const needDetail = needItem.extend({
  links: z.array(link),
  can: z.object({ manage: z.boolean() }),
});
export type NeedDetail = z.infer<typeof needDetail>;

// ─── Resources ───────────────────────────────────────────────────────────────────────────────────────────

const resourceFields = z.object({
  title: text(200),
  kind: resourceKind,
  /** A structure of the CLSM's directory. */
  structureId: uuidParam.nullable().optional(),
  description: clearable(multilineText(5000)),
  audience: clearable(optionalText(160)),
  territoryPart: clearable(optionalText(160)),
  objectives: objectiveKeys,
});
export const createResourceBody = resourceFields.extend({ objectives: objectiveKeys.default([]) });
export type CreateResourceBody = z.infer<typeof createResourceBody>;
export const updateResourceBody = resourceFields.partial();
export type UpdateResourceBody = z.infer<typeof updateResourceBody>;

export const resourceListQuery = needListQuery
  .omit({ theme: true })
  .extend({ kind: resourceKind.optional() });
export type ResourceListQuery = z.infer<typeof resourceListQuery>;

export const resourceItem = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: resourceKind,
  /** The directory structure (null when none, or when it has been deleted from the directory). */
  structure: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  description: z.string().nullable(),
  audience: z.string().nullable(),
  territoryPart: z.string().nullable(),
  objectives: z.array(objectiveKey),
  linkCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ResourceItem = z.infer<typeof resourceItem>;

export const resourceList = z.object({
  items: z.array(resourceItem),
  total: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});
export type ResourceList = z.infer<typeof resourceList>;

export const resourceDetail = resourceItem.extend({
  links: z.array(link),
  can: z.object({ manage: z.boolean() }),
});
export type ResourceDetail = z.infer<typeof resourceDetail>;

// ─── Summary ─────────────────────────────────────────────────────────────────────────────────────────────

/** Needs and resources per objective: an objective with needs and no resource is where the territory lacks. */
export const needsSummary = z.object({
  objectives: z.array(
    z.object({ objective: objectiveKey, needs: z.number().int(), resources: z.number().int() }),
  ),
  /** Needs and resources tagged with no objective. */
  untagged: z.object({ needs: z.number().int(), resources: z.number().int() }),
  total: z.object({ needs: z.number().int(), resources: z.number().int() }),
});
export type NeedsSummary = z.infer<typeof needsSummary>;
