import { allQuestions, type Question, type SurveyDefinition } from "../../../contracts/survey-definition";
import { surveyMessages as m } from "./messages";

export interface StructureProblem {
  /** The field in the new definition ("sections.0.questions.2.type"), or "sections" for a removed question. */
  field: string;
  message: string;
}

const labelOf = (q: Question) => q.label;

/**
 * Changes that would corrupt the answers already received: a question removed, its type changed, a choice or
 * a matrix row removed. Wordings, help, plain-language versions, required, conditions, order, new questions,
 * choices and rows remain possible.
 */
export function structuralChanges(before: SurveyDefinition, after: SurveyDefinition): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const where = new Map<string, { question: Question; path: string }>();
  after.sections.forEach((s, si) => {
    s.questions.forEach((q, qi) => {
      where.set(q.id, { question: q, path: `sections.${si}.questions.${qi}` });
    });
  });
  for (const old of allQuestions(before)) {
    const now = where.get(old.id);
    if (!now) {
      problems.push({ field: "sections", message: m.questionRemoved(labelOf(old)) });
      continue;
    }
    const { question, path } = now;
    if (question.type !== old.type) {
      problems.push({ field: `${path}.type`, message: m.typeChanged(labelOf(old)) });
      continue;
    }
    if ("choices" in old && "choices" in question) {
      const kept = new Set(question.choices.map((c) => c.id));
      const lost = old.choices.find((c) => !kept.has(c.id));
      if (lost)
        problems.push({ field: `${path}.choices`, message: m.choiceRemoved(lost.label, labelOf(old)) });
    }
    if (old.type === "matrix" && question.type === "matrix") {
      const kept = new Set(question.rows.map((r) => r.id));
      const lost = old.rows.find((r) => !kept.has(r.id));
      if (lost) problems.push({ field: `${path}.rows`, message: m.rowRemoved(lost.label, labelOf(old)) });
    }
    // "Autre, précisez" turned off would orphan the answers "Autre" already given.
    if ("allowOther" in old && old.allowOther && "allowOther" in question && !question.allowOther)
      problems.push({ field: `${path}.allowOther`, message: m.otherRemoved(labelOf(old)) });
  }
  return problems;
}
