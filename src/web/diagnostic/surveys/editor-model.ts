import {
  allQuestions,
  type Choice,
  type Condition,
  type ConditionOperator,
  type Question,
  type QuestionType,
  type Section,
  type SurveyDefinition,
} from "../../../contracts/survey-definition";

// Pure helpers of the questionnaire editor: new ids, new questions by type, type changes, moves, and what a
// condition may look at. The server checks everything again (contracts/survey-definition, surveys/structure).

/** A short random id for a section, a question or a choice (letters and digits, never the reserved "_other"). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => "abcdefghijklmnopqrstuvwxyz0123456789"[b % 36]).join("");
}

const emptyChoices = (n: number): Choice[] => Array.from({ length: n }, () => ({ id: newId(), label: "" }));
const labelled = (...labels: string[]): Choice[] => labels.map((label) => ({ id: newId(), label }));
const agreement = () =>
  labelled(
    "Pas du tout d'accord",
    "Plutôt pas d'accord",
    "Ni d'accord ni pas d'accord",
    "Plutôt d'accord",
    "Tout à fait d'accord",
  );

type Common = Pick<Question, "id" | "label" | "falcLabel" | "help" | "required" | "condition">;

/** A question of a type, keeping what all types share (wording, help, FALC, required, condition). */
export function withType(common: Common, type: QuestionType): Question {
  switch (type) {
    case "single_choice":
      return { ...common, type, choices: emptyChoices(2), allowOther: false };
    case "multiple_choice":
      return { ...common, type, choices: emptyChoices(2), allowOther: false, maxChoices: null };
    case "scale":
      return { ...common, type, choices: agreement() };
    case "ranking":
      return { ...common, type, choices: emptyChoices(3) };
    case "matrix":
      return { ...common, type, rows: emptyChoices(2), choices: agreement() };
    case "number":
      return { ...common, type, min: null, max: null, integer: false };
    case "rating":
      return { ...common, type, minLabel: "", maxLabel: "" };
    default:
      return { ...common, type };
  }
}

export const blankQuestion = (type: QuestionType): Question =>
  withType({ id: newId(), label: "", required: false, condition: null }, type);

export const blankSection = (): Section => ({ id: newId(), title: "", questions: [] });

/** The list with the item at `index` moved by `delta` places (unchanged at the ends). */
export function move<T>(list: T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

export const replaceAt = <T>(list: T[], index: number, item: T): T[] =>
  list.map((x, i) => (i === index ? item : x));

/**
 * Moves question `qi` of section `si` one place up or down. Past the first (or last) question of its section it goes
 * to the end of the previous section (or the start of the next): any question reaches any place, step by step.
 */
export function moveQuestion(sections: Section[], si: number, qi: number, delta: -1 | 1): Section[] {
  const section = sections[si];
  const question = section?.questions[qi];
  if (!section || !question) return sections;
  const target = qi + delta;
  if (target >= 0 && target < section.questions.length)
    return replaceAt(sections, si, { ...section, questions: move(section.questions, qi, delta) });
  const neighbour = sections[si + delta];
  if (!neighbour) return sections;
  const questions = delta < 0 ? [...neighbour.questions, question] : [question, ...neighbour.questions];
  return sections.map((s, i) =>
    i === si
      ? { ...section, questions: section.questions.filter((_, j) => j !== qi) }
      : i === si + delta
        ? { ...neighbour, questions }
        : s,
  );
}
export const removeAt = <T>(list: T[], index: number): T[] => list.filter((_, i) => i !== index);

/** The questions asked before a place: all those of earlier sections, then the earlier ones of its section. */
export function earlierQuestions(
  definition: SurveyDefinition,
  sectionIndex: number,
  questionIndex: number,
): Question[] {
  return definition.sections.flatMap((s, si) => {
    if (si < sectionIndex) return s.questions;
    if (si === sectionIndex) return s.questions.slice(0, questionIndex);
    return [];
  });
}

export const operatorLabels: Record<ConditionOperator, string> = {
  equals: "est",
  not_equals: "n'est pas",
  includes: "comprend",
  answered: "a reçu une réponse",
  at_least: "vaut au moins",
  at_most: "vaut au plus",
};

/** The operators that make sense for a question's answers. */
export function operatorsFor(q: Question): ConditionOperator[] {
  switch (q.type) {
    case "yes_no":
    case "single_choice":
    case "scale":
      return ["equals", "not_equals", "answered"];
    case "multiple_choice":
      return ["includes", "answered"];
    case "rating":
    case "number":
      return ["at_least", "at_most", "answered"];
    default:
      return ["answered"];
  }
}

/** The values a condition may compare with: the question's choices, yes/no, or a number typed in. */
export function conditionValues(q: Question): { id: string; label: string }[] | "number" | null {
  if (q.type === "yes_no")
    return [
      { id: "yes", label: "Oui" },
      { id: "no", label: "Non" },
    ];
  if (q.type === "single_choice" || q.type === "scale" || q.type === "multiple_choice")
    return q.choices.map((c, i) => ({ id: c.id, label: c.label || `Choix ${i + 1} (sans libellé)` }));
  if (q.type === "rating" || q.type === "number") return "number";
  return null;
}

/** A fresh condition on a question: its first operator and value. */
export function conditionOn(q: Question): Condition {
  const operator = operatorsFor(q)[0] ?? "answered";
  const values = conditionValues(q);
  const value = operator === "answered" ? undefined : Array.isArray(values) ? values[0]?.id : "0";
  return { questionId: q.id, operator, ...(value === undefined ? {} : { value }) };
}

/** What the answers already received protect: the saved questions, their type, choices and rows. */
export interface Locks {
  /** True once the survey has answers. */
  active: boolean;
  question: (id: string) => Question | undefined;
}

export function locksOf(saved: SurveyDefinition, hasAnswers: boolean): Locks {
  const byId = new Map(allQuestions(saved).map((q) => [q.id, q]));
  return { active: hasAnswers, question: (id) => (hasAnswers ? byId.get(id) : undefined) };
}

/** True when a choice (or a matrix row) of a saved question was there before the answers. */
export function isLockedChoice(locks: Locks, questionId: string, choiceId: string, list: "choices" | "rows") {
  const saved = locks.question(questionId);
  if (!saved) return false;
  if (list === "rows") return saved.type === "matrix" && saved.rows.some((r) => r.id === choiceId);
  return "choices" in saved && saved.choices.some((c) => c.id === choiceId);
}

/** A section holding a protected question cannot be removed. */
export const sectionHasLocked = (locks: Locks, section: Section) =>
  section.questions.some((q) => locks.question(q.id) !== undefined);

export const LOCK_REASON =
  "Cette enquête a déjà reçu des réponses : ses questions, leurs types, leurs choix et leurs lignes ne peuvent plus être supprimés ni changés de type, pour que les réponses gardent leur sens. Les libellés, l'aide, les versions FALC, les conditions et les nouvelles questions restent modifiables.";
