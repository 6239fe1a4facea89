import type { Answers, SurveyDefinition } from "../../src/contracts/survey-definition";
import { surveyDefinition } from "../../src/contracts/survey-definition";
import { answerGenerator, seededRandom } from "../../src/server/demo/survey-answers";
import { survey, surveyResponse } from "../../src/server/diagnostic/tables";
import { addDays } from "../../src/server/platform/dates";
import type { TestApp } from "./app";

// A questionnaire with every question type and conditions of each kind, and answers put straight in the table
// (what the answering route keeps), for the results tests.

export const PLERIN = "22187";
export const PLOUFRAGAN = "22215";

const choices = (...labels: string[]) => labels.map((label, i) => ({ id: `c${i + 1}`, label }));

export const resultsDefinition: SurveyDefinition = surveyDefinition.parse({
  sections: [
    {
      id: "vous",
      title: "Vous",
      questions: [
        { id: "commune", type: "commune", label: "Votre commune", required: true },
        { id: "age", type: "number", label: "Votre âge", integer: true, min: 15, max: 99 },
        { id: "aidant", type: "yes_no", label: "Aidez-vous un proche ?", required: true },
        {
          id: "lien",
          type: "single_choice",
          label: "Votre lien avec ce proche",
          choices: choices("Parent", "Conjoint·e", "Enfant", "Ami·e"),
          allowOther: true,
          condition: { questionId: "aidant", operator: "equals", value: "yes" },
        },
        {
          id: "connait",
          type: "multiple_choice",
          label: "Ce que vous connaissez",
          choices: choices("CMP", "GEM", "UNAFAM", "Médecin traitant"),
          allowOther: true,
          maxChoices: 3,
        },
      ],
    },
    {
      id: "avis",
      title: "Votre avis",
      condition: { questionId: "age", operator: "at_least", value: "18" },
      questions: [
        {
          id: "bienetre",
          type: "scale",
          label: "Votre bien-être",
          choices: choices("Très mauvais", "Mauvais", "Moyen", "Bon", "Très bon"),
        },
        { id: "note", type: "rating", label: "Note de l'offre de soins" },
        {
          id: "souhaits",
          type: "long_text",
          label: "Ce qui manque",
          condition: { questionId: "note", operator: "at_most", value: "5" },
        },
        {
          id: "derniere",
          type: "date",
          label: "Dernière consultation au CMP",
          condition: { questionId: "connait", operator: "includes", value: "c1" },
        },
        {
          id: "priorites",
          type: "ranking",
          label: "Vos priorités",
          choices: choices("Logement", "Emploi", "Soins"),
        },
        {
          id: "services",
          type: "matrix",
          label: "Votre avis sur",
          rows: choices("Accueil", "Délais", "Information"),
          choices: choices("Pas satisfait", "Peu", "Assez", "Très satisfait"),
        },
        {
          id: "precision",
          type: "short_text",
          label: "Précisez",
          condition: { questionId: "souhaits", operator: "answered" },
        },
      ],
    },
  ],
});

/** Inserts a survey of the CLSM straight in the table (the builder's routes are tested on their own). */
export async function insertSurvey(
  t: TestApp,
  clsmId: string,
  options: {
    definition?: SurveyDefinition;
    anonymous?: boolean;
    status?: string;
    title?: string;
    publicToken?: string;
  } = {},
) {
  const [row] = await t.database.db
    .insert(survey)
    .values({
      clsmId,
      title: options.title ?? "Santé mentale : votre avis",
      audience: "public",
      anonymous: options.anonymous ?? true,
      status: options.status ?? "closed",
      definition: options.definition ?? resultsDefinition,
      publicToken: options.publicToken ?? null,
    })
    .returning();
  if (!row) throw new Error("no survey");
  return row;
}

/** `count` random answers (seeded), kept as the answering route keeps them, spread over ten days. */
export function randomAnswers(count: number, communes: string[], seed = 7): Answers[] {
  const next = answerGenerator(resultsDefinition, seededRandom(seed), {
    communes: communes.map((code, i) => ({ code, weight: i + 1 })),
    skip: 0.15,
    other: 0.1,
    today: "2026-03-15",
  });
  return Array.from({ length: count }, next);
}

export async function insertAnswers(
  t: TestApp,
  clsmId: string,
  surveyId: string,
  answers: Answers[],
  extra: { respondentName?: string }[] = [],
) {
  if (!answers.length) return [];
  const rows = await t.database.db
    .insert(surveyResponse)
    .values(
      answers.map((a, i) => ({
        clsmId,
        surveyId,
        submittedOn: addDays("2026-03-01", i % 10),
        answers: a.answers,
        others: a.others,
        respondentName: extra[i]?.respondentName ?? null,
      })),
    )
    .returning({ id: surveyResponse.id });
  return rows.map((r) => r.id);
}

/**
 * Answers through the public link as browsers would (one key each), a hundred per client address so that the
 * answering route's rate limits let them through; fails on anything but 201.
 */
export async function answerThroughPublicLink(t: TestApp, token: string, answers: Answers[]) {
  for (const [i, a] of answers.entries()) {
    const res = await t.app.inject({
      method: "POST",
      url: `/api/public/surveys/${token}/responses`,
      payload: { ...a, browserKey: `navigateur-${i}`.padEnd(43, "x") },
      remoteAddress: `198.51.100.${1 + Math.floor(i / 100)}`,
    });
    if (res.statusCode !== 201) throw new Error(`answer ${i}: ${res.statusCode} ${res.body}`);
  }
}
