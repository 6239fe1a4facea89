import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { survey, surveyResponse } from "../../src/server/diagnostic/tables";
import type { TestApp } from "./app";
import type { Tenant } from "./factories";

// Surveys to answer, and the requests of the answering page, for the tests of collecting answers.

/** A questionnaire with one question of each kind that matters here; `commune` asks for the commune. */
export const answeringDefinition = {
  sections: [
    {
      id: "s1",
      title: "Vous",
      questions: [
        {
          id: "role",
          type: "single_choice",
          label: "Vous êtes",
          required: true,
          allowOther: true,
          choices: [
            { id: "habitant", label: "Habitant·e" },
            { id: "aidant", label: "Proche aidant·e" },
          ],
        },
        { id: "commune", type: "commune", label: "Votre commune" },
        { id: "note", type: "rating", label: "Votre moral, de 0 à 10" },
        { id: "mot", type: "short_text", label: "Un mot pour le dire" },
        { id: "avis", type: "long_text", label: "Votre avis" },
      ],
    },
  ],
};

/**
 * A survey of the tenant built through the builder's API: its questionnaire saved, its public link on, published
 * unless `draft`. Returns its id and the token of its public link.
 */
export async function answerableSurvey(
  t: TestApp,
  tenant: Tenant,
  options: { anonymous?: boolean; draft?: boolean; definition?: object; settings?: object } = {},
) {
  const base = `/api/clsms/${tenant.clsm.id}/surveys`;
  const created = await t.request(tenant.coordinator, {
    method: "POST",
    url: base,
    payload: { title: "Santé mentale et quartier", audience: "public", anonymous: options.anonymous ?? true },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const saved = await t.request(tenant.coordinator, {
    method: "PUT",
    url: `${base}/${id}/definition`,
    payload: options.definition ?? answeringDefinition,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const patched = await t.request(tenant.coordinator, {
    method: "PATCH",
    url: `${base}/${id}`,
    payload: { publicLink: true, introduction: "Merci de votre participation.", ...options.settings },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  if (!options.draft) {
    const published = await t.request(tenant.coordinator, { method: "POST", url: `${base}/${id}/publish` });
    expect(published.statusCode, published.body).toBe(200);
  }
  return { id, token: patched.json().publicToken as string };
}

/** A random key as the answering page keeps in the browser's storage. */
export const newBrowserKey = () => randomBytes(32).toString("base64url");

let address = 0;
/** A client address of its own for each call, so that tests other than the rate limit's are not limited. */
export const freshAddress = () => `198.51.${Math.floor(++address / 250) % 250}.${(address % 250) + 1}`;

export const viewSurvey = (t: TestApp, token: string, remoteAddress = freshAddress()) =>
  t.app.inject({ method: "GET", url: `/api/public/surveys/${token}`, remoteAddress });

export const postAnswer = (t: TestApp, token: string, payload: object, remoteAddress = freshAddress()) =>
  t.app.inject({ method: "POST", url: `/api/public/surveys/${token}/responses`, payload, remoteAddress });

export const viewInvitation = (t: TestApp, token: string) =>
  t.app.inject({
    method: "GET",
    url: `/api/public/survey-invitations/${token}`,
    remoteAddress: freshAddress(),
  });

export const postInvitationAnswer = (t: TestApp, token: string, payload: object) =>
  t.app.inject({
    method: "POST",
    url: `/api/public/survey-invitations/${token}/responses`,
    payload,
    remoteAddress: freshAddress(),
  });

/** The stored answers of a survey, as the database holds them. */
export const storedResponses = (t: TestApp, surveyId: string) =>
  t.database.db.select().from(surveyResponse).where(eq(surveyResponse.surveyId, surveyId));

/** Moves a survey's dates in the database (the API refuses dates already past). */
export const setSurveyDates = (
  t: TestApp,
  surveyId: string,
  dates: { opensAt?: Date | null; closesAt?: Date | null },
) => t.database.db.update(survey).set(dates).where(eq(survey.id, surveyId));
