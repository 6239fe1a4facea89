import { describe, expect, it } from "vitest";
import {
  type Answers,
  checkAnswers,
  LIMITS,
  OTHER,
  type SurveyDefinition,
  surveyDefinition,
  visibleQuestions,
} from "../../src/contracts/survey-definition";

// The two rules every side of a survey applies: which questions are asked given the answers so far, and which
// answers are acceptable (and kept). Definitions go through the contract's parser, as the server stores them.

const define = (sections: unknown[]): SurveyDefinition => surveyDefinition.parse({ sections });
const ids = (definition: SurveyDefinition, answers: Answers["answers"]) =>
  visibleQuestions(definition, answers).map((q) => q.id);
const choices = (...list: string[]) => list.map((id) => ({ id, label: `Choix ${id}` }));

describe("visibleQuestions", () => {
  const single = { id: "q1", label: "Vous êtes", type: "single_choice", choices: choices("a", "b") };

  it("asks every question, in order, when nothing is conditional", () => {
    const d = define([
      { id: "s1", title: "", questions: [single, { id: "q2", label: "Âge", type: "number" }] },
      { id: "s2", title: "Suite", questions: [{ id: "q3", label: "Commentaire", type: "long_text" }] },
    ]);
    expect(ids(d, {})).toEqual(["q1", "q2", "q3"]);
  });

  const followedBy = (operator: string, value: string | undefined, target: object = single) =>
    define([
      {
        id: "s1",
        title: "",
        questions: [
          target,
          {
            id: "q2",
            label: "Suite",
            type: "short_text",
            condition: { questionId: (target as { id: string }).id, operator, value },
          },
        ],
      },
    ]);

  it("equals: shown for that choice only, hidden while unanswered", () => {
    const d = followedBy("equals", "a");
    expect(ids(d, { q1: "a" })).toEqual(["q1", "q2"]);
    expect(ids(d, { q1: "b" })).toEqual(["q1"]);
    expect(ids(d, {})).toEqual(["q1"]);
  });

  it("not_equals: hidden for that choice only, shown while unanswered", () => {
    const d = followedBy("not_equals", "a");
    expect(ids(d, { q1: "a" })).toEqual(["q1"]);
    expect(ids(d, { q1: "b" })).toEqual(["q1", "q2"]);
    expect(ids(d, {})).toEqual(["q1", "q2"]);
  });

  it("includes: a multiple choice that contains the choice", () => {
    const d = followedBy("includes", "b", {
      id: "m",
      label: "Services connus",
      type: "multiple_choice",
      choices: choices("a", "b", "c"),
    });
    expect(ids(d, { m: ["a", "b"] })).toEqual(["m", "q2"]);
    expect(ids(d, { m: ["a", "c"] })).toEqual(["m"]);
    expect(ids(d, { m: [] })).toEqual(["m"]);
  });

  it("answered: any answer, an empty text is none", () => {
    const d = followedBy("answered", undefined, { id: "t", label: "Votre quartier", type: "short_text" });
    expect(ids(d, { t: "Centre" })).toEqual(["t", "q2"]);
    expect(ids(d, { t: "   " })).toEqual(["t"]);
    expect(ids(d, {})).toEqual(["t"]);
  });

  it("at_least and at_most on a rating, bounds included; never on a choice", () => {
    const rating = { id: "r", label: "Note", type: "rating" };
    const least = followedBy("at_least", "7", rating);
    expect(ids(least, { r: 7 })).toEqual(["r", "q2"]);
    expect(ids(least, { r: 6 })).toEqual(["r"]);
    const most = followedBy("at_most", "3", rating);
    expect(ids(most, { r: 3 })).toEqual(["r", "q2"]);
    expect(ids(most, { r: 0 })).toEqual(["r", "q2"]);
    expect(ids(most, { r: 4 })).toEqual(["r"]);
    expect(ids(followedBy("at_least", "1", single), { q1: "a" })).toEqual(["q1"]);
  });

  it("at_least on a number with decimals", () => {
    const d = followedBy("at_least", "2.5", { id: "n", label: "Enfants", type: "number" });
    expect(ids(d, { n: 2.5 })).toEqual(["n", "q2"]);
    expect(ids(d, { n: 2 })).toEqual(["n"]);
  });

  it("yes/no conditions compare with 'yes' and 'no'", () => {
    const yesNo = { id: "y", label: "Suivi ?", type: "yes_no" };
    expect(ids(followedBy("equals", "yes", yesNo), { y: true })).toEqual(["y", "q2"]);
    expect(ids(followedBy("equals", "yes", yesNo), { y: false })).toEqual(["y"]);
    expect(ids(followedBy("equals", "no", yesNo), { y: false })).toEqual(["y", "q2"]);
    expect(ids(followedBy("not_equals", "no", yesNo), { y: true })).toEqual(["y", "q2"]);
  });

  it("a section's condition hides all its questions", () => {
    const d = define([
      { id: "s1", title: "", questions: [single] },
      {
        id: "s2",
        title: "Pour les aidants",
        condition: { questionId: "q1", operator: "equals", value: "b" },
        questions: [
          { id: "q2", label: "Depuis quand ?", type: "date" },
          { id: "q3", label: "Soutenu·e ?", type: "yes_no" },
        ],
      },
      { id: "s3", title: "Fin", questions: [{ id: "q4", label: "Merci", type: "long_text" }] },
    ]);
    expect(ids(d, { q1: "a" })).toEqual(["q1", "q4"]);
    expect(ids(d, { q1: "b" })).toEqual(["q1", "q2", "q3", "q4"]);
  });

  it("hides in chain: a question whose condition looks at a hidden question is hidden, whatever its operator", () => {
    const d = define([
      {
        id: "s1",
        title: "",
        questions: [
          single,
          {
            id: "q2",
            label: "Lequel ?",
            type: "single_choice",
            choices: choices("x", "y"),
            condition: { questionId: "q1", operator: "equals", value: "a" },
          },
          // not_equals holds on an unanswered question, but not on a hidden one.
          {
            id: "q3",
            label: "Pourquoi pas x ?",
            type: "short_text",
            condition: { questionId: "q2", operator: "not_equals", value: "x" },
          },
        ],
      },
      {
        id: "s2",
        title: "",
        condition: { questionId: "q3", operator: "answered" },
        questions: [{ id: "q4", label: "Précisez", type: "long_text" }],
      },
    ]);
    expect(ids(d, { q1: "a", q3: "Loin" })).toEqual(["q1", "q2", "q3", "q4"]);
    // q1 = b hides q2, hence q3 (despite not_equals), hence the section of q4 — even with stale answers.
    expect(ids(d, { q1: "b", q2: "y", q3: "Loin" })).toEqual(["q1"]);
  });
});

