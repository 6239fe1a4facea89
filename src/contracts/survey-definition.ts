import { hasControlCharacter, multilineText, optionalText, text } from "./common";
import { z } from "./zod";

// The shape of a questionnaire (sections of questions, conditions, plain-language wordings) and of one answer to
// it, with the two rules every side applies the same way: which questions a respondent sees given what they have
// answered so far (`visibleQuestions`), and whether a set of answers is acceptable (`checkAnswers`). The builder,
// the answering page, the server and the results all import them from here.

export const questionTypes = [
  "single_choice",
  "multiple_choice",
  "scale",
  "rating",
  "short_text",
  "long_text",
  "number",
  "date",
  "ranking",
  "matrix",
  "commune",
  "yes_no",
] as const;
export type QuestionType = (typeof questionTypes)[number];

export const questionTypeLabels: Record<QuestionType, string> = {
  single_choice: "Choix unique",
  multiple_choice: "Choix multiples",
  scale: "Échelle (type Likert)",
  rating: "Note de 0 à 10",
  short_text: "Texte court",
  long_text: "Texte long",
  number: "Nombre",
  date: "Date",
  ranking: "Classement",
  matrix: "Tableau (lignes × échelle)",
  commune: "Commune de résidence",
  yes_no: "Oui / non",
};

/** The value of "Autre, précisez" in a choice question and of "hors du territoire" in a commune question. */
export const OTHER = "_other";

export const LIMITS = {
  sections: 30,
  questions: 200,
  choices: 50,
  matrixRows: 30,
  shortText: 500,
  longText: 5000,
  otherText: 500,
} as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Identifiant invalide.");

export const choice = z.object({
  id: id.refine((v) => v !== OTHER, "Identifiant réservé."),
  label: text(300),
  /** The same choice in plain language (FALC), shown when the respondent asks for it. */
  falcLabel: optionalText(300).optional(),
});
export type Choice = z.infer<typeof choice>;

export const conditionOperators = [
  "equals",
  "not_equals",
  "includes",
  "answered",
  "at_least",
  "at_most",
] as const;
export type ConditionOperator = (typeof conditionOperators)[number];

/**
 * Show a question or a section only when an earlier question's answer matches. `value` is a choice id (choice,
 * scale, commune questions), "yes"/"no" (yes/no), or a number as text (rating, number: at_least / at_most).
 */
export const condition = z.object({
  questionId: id,
  operator: z.enum(conditionOperators),
  value: optionalText(100).optional(),
});
export type Condition = z.infer<typeof condition>;

const base = {
  id,
  label: text(500),
  falcLabel: optionalText(500).optional(),
  help: multilineText(1000).optional(),
  required: z.boolean().default(false),
  condition: condition.nullable().optional(),
};

const choices = (min: number, max: number) => z.array(choice).min(min).max(max);

export const question = z.discriminatedUnion("type", [
  z.object({
    ...base,
    type: z.literal("single_choice"),
    choices: choices(2, LIMITS.choices),
    allowOther: z.boolean().default(false),
  }),
  z.object({
    ...base,
    type: z.literal("multiple_choice"),
    choices: choices(2, LIMITS.choices),
    allowOther: z.boolean().default(false),
    maxChoices: z.number().int().min(1).max(LIMITS.choices).nullable().optional(),
  }),
  z.object({ ...base, type: z.literal("scale"), choices: choices(2, 11) }),
  z.object({
    ...base,
    type: z.literal("rating"),
    minLabel: optionalText(100).optional(),
    maxLabel: optionalText(100).optional(),
  }),
  z.object({ ...base, type: z.literal("short_text") }),
  z.object({ ...base, type: z.literal("long_text") }),
  z.object({
    ...base,
    type: z.literal("number"),
    min: z.number().finite().nullable().optional(),
    max: z.number().finite().nullable().optional(),
    integer: z.boolean().default(false),
    unit: optionalText(30).optional(),
  }),
  z.object({ ...base, type: z.literal("date") }),
  z.object({ ...base, type: z.literal("ranking"), choices: choices(2, 20) }),
  z.object({
    ...base,
    type: z.literal("matrix"),
    rows: choices(1, LIMITS.matrixRows),
    choices: choices(2, 11),
  }),
  z.object({ ...base, type: z.literal("commune") }),
  z.object({ ...base, type: z.literal("yes_no") }),
]);
export type Question = z.infer<typeof question>;

export const section = z.object({
  id,
  title: optionalText(300),
  falcTitle: optionalText(300).optional(),
  description: multilineText(2000).optional(),
  condition: condition.nullable().optional(),
  questions: z.array(question).max(LIMITS.questions),
});
export type Section = z.infer<typeof section>;

/** A questionnaire: its sections, checked for unique ids and conditions that look back only. */
export const surveyDefinition = z
  .object({ sections: z.array(section).min(1).max(LIMITS.sections) })
  .superRefine((definition, ctx) => {
    for (const problem of definitionProblems(definition)) ctx.addIssue({ code: "custom", ...problem });
  });
