import { optionalText, text } from "./common";
import { inseeCode } from "./territory";
import { z } from "./zod";

// Territorial figures of a CLSM's diagnostic: the official population of the territory and of each commune, and
// the figures the CLSM adds — each with its source, shown beside the département and national values only when
// someone entered them (nothing is invented).

export const figureLevels = ["commune", "territoire", "departement"] as const;
export const figureLevel = z.enum(figureLevels, "Choisissez l'échelle du chiffre.");
export type FigureLevel = z.infer<typeof figureLevel>;
export const figureLevelLabels: Record<FigureLevel, string> = {
  commune: "Une commune du territoire",
  territoire: "Le territoire du CLSM",
  departement: "Un département du territoire",
};

/** Beyond a thousand billion a typed value is a mistake (and would lose precision as a JSON number). */
export const FIGURE_VALUE_MAX = 1e12;
const figureValue = z
  .number("Indiquez un nombre.")
  .min(-FIGURE_VALUE_MAX, "Valeur trop grande.")
  .max(FIGURE_VALUE_MAX, "Valeur trop grande.");

export const FIGURE_YEAR_MIN = 1900;
/** The latest year a figure may be of: next year (a projection or a budget voted for it). */
export const figureYearMax = () => new Date().getFullYear() + 1;
const figureYear = z
  .number("Indiquez une année.")
  .int("Indiquez une année.")
  .min(FIGURE_YEAR_MIN, `L'année doit être comprise entre ${FIGURE_YEAR_MIN} et l'année prochaine.`)
  .refine((y) => y <= figureYearMax(), {
    error: () => `L'année doit être comprise entre ${FIGURE_YEAR_MIN} et ${figureYearMax()}.`,
  });

export const departementCode = z.string().regex(/^(\d{2,3}|2[AB])$/, "Code de département invalide.");

const clearable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const figureFields = z.object({
  label: text(200),
  value: figureValue,
  unit: clearable(optionalText(40)),
  year: figureYear,
  /** Where the figure comes from: required, a figure without its source is not shown. */
  source: text(300),
  level: figureLevel,
  /** A commune of the territory (level commune only). */
  communeCode: inseeCode.nullable().optional(),
  /** A département of the territory (level departement only). */
  departementCode: departementCode.nullable().optional(),
  /** The same indicator for the département and for France, when entered. */
  departementValue: figureValue.nullable().optional(),
  nationalValue: figureValue.nullable().optional(),
  /** Where the comparison values come from, when not the figure's own source. */
  comparisonSource: clearable(optionalText(300)),
  theme: clearable(optionalText(100)),
});
export const createFigureBody = figureFields;
export type CreateFigureBody = z.infer<typeof createFigureBody>;
export const updateFigureBody = figureFields.partial();
export type UpdateFigureBody = z.infer<typeof updateFigureBody>;

export const figureListQuery = z.object({
  theme: optionalText(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type FigureListQuery = z.infer<typeof figureListQuery>;

export const figureItem = z.object({
  id: z.uuid(),
  label: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  year: z.number().int(),
  source: z.string(),
  level: figureLevel,
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  departementCode: z.string().nullable(),
  departementName: z.string().nullable(),
  departementValue: z.number().nullable(),
  nationalValue: z.number().nullable(),
  comparisonSource: z.string().nullable(),
  theme: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FigureItem = z.infer<typeof figureItem>;

/** The population of the territory, from the official data the platform carries (or entered, for quartiers). */
export const territoryPopulation = z.object({
  /** The official source and its millésime, as it must be cited. */
  source: z.string(),
  /** The year the populations refer to (their statistical reference date is 1 January of that year). */
  year: z.number().int(),
  /** The territory's population: its communes', or its quartiers' for an infra-communal CLSM. */
  total: z.number().int(),
  /**
   * False for an infra-communal CLSM: its quartiers' populations were entered with the territory, they are
   * not the official data.
   */
  official: z.boolean(),
  communes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      population: z.number().int(),
      departementCode: z.string(),
      departementName: z.string(),
    }),
  ),
  quartiers: z.array(z.object({ name: z.string(), communeCode: z.string(), population: z.number().int() })),
  /** Where the quartiers' populations come from (null without quartiers). */
  quartiersSource: z.string().nullable(),
});
export type TerritoryPopulation = z.infer<typeof territoryPopulation>;

export const figureList = z.object({
  population: territoryPopulation,
  /** Sorted by theme (figures without a theme last), then label. */
  items: z.array(figureItem),
  total: z.number().int(),
  themes: z.array(z.string()),
  can: z.object({ manage: z.boolean() }),
});
export type FigureList = z.infer<typeof figureList>;