describe("checkAnswers", () => {
  const all = define([
    {
      id: "s1",
      title: "",
      questions: [
        {
          id: "single",
          label: "Vous êtes",
          type: "single_choice",
          choices: choices("a", "b"),
          allowOther: true,
        },
        { id: "closed", label: "Sans autre", type: "single_choice", choices: choices("a", "b") },
        {
          id: "multi",
          label: "Services",
          type: "multiple_choice",
          choices: choices("a", "b", "c"),
          allowOther: true,
          maxChoices: 2,
        },
        { id: "scale", label: "Accord", type: "scale", choices: choices("1", "2", "3") },
        { id: "rating", label: "Note", type: "rating" },
        { id: "short", label: "Quartier", type: "short_text" },
        { id: "long", label: "Commentaire", type: "long_text" },
        { id: "number", label: "Âge", type: "number", min: 0, max: 120, integer: true },
        { id: "date", label: "Depuis", type: "date" },
        { id: "rank", label: "Classez", type: "ranking", choices: choices("a", "b", "c") },
        {
          id: "matrix",
          label: "Tableau",
          type: "matrix",
          rows: choices("r1", "r2"),
          choices: choices("x", "y"),
        },
        { id: "commune", label: "Commune", type: "commune" },
        { id: "yesno", label: "Suivi ?", type: "yes_no" },
      ],
    },
  ]);
  const communes = ["22278", "22113"];
  const check = (answers: Answers["answers"], others: Answers["others"] = {}) =>
    checkAnswers(all, { answers, others }, communes);
  const problemOf = (answers: Answers["answers"], others?: Answers["others"]) =>
    check(answers, others).problems;

  it("keeps a complete, valid answer of every type (texts trimmed, the 'Autre' text with it)", () => {
    const given: Answers["answers"] = {
      single: OTHER,
      closed: "b",
      multi: ["a", OTHER],
      scale: "3",
      rating: 0,
      short: "  Centre-ville ",
      long: "Ligne 1\nLigne 2",
      number: 42,
      date: "2024-02-29",
      rank: ["c", "a", "b"],
      matrix: { r1: "x", r2: "y" },
      commune: "22278",
      yesno: false,
    };
    const { problems, kept } = check(given, { single: " Voisin ", multi: "Pharmacie" });
    expect(problems).toEqual({});
    expect(kept.answers).toEqual({ ...given, short: "Centre-ville" });
    expect(kept.others).toEqual({ single: "Voisin", multi: "Pharmacie" });
  });

  it("refuses tampered choice ids, in every kind of choice question", () => {
    expect(problemOf({ single: "zzz" })).toEqual({ single: "Ce choix n'existe pas." });
    expect(problemOf({ closed: OTHER }, { closed: "x" })).toEqual({ closed: "Ce choix n'existe pas." });
    expect(problemOf({ multi: ["a", "zzz"] })).toEqual({ multi: "Ce choix n'existe pas." });
    expect(problemOf({ multi: ["a", "a"] })).toEqual({ multi: "Ce choix n'existe pas." });
    expect(problemOf({ multi: "a" })).toEqual({ multi: "Ce choix n'existe pas." });
    expect(problemOf({ scale: "4" })).toEqual({ scale: "Ce choix n'existe pas." });
    expect(problemOf({ scale: OTHER }, { scale: "x" })).toEqual({ scale: "Ce choix n'existe pas." });
    expect(problemOf({ rank: ["a", "b", "zzz"] })).toEqual({ rank: "Classez chacun des choix une fois." });
    expect(problemOf({ matrix: { r1: "zzz" } })).toEqual({ matrix: "Ce choix n'existe pas." });
    expect(problemOf({ matrix: { r9: "x" } })).toEqual({ matrix: "Ce choix n'existe pas." });
  });

  it("asks for the text of 'Autre' and drops 'Autre' texts of questions not answered 'Autre'", () => {
    expect(problemOf({ single: OTHER })).toEqual({ single: "Précisez votre réponse « Autre »." });
    expect(problemOf({ single: OTHER }, { single: "   " })).toEqual({
      single: "Précisez votre réponse « Autre ».",
    });
    expect(problemOf({ multi: [OTHER] })).toEqual({ multi: "Précisez votre réponse « Autre »." });
    const { problems, kept } = check({ single: "a", commune: OTHER }, { single: "Oublié", commune: "Paris" });
    expect(problems).toEqual({});
    expect(kept.others).toEqual({});
    expect(kept.answers).toEqual({ single: "a", commune: OTHER });
  });

  it("limits the number of choices of a multiple choice", () => {
    expect(problemOf({ multi: ["a", "b", "c"] })).toEqual({ multi: "Choisissez au plus 2 réponses." });
  });

  it("takes ratings as whole numbers from 0 to 10", () => {
    for (const bad of [11, -1, 3.5, "5"])
      expect(problemOf({ rating: bad })).toEqual({ rating: "Donnez une note entière de 0 à 10." });
    expect(problemOf({ rating: 10 })).toEqual({});
  });

  it("refuses oversized texts, naming the question", () => {
    expect(problemOf({ short: "x".repeat(LIMITS.shortText) })).toEqual({});
    expect(problemOf({ short: "x".repeat(LIMITS.shortText + 1) })).toEqual({
      short: `La réponse dépasse ${LIMITS.shortText} caractères.`,
    });
    expect(problemOf({ long: "x".repeat(LIMITS.longText + 1) })).toEqual({
      long: `La réponse dépasse ${LIMITS.longText} caractères.`,
    });
    expect(problemOf({ short: 12 })).toHaveProperty("short");
  });

  it("refuses control characters in texts (PostgreSQL cannot store NUL in JSON), line breaks only in long texts", () => {
    const bad = "Ce champ contient des caractères non autorisés.";
    expect(problemOf({ short: "a\u0000b" })).toEqual({ short: bad });
    expect(problemOf({ short: "a\nb" })).toEqual({ short: bad });
    expect(problemOf({ long: "a\u0000b" })).toEqual({ long: bad });
    expect(problemOf({ long: "a\r\n\tb" })).toEqual({});
    expect(problemOf({ single: OTHER }, { single: "x\u0000" })).toEqual({ single: bad });
  });

  it("checks numbers: integer, bounds", () => {
    expect(problemOf({ number: 4.5 })).toEqual({ number: "Donnez un nombre entier." });
    expect(problemOf({ number: -1 })).toEqual({ number: "Le nombre doit être au moins 0." });
    expect(problemOf({ number: 121 })).toEqual({ number: "Le nombre doit être au plus 120." });
    expect(problemOf({ number: "42" })).toEqual({ number: "Donnez un nombre." });
    expect(problemOf({ number: 0 })).toEqual({});
  });

  it("takes real calendar days only", () => {
    for (const bad of ["2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01", "12/03/2024", "2024-1-5"])
      expect(problemOf({ date: bad }), bad).toEqual({ date: "Donnez une date valide." });
    expect(problemOf({ date: "2024-12-31" })).toEqual({});
  });

  it("wants each choice ranked exactly once", () => {
    expect(problemOf({ rank: ["a", "b"] })).toEqual({ rank: "Classez chacun des choix une fois." });
    expect(problemOf({ rank: ["a", "a", "b"] })).toEqual({ rank: "Classez chacun des choix une fois." });
    expect(problemOf({ rank: ["b", "a", "c"] })).toEqual({});
  });

  it("takes a matrix as an object, partly answered unless required", () => {
    expect(problemOf({ matrix: ["x"] })).toEqual({ matrix: "Réponse invalide." });
    expect(problemOf({ matrix: { r1: "x" } })).toEqual({});
    const required = define([
      {
        id: "s",
        title: "",
        questions: [
          {
            id: "m",
            label: "T",
            type: "matrix",
            required: true,
            rows: choices("r1", "r2"),
            choices: choices("x", "y"),
          },
        ],
      },
    ]);
    expect(checkAnswers(required, { answers: { m: { r1: "x" } }, others: {} }, []).problems).toEqual({
      m: "Répondez à chaque ligne.",
    });
  });

  it("takes a commune of the territory or 'hors du territoire'", () => {
    expect(problemOf({ commune: "22113" })).toEqual({});
    expect(problemOf({ commune: OTHER })).toEqual({});
    expect(problemOf({ commune: "75056" })).toEqual({
      commune: "Cette commune ne fait pas partie du territoire.",
    });
  });

  it("takes yes/no as a boolean", () => {
    expect(problemOf({ yesno: "yes" })).toEqual({ yesno: "Répondez par oui ou par non." });
    expect(problemOf({ yesno: true })).toEqual({});
  });

  it("refuses answers to questions that do not exist", () => {
    expect(problemOf({ single: "a", ghost: "x" })).toEqual({ ghost: "Cette question n'existe pas." });
  });

  it("requires required questions that are shown, and only those", () => {
    const d = define([
      {
        id: "s",
        title: "",
        questions: [
          { id: "q1", label: "Aidant ?", type: "yes_no", required: true },
          {
            id: "q2",
            label: "Depuis combien d'années ?",
            type: "number",
            required: true,
            condition: { questionId: "q1", operator: "equals", value: "yes" },
          },
          { id: "q3", label: "Mots", type: "short_text", required: true },
        ],
      },
    ]);
    const required = "Cette question est obligatoire.";
    expect(checkAnswers(d, { answers: { q3: "   " }, others: {} }, []).problems).toEqual({
      q1: required,
      q3: required,
    });
    expect(checkAnswers(d, { answers: { q1: true, q3: "ok" }, others: {} }, []).problems).toEqual({
      q2: required,
    });
    expect(checkAnswers(d, { answers: { q1: false, q3: "ok" }, others: {} }, []).problems).toEqual({});
  });

  it("drops answers to hidden questions, without judging them", () => {
    const d = define([
      {
        id: "s",
        title: "",
        questions: [
          { id: "q1", label: "Aidant ?", type: "yes_no" },
          {
            id: "q2",
            label: "Lequel",
            type: "single_choice",
            choices: choices("a", "b"),
            condition: { questionId: "q1", operator: "equals", value: "yes" },
          },
        ],
      },
    ]);
    const { problems, kept } = checkAnswers(
      d,
      { answers: { q1: false, q2: "zzz" }, others: { q2: "x" } },
      [],
    );
    expect(problems).toEqual({});
    expect(kept).toEqual({ answers: { q1: false }, others: {} });
  });

  it("keeps nothing for unanswered optional questions", () => {
    const { problems, kept } = check({ short: "", multi: [], matrix: {} });
    expect(problems).toEqual({});
    expect(kept.answers).toEqual({});
  });
});