export type SurveyDefinition = z.infer<typeof surveyDefinition>;

/**
 * One value per question id. Choice, scale and commune questions: a choice id (or OTHER); multiple choice: choice
 * ids; rating and number: a number; texts and dates ("YYYY-MM-DD"): a string; ranking: every choice id in order;
 * matrix: a choice id per row id; yes/no: a boolean. The text of "Autre, précisez" goes to `others`.
 */
export const answerValue = z.union([
  z.string().max(LIMITS.longText),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(40)).max(LIMITS.choices + 1),
  z.record(z.string().max(40), z.string().max(40)),
]);
export type AnswerValue = z.infer<typeof answerValue>;

export const answers = z.object({
  answers: z
    .record(z.string().max(40), answerValue)
    .refine((a) => Object.keys(a).length <= LIMITS.questions, {
      message: "Trop de réponses.",
    }),
  others: z
    .record(z.string().max(40), z.string().max(LIMITS.otherText))
    .default({})
    .refine((o) => Object.keys(o).length <= LIMITS.questions, { message: "Trop de réponses." }),
});
export type Answers = z.infer<typeof answers>;

export const allQuestions = (definition: SurveyDefinition): Question[] =>
  definition.sections.flatMap((s) => s.questions);

function definitionProblems(definition: {
  sections: Section[];
}): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, Question>();
  const sectionIds = new Set<string>();
  let count = 0;
  const checkCondition = (c: Condition | null | undefined, path: (string | number)[]) => {
    if (!c) return;
    const target = seen.get(c.questionId);
    if (!target) {
      problems.push({ path, message: "La condition doit porter sur une question posée avant." });
      return;
    }
    if (c.operator !== "answered" && (c.value === undefined || c.value === "")) {
      problems.push({ path, message: "La condition doit indiquer une valeur." });
    }
  };
  definition.sections.forEach((s, si) => {
    if (sectionIds.has(s.id))
      problems.push({ path: ["sections", si, "id"], message: "Identifiant en double." });
    sectionIds.add(s.id);
    checkCondition(s.condition, ["sections", si, "condition"]);
    s.questions.forEach((q, qi) => {
      const path = ["sections", si, "questions", qi];
      count++;
      if (seen.has(q.id)) problems.push({ path: [...path, "id"], message: "Identifiant en double." });
      checkCondition(q.condition, [...path, "condition"]);
      const lists = [...("choices" in q ? [q.choices] : []), ...("rows" in q ? [q.rows] : [])];
      for (const list of lists) {
        if (new Set(list.map((c) => c.id)).size !== list.length)
          problems.push({ path: [...path, "choices"], message: "Deux choix portent le même identifiant." });
      }
      if (q.type === "number" && q.min != null && q.max != null && q.min > q.max)
        problems.push({ path: [...path, "max"], message: "Le maximum doit être supérieur au minimum." });
      seen.set(q.id, q);
    });
  });
  if (count > LIMITS.questions)
    problems.push({
      path: ["sections"],
      message: `Un questionnaire compte au plus ${LIMITS.questions} questions.`,
    });
  return problems;
}

/** Whether an answer is there at all (an empty string, list or matrix is no answer). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

function conditionHolds(c: Condition, value: AnswerValue | undefined): boolean {
  if (c.operator === "answered") return isAnswered(value);
  if (!isAnswered(value)) return c.operator === "not_equals";
  const v = c.value ?? "";
  switch (c.operator) {
    case "equals":
      return typeof value === "boolean" ? (value ? "yes" : "no") === v : String(value) === v;
    case "not_equals":
      return typeof value === "boolean" ? (value ? "yes" : "no") !== v : String(value) !== v;
    case "includes":
      return Array.isArray(value) ? value.includes(v) : String(value) === v;
    case "at_least":
      return typeof value === "number" && value >= Number(v);
    case "at_most":
      return typeof value === "number" && value <= Number(v);
  }
}

/**
 * The questions a respondent is asked given their answers, in order. A question is hidden when its own condition,
 * or its section's, does not hold, or when the question the condition looks at is itself hidden.
 */
export function visibleQuestions(definition: SurveyDefinition, given: Answers["answers"]): Question[] {
  const shown = new Set<string>();
  const out: Question[] = [];
  const holds = (c: Condition | null | undefined) =>
    !c || (shown.has(c.questionId) && conditionHolds(c, given[c.questionId]));
  for (const s of definition.sections) {
    if (!holds(s.condition)) continue;
    for (const q of s.questions) {
      if (!holds(q.condition)) continue;
      shown.add(q.id);
      out.push(q);
    }
  }
  return out;
}

/** A real calendar day: Date.parse alone rolls "2024-02-30" over to 1 March. */
const isDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
};

