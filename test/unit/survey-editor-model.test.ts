import { describe, expect, it } from "vitest";
import type { Section } from "../../src/contracts/survey-definition";
import { moveQuestion } from "../../src/web/diagnostic/surveys/editor-model";

const q = (id: string) => ({ id, type: "short_text" as const, label: id, required: false, condition: null });
const sections = (): Section[] => [
  { id: "s1", title: "Un", questions: [q("a"), q("b")] },
  { id: "s2", title: "Deux", questions: [] },
  { id: "s3", title: "Trois", questions: [q("c")] },
];
const ids = (list: Section[]) => list.map((s) => s.questions.map((x) => x.id));

describe("moving a question in the questionnaire editor", () => {
  it("moves within its section", () => {
    expect(ids(moveQuestion(sections(), 0, 0, 1))).toEqual([["b", "a"], [], ["c"]]);
  });

  it("goes from the last place of a section to the first of the next, an empty one included", () => {
    const once = moveQuestion(sections(), 0, 1, 1);
    expect(ids(once)).toEqual([["a"], ["b"], ["c"]]);
    expect(ids(moveQuestion(once, 1, 0, 1))).toEqual([["a"], [], ["b", "c"]]);
  });

  it("goes from the first place of a section to the end of the previous one", () => {
    expect(ids(moveQuestion(sections(), 2, 0, -1))).toEqual([["a", "b"], ["c"], []]);
  });

  it("stays put at the very top and the very bottom, and keeps the sections' other fields", () => {
    const start = sections();
    expect(moveQuestion(start, 0, 0, -1)).toBe(start);
    expect(moveQuestion(start, 2, 0, 1)).toBe(start);
    expect(moveQuestion(start, 0, 1, 1).map((s) => s.title)).toEqual(["Un", "Deux", "Trois"]);
  });
});
