import { multilineText, uuidParam } from "./common";
import { figureItem, territoryPopulation } from "./diagnostic-figures";
import { needItem, resourceItem } from "./diagnostic-needs";
import { opinionListItem } from "./diagnostic-opinions";
import { chosenPriority } from "./diagnostic-priorities";
import { objective } from "./objectives";
import { surveyResults } from "./survey-results";
import { z } from "./zod";

// The diagnostic page: the CLSM's own introduction and conclusion, and what the rest of the diagnostic holds —
// the surveys it selects (their results), needs and resources by objective, territorial figures, the chosen
// priorities and the latest avis — assembled for reading and for a Word document to share.

/** A handful of surveys: each brings its whole results summary. */
export const MAX_PAGE_SURVEYS = 10;
export const MAX_PAGE_TEXT = 20_000;

export const diagnosticPageBody = z.object({
  introduction: multilineText(MAX_PAGE_TEXT),
  conclusion: multilineText(MAX_PAGE_TEXT),
  surveyIds: z
    .array(uuidParam)
    .max(MAX_PAGE_SURVEYS, `Une page présente au plus ${MAX_PAGE_SURVEYS} enquêtes.`)
    .refine((ids) => new Set(ids).size === ids.length, "Chaque enquête n'est choisie qu'une fois."),
});
export type DiagnosticPageBody = z.infer<typeof diagnosticPageBody>;

const objectiveGroup = z.object({
  /** null: needs and resources tagged with no objective. */
  objective: objective.nullable(),
  label: z.string(),
  needs: z.array(needItem),
  resources: z.array(resourceItem),
});

export const diagnosticPage = z.object({
  clsm: z.object({ id: z.uuid(), name: z.string() }),
  /** Population (official or, for quartiers, entered), its source, and the communes of the territory. */
  territory: territoryPopulation,
  introduction: z.string(),
  conclusion: z.string(),
  /** When the introduction, conclusion or selection last changed (null: never written). */
  updatedAt: z.string().nullable(),
  /**
   * The surveys selected, in the chosen order. The coordination sees them all; other readers only those whose
   * results are published to members (an unpublished one is left out, not announced).
   */
  surveys: z.array(surveyResults),
  /** The selection as saved (coordination only; empty for other readers). */
  surveyIds: z.array(z.uuid()),
  /** Each objective with its needs and resources (an item tagged with several appears under each), then the untagged. */
  objectives: z.array(objectiveGroup),
  figures: z.array(figureItem),
  priorities: z.array(chosenPriority),
  /** The latest avis, whatever its status. */
  opinion: opinionListItem
    .extend({ meeting: z.object({ id: z.uuid(), title: z.string(), date: z.string() }).nullable() })
    .nullable(),
  can: z.object({ manage: z.boolean() }),
});
export type DiagnosticPage = z.infer<typeof diagnosticPage>;