/** Typed texts travel to jsonb, which cannot hold NUL: control characters are refused (line breaks in long texts). */
const controlCharacters = "Ce champ contient des caractères non autorisés.";

/** The problem with one answer to one question, in French, or null. */
function answerProblem(q: Question, value: AnswerValue, other: string | undefined, communes: Set<string>) {
  const ids = "choices" in q ? new Set(q.choices.map((c) => c.id)) : new Set<string>();
  const allowOther = "allowOther" in q && q.allowOther;
  const choiceOk = (v: unknown) => typeof v === "string" && (ids.has(v) || (allowOther && v === OTHER));
  switch (q.type) {
    case "single_choice":
    case "scale":
      if (!choiceOk(value)) return "Ce choix n'existe pas.";
      if (value === OTHER && !other?.trim()) return "Précisez votre réponse « Autre ».";
      return null;
    case "multiple_choice": {
      if (!Array.isArray(value) || !value.every(choiceOk) || new Set(value).size !== value.length)
        return "Ce choix n'existe pas.";
      if (q.maxChoices && value.length > q.maxChoices) return `Choisissez au plus ${q.maxChoices} réponses.`;
      if (value.includes(OTHER) && !other?.trim()) return "Précisez votre réponse « Autre ».";
      return null;
    }
    case "rating":
      return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 10
        ? null
        : "Donnez une note entière de 0 à 10.";
    case "short_text":
      if (typeof value !== "string" || value.length > LIMITS.shortText)
        return `La réponse dépasse ${LIMITS.shortText} caractères.`;
      return hasControlCharacter(value) ? controlCharacters : null;
    case "long_text":
      if (typeof value !== "string" || value.length > LIMITS.longText)
        return `La réponse dépasse ${LIMITS.longText} caractères.`;
      return hasControlCharacter(value, true) ? controlCharacters : null;
    case "number": {
      if (typeof value !== "number") return "Donnez un nombre.";
      if (q.integer && !Number.isInteger(value)) return "Donnez un nombre entier.";
      if (q.min != null && value < q.min) return `Le nombre doit être au moins ${q.min}.`;
      if (q.max != null && value > q.max) return `Le nombre doit être au plus ${q.max}.`;
      return null;
    }
    case "date":
      return typeof value === "string" && isDate(value) ? null : "Donnez une date valide.";
    case "ranking":
      return Array.isArray(value) &&
        value.length === ids.size &&
        value.every((v) => ids.has(v)) &&
        new Set(value).size === ids.size
        ? null
        : "Classez chacun des choix une fois.";
    case "matrix": {
      if (typeof value !== "object" || Array.isArray(value)) return "Réponse invalide.";
      const rows = new Set(q.rows.map((r) => r.id));
      for (const [row, v] of Object.entries(value))
        if (!rows.has(row) || !ids.has(v)) return "Ce choix n'existe pas.";
      if (q.required && Object.keys(value).length !== rows.size) return "Répondez à chaque ligne.";
      return null;
    }
    case "commune":
      return typeof value === "string" && (communes.has(value) || value === OTHER)
        ? null
        : "Cette commune ne fait pas partie du territoire.";
    case "yes_no":
      return typeof value === "boolean" ? null : "Répondez par oui ou par non.";
  }
}

/**
 * Checks a respondent's answers against the questionnaire. Returns the problems by question id (French
 * messages, empty when all is well) and the answers to keep: those to visible questions only, with the
 * "Autre" texts of the questions answered "Autre". `communes` are the INSEE codes of the CLSM's territory.
 */
export function checkAnswers(
  definition: SurveyDefinition,
  given: Answers,
  communes: Iterable<string>,
): { problems: Record<string, string>; kept: Answers } {
  const communeSet = new Set(communes);
  const problems: Record<string, string> = {};
  const kept: Answers = { answers: {}, others: {} };
  const known = new Set(allQuestions(definition).map((q) => q.id));
  for (const key of Object.keys(given.answers))
    if (!known.has(key)) problems[key] = "Cette question n'existe pas.";
  for (const q of visibleQuestions(definition, given.answers)) {
    const value = given.answers[q.id];
    if (!isAnswered(value)) {
      if (q.required) problems[q.id] = "Cette question est obligatoire.";
      continue;
    }
    const usesOther = value === OTHER || (Array.isArray(value) && value.includes(OTHER));
    const other = usesOther && q.type !== "commune" ? given.others[q.id] : undefined;
    const problem =
      answerProblem(q, value as AnswerValue, other, communeSet) ??
      (other && hasControlCharacter(other) ? controlCharacters : null);
    if (problem) {
      problems[q.id] = problem;
      continue;
    }
    kept.answers[q.id] = typeof value === "string" ? value.trim() : (value as AnswerValue);
    if (other) kept.others[q.id] = other.trim();
  }
  return { problems, kept };
}
