import { optionalText, text } from "./common";
import { questionTypes } from "./survey-definition";
import { surveyStateSchema, surveyStatuses } from "./surveys";
import { z } from "./zod";

// The results of a survey: per question, how many respondents saw it and answered it, and the figures of its
// type (counts and percentages, distributions, means and medians, ranks, matrices), optionally split by the
// answers to one question (cross-tab); the free texts with the tags the coordination puts on them; the exports.

const questionId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Identifiant de question invalide.");
const count = z.number().int().min(0);

/** The question types that can split the results (a handful of groups each). */
export const crossTabTypes = ["single_choice", "scale", "yes_no", "commune"] as const;
/** The question types whose answers are free text, listed apart (with the "Autre, précisez" texts). */
export const textTypes = ["short_text", "long_text"] as const;

/**
 * Splits a named survey's results by the directory collège of the people who answered through their personal link
 * (not a question id: those never hold ":").
 */
export const COLLEGE_SPLIT = ":college";

export const resultsQuery = z.object({
  /** A question whose answers split every figure (single choice, scale, yes/no or commune), or COLLEGE_SPLIT. */
  by: z.union([questionId, z.literal(COLLEGE_SPLIT)]).optional(),
});
export type ResultsQuery = z.infer<typeof resultsQuery>;

/** One answer value and how many chose it; `percent` of those who answered the question (null when none did). */
export const countItem = z.object({
  key: z.string(),
  label: z.string(),
  count,
  percent: z.number().nullable(),
});
export type CountItem = z.infer<typeof countItem>;

/**
 * The figures of one question, by the kind of answer it takes:
 * - choices: single and multiple choice (with "Autre"), scale (with the mean position, 1 = first choice), yes/no,
 *   commune (with "Hors du territoire"), date (one item per month). A multiple choice's percentages are of the
 *   respondents who answered it, so they may add up to more than 100.
 * - rating: the distribution of the marks 0–10, mean and median.
 * - number: minimum, maximum, mean, median and ten bins of equal width.
 * - ranking: per choice, its average rank (1 = first) and how often it came first.
 * - matrix: per row, the counts of each column and the mean column position.
 * - text: the count only; the texts are listed by `…/results/texts`.
 */
export const questionFigures = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("choices"), items: z.array(countItem), mean: z.number().nullable() }),
  z.object({
    kind: z.literal("rating"),
    items: z.array(countItem),
    mean: z.number().nullable(),
    median: z.number().nullable(),
  }),
  z.object({
    kind: z.literal("number"),
    min: z.number().nullable(),
    max: z.number().nullable(),
    mean: z.number().nullable(),
    median: z.number().nullable(),
    bins: z.array(z.object({ from: z.number(), to: z.number(), count })),
  }),
  z.object({
    kind: z.literal("ranking"),
    items: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        averageRank: z.number().nullable(),
        firstPlaces: count,
      }),
    ),
  }),
  z.object({
    kind: z.literal("matrix"),
    columns: z.array(z.object({ key: z.string(), label: z.string() })),
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        answered: count,
        counts: z.array(count),
        mean: z.number().nullable(),
      }),
    ),
  }),
  z.object({ kind: z.literal("text") }),
]);
export type QuestionFigures = z.infer<typeof questionFigures>;
export type FigureKind = QuestionFigures["kind"];

const tally = {
  /** Respondents to whom the question was shown (its conditions, and its section's, held for them). */
  seen: count,
  answered: count,
  figures: questionFigures,
};

export const questionResult = z.object({
  id: z.string(),
  type: z.enum(questionTypes),
  label: z.string(),
  sectionTitle: z.string(),
  ...tally,
  /** With `by`: the same figures for each group of respondents, in the order of `by.groups`. */
  groups: z.array(z.object({ key: z.string().nullable(), ...tally })).nullable(),
});
export type QuestionResult = z.infer<typeof questionResult>;

export const crossTabGroup = z.object({
  /** The answer that makes the group; null for the respondents who did not answer the question. */
  key: z.string().nullable(),
  label: z.string(),
  respondents: count,
});

export const surveyResults = z.object({
  survey: z.object({
    id: z.uuid(),
    title: z.string(),
    status: z.enum(surveyStatuses),
    state: surveyStateSchema,
    anonymous: z.boolean(),
    resultsPublished: z.boolean(),
  }),
  respondents: count,
  /** Answers per day (the only time an answer keeps). */
  days: z.array(z.object({ day: z.string(), count })),
  by: z.object({ questionId: z.string(), label: z.string(), groups: z.array(crossTabGroup) }).nullable(),
  questions: z.array(questionResult),
  /** What the results can be split by: questions, and COLLEGE_SPLIT for a named survey. */
  crossTabQuestions: z.array(z.object({ id: z.string(), label: z.string() })),
  can: z.object({ manage: z.boolean() }),
});
export type SurveyResults = z.infer<typeof surveyResults>;

// ─── Free texts and their tags ───────────────────────────────────────────────────────────────────────────

export const TAG_MAX = 60;
export const TAGS_PER_ANSWER = 20;
export const tagText = text(TAG_MAX);

export const textsQuery = z.object({
  questionId: questionId.optional(),
  tag: tagText.optional(),
  q: optionalText(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TextsQuery = z.infer<typeof textsQuery>;

export const textAnswer = z.object({
  responseId: z.uuid(),
  questionId: z.string(),
  text: z.string(),
  /** The text of an "Autre, précisez" answer (rather than a text question's answer). */
  other: z.boolean(),
  submittedOn: z.string(),
  /** On a named survey, for the coordination only. */
  respondentName: z.string().nullable(),
  tags: z.array(z.string()),
});
export type TextAnswer = z.infer<typeof textAnswer>;

export const textAnswerList = z.object({
  items: z.array(textAnswer),
  total: count,
  /** The questions whose texts are listed (text questions, and choice questions with "Autre, précisez"). */
  questions: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type TextAnswerList = z.infer<typeof textAnswerList>;

export const tagCounts = z.object({
  items: z.array(z.object({ questionId: z.string(), tag: z.string(), count })),
});
export type TagCounts = z.infer<typeof tagCounts>;

export const tagBody = z.object({ questionId, tag: tagText });
export type TagBody = z.infer<typeof tagBody>;

export const answerTags = z.object({
  responseId: z.uuid(),
  questionId: z.string(),
  tags: z.array(z.string()),
});
export type AnswerTags = z.infer<typeof answerTags>;

// ─── Exports and publication ─────────────────────────────────────────────────────────────────────────────

export const exportFormats = ["csv", "xlsx"] as const;
export const resultsExportQuery = z.object({
  format: z.enum(exportFormats, "Choisissez le format : csv ou xlsx.").default("csv"),
});
export type ResultsExportQuery = z.infer<typeof resultsExportQuery>;

export const publicationBody = z.object({ published: z.boolean() });
export const publication = z.object({ published: z.boolean() });
