import { multilineText, pageQuery, text } from "./common";
import { surveyDefinition } from "./survey-definition";
import { z } from "./zod";

// Surveys (questionnaires) of a CLSM's diagnostic: the list, the settings, the life cycle (draft → published →
// closed, reopened), and the templates shipped with the product. The questionnaire itself is survey-definition.ts.

export const surveyAudiences = ["public", "partners"] as const;
export const surveyAudience = z.enum(surveyAudiences, "Choisissez le public de l'enquête.");
export type SurveyAudience = z.infer<typeof surveyAudience>;
export const surveyAudienceLabels: Record<SurveyAudience, string> = {
  public: "Grand public (habitants, personnes concernées, proches)",
  partners: "Partenaires du CLSM",
};

/** What the survey's row says; its state over time is `surveyState`. */
export const surveyStatuses = ["draft", "published", "closed"] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export const surveyStates = ["draft", "scheduled", "open", "closed"] as const;
export const surveyStateSchema = z.enum(surveyStates);
export type SurveyState = z.infer<typeof surveyStateSchema>;
export const surveyStateLabels: Record<SurveyState, string> = {
  draft: "Brouillon",
  scheduled: "Programmé",
  open: "Ouvert",
  closed: "Clos",
};

type Instant = Date | string | null | undefined;
const time = (v: Instant) => (v == null ? null : new Date(v).getTime());

/**
 * Where a survey stands at `now`: a draft is being built; a published survey is scheduled before its opening,
 * open until its closing, closed after it; a closed survey stays closed. Answers are taken only when open.
 */
export function surveyState(
  row: { status: string; opensAt: Instant; closesAt: Instant },
  now: Date = new Date(),
): SurveyState {
  if (row.status === "draft") return "draft";
  if (row.status === "closed") return "closed";
  const at = now.getTime();
  const opens = time(row.opensAt);
  const closes = time(row.closesAt);
  if (closes !== null && at >= closes) return "closed";
  if (opens !== null && at < opens) return "scheduled";
  return "open";
}

const instant = z.iso.datetime({ offset: true, error: "Date et heure invalides." });

// ─── List and detail ─────────────────────────────────────────────────────────────────────────────────────

export const surveyListQuery = pageQuery;
export type SurveyListQuery = z.infer<typeof surveyListQuery>;

export const surveyListItem = z.object({
  id: z.uuid(),
  title: z.string(),
  audience: surveyAudience,
  anonymous: z.boolean(),
  status: z.enum(surveyStatuses),
  state: surveyStateSchema,
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  /** Whether the survey can be answered through its public link. */
  hasPublicLink: z.boolean(),
  resultsPublished: z.boolean(),
  templateKey: z.string().nullable(),
  questionCount: z.number().int(),
  responseCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SurveyListItem = z.infer<typeof surveyListItem>;

export const surveyList = z.object({
  items: z.array(surveyListItem),
  total: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});
export type SurveyList = z.infer<typeof surveyList>;

export const surveyDetail = surveyListItem.extend({
  introduction: z.string().nullable(),
  /** The random part of the public link (/enquetes/<token>); shown to the coordination only. */
  publicToken: z.string().nullable(),
  definition: surveyDefinition,
  can: z.object({
    /** Change settings, publish, close, duplicate, delete. */
    manage: z.boolean(),
    /**
     * Remove questions, choices or rows and change a question's type: only before the first answer (after it,
     * wordings, help, plain-language versions, conditions and new questions stay possible).
     */
    editStructure: z.boolean(),
  }),
});
export type SurveyDetail = z.infer<typeof surveyDetail>;

// ─── Writes ──────────────────────────────────────────────────────────────────────────────────────────────

export const SURVEY_TITLE_MAX = 200;

export const createSurveyBody = z.object({
  title: text(SURVEY_TITLE_MAX),
  audience: surveyAudience,
  /** Anonymous: no name, no account, no address and only the day are kept with each answer. */
  anonymous: z.boolean().default(true),
  /** A shipped template to start from (else one empty section). */
  templateKey: z.string().max(60).optional(),
});
export type CreateSurveyBody = z.infer<typeof createSurveyBody>;

export const updateSurveyBody = z
  .object({
    title: text(SURVEY_TITLE_MAX),
    introduction: multilineText(5000).nullable(),
    audience: surveyAudience,
    anonymous: z.boolean(),
    /** UTC instants (with their offset); null removes the date. */
    opensAt: instant.nullable(),
    closesAt: instant.nullable(),
    /** Turns the public link on (a new random token) or off (the old link stops working). */
    publicLink: z.boolean(),
  })
  .partial();
export type UpdateSurveyBody = z.infer<typeof updateSurveyBody>;

// ─── Templates ───────────────────────────────────────────────────────────────────────────────────────────

export const surveyTemplateSummary = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  audience: surveyAudience,
  anonymous: z.boolean(),
  questionCount: z.number().int(),
});
export type SurveyTemplateSummary = z.infer<typeof surveyTemplateSummary>;
export const surveyTemplateList = z.object({ items: z.array(surveyTemplateSummary) });
export const surveyTemplate = surveyTemplateSummary.extend({
  introduction: z.string(),
  definition: surveyDefinition,
});
export type SurveyTemplate = z.infer<typeof surveyTemplate>;