describe("surveyDefinition", () => {
  const q = (id: string, extra: object = {}) => ({ id, label: id, type: "short_text", ...extra });
  const problems = (sections: unknown[]) => {
    const parsed = surveyDefinition.safeParse({ sections });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("refuses duplicate ids and conditions that look forward, at themselves or without a value", () => {
    expect(problems([{ id: "s", title: "", questions: [q("a"), q("a")] }])).toEqual([
      "sections.0.questions.1.id: Identifiant en double.",
    ]);
    expect(
      problems([
        {
          id: "s",
          title: "",
          questions: [
            q("a", { condition: { questionId: "b", operator: "answered" } }),
            q("b", { condition: { questionId: "b", operator: "answered" } }),
            q("c", { condition: { questionId: "a", operator: "equals" } }),
          ],
        },
      ]),
    ).toEqual([
      "sections.0.questions.0.condition: La condition doit porter sur une question posée avant.",
      "sections.0.questions.1.condition: La condition doit porter sur une question posée avant.",
      "sections.0.questions.2.condition: La condition doit indiquer une valeur.",
    ]);
    // A section's condition may not look at its own questions.
    expect(
      problems([
        { id: "s", title: "", condition: { questionId: "a", operator: "answered" }, questions: [q("a")] },
      ]),
    ).toEqual(["sections.0.condition: La condition doit porter sur une question posée avant."]);
  });

  it("refuses the reserved choice id and more questions than the limit", () => {
    expect(
      problems([
        {
          id: "s",
          title: "",
          questions: [{ ...q("a"), type: "single_choice", choices: choices(OTHER, "b") }],
        },
      ]),
    ).toEqual(["sections.0.questions.0.choices.0.id: Identifiant réservé."]);
    const many = Array.from({ length: LIMITS.questions + 1 }, (_, i) => q(`q${i}`));
    expect(
      problems([
        { id: "s1", title: "", questions: many.slice(0, 150) },
        { id: "s2", title: "", questions: many.slice(150) },
      ]),
    ).toEqual([`sections: Un questionnaire compte au plus ${LIMITS.questions} questions.`]);
  });
});
