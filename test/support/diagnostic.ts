import JSZip from "jszip";
import { expect } from "vitest";
import { surveyResponse } from "../../src/server/diagnostic/tables";
import type { TestApp } from "./app";
import type { DirectoryIds } from "./directory";
import type { Tenant } from "./factories";

/**
 * Records of the diagnostic domain in a tenant, by the name of the path parameter that takes their id
 * (`surveyId`, `needId`…), so the route-wide tests (isolation) reach each diagnostic route with an id that exists.
 * Each part of the domain creates its own records below.
 */
export async function diagnosticIds(
  t: TestApp,
  tenant: Tenant,
  d: Omit<DirectoryIds, "diagnostic">,
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  // Surveys (builder): a published survey with a yes/no question and a question shown on "yes".
  ids.surveyId = await publishedSurvey(t, tenant);
  // Collecting answers: the survey's invitation of the directory's person (not sent).
  ids.invitationId = await invitation(t, tenant, ids.surveyId, d.personId);
  Object.assign(ids, await priorityIds(t, tenant));
  Object.assign(ids, await opinionIds(t, tenant));
  Object.assign(ids, await needsAndFiguresIds(t, tenant, d));
  // Survey results: an answer with a free text, so the tag routes reach an answer that exists.
  ids.responseId = await textAnswer(t, tenant, ids.surveyId);
  return ids;
}

/** Adds a free-text question `q3` to the survey (new questions stay possible) and an answer to it; its id. */
async function textAnswer(t: TestApp, tenant: Tenant, surveyId: string) {
  const [section] = sampleDefinition.sections;
  if (!section) throw new Error("no section");
  const withText = {
    sections: [
      { ...section, questions: [...section.questions, { id: "q3", type: "long_text", label: "Un mot ?" }] },
    ],
  };
  const saved = await t.request(tenant.coordinator, {
    method: "PUT",
    url: `/api/clsms/${tenant.clsm.id}/surveys/${surveyId}/definition`,
    payload: withText,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const [row] = await t.database.db
    .insert(surveyResponse)
    .values({
      clsmId: tenant.clsm.id,
      surveyId,
      submittedOn: "2026-03-02",
      answers: { q1: true, q2: "c1", q3: "Plus de lieux d'écoute." },
    })
    .returning({ id: surveyResponse.id });
  if (!row) throw new Error("no answer");
  return row.id;
}

// The avis: a draft with its text, and a meeting already held that may adopt it.
async function opinionIds(t: TestApp, tenant: Tenant) {
  const meeting = await t.request(tenant.coordinator, {
    method: "POST",
    url: `/api/clsms/${tenant.clsm.id}/meetings`,
    payload: { title: "Assemblée plénière", date: "2025-06-12", time: "18:00" },
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  const opinion = await t.request(tenant.coordinator, {
    method: "POST",
    url: `/api/clsms/${tenant.clsm.id}/diagnostic/opinions`,
    payload: { subject: "ptsm", title: "Avis sur le PTSM", body: "Le CLSM soutient le projet." },
  });
  expect(opinion.statusCode, opinion.body).toBe(201);
  return { opinionId: opinion.json().id, heldMeetingId: meeting.json().id };
}

// Priorities (consultations, candidates): a consultation in preparation with two candidates.
async function priorityIds(t: TestApp, tenant: Tenant) {
  const base = `/api/clsms/${tenant.clsm.id}/diagnostic/priorities`;
  const created = await t.request(tenant.coordinator, {
    method: "POST",
    url: base,
    payload: { title: "Priorités", method: "dots", dotsPerMember: 3 },
  });
  expect(created.statusCode, created.body).toBe(201);
  const consultationId: string = created.json().id;
  let candidates: { id: string }[] = [];
  for (const title of ["Logement", "Prévention"]) {
    const res = await t.request(tenant.coordinator, {
      method: "POST",
      url: `${base}/${consultationId}/candidates`,
      payload: { title },
    });
    expect(res.statusCode, res.body).toBe(201);
    candidates = res.json().candidates;
  }
  return {
    consultationId,
    candidateId: candidates[0]?.id ?? "",
    otherCandidateId: candidates[1]?.id ?? "",
  };
}

/** Invites a directory person to answer the survey (no mail sent); returns the invitation's id. */
export async function invitation(t: TestApp, tenant: Tenant, surveyId: string, personId: string) {
  const url = `/api/clsms/${tenant.clsm.id}/surveys/${surveyId}/invitations`;
  const added = await t.request(tenant.coordinator, {
    method: "POST",
    url,
    payload: { personIds: [personId] },
  });
  expect(added.statusCode, added.body).toBe(200);
  const list = await t.request(tenant.coordinator, { method: "GET", url });
  expect(list.statusCode, list.body).toBe(200);
  const found = (list.json().items as { id: string; personId: string }[]).find(
    (i) => i.personId === personId,
  );
  if (!found) throw new Error("the invitation is not listed");
  return found.id;
}

/** The questionnaire of the tenant's survey: a yes/no question `q1`, then `q2` shown when q1 is "yes". */
export const sampleDefinition = {
  sections: [
    {
      id: "s1",
      title: "",
      questions: [
        { id: "q1", type: "yes_no", label: "Habitez-vous le territoire ?", required: true },
        {
          id: "q2",
          type: "single_choice",
          label: "Depuis combien de temps ?",
          condition: { questionId: "q1", operator: "equals", value: "yes" },
          choices: [
            { id: "c1", label: "Moins d'un an" },
            { id: "c2", label: "Un an ou plus" },
          ],
        },
      ],
    },
  ],
};

/** A survey of the tenant made through the API, its questionnaire saved and published; returns its id. */
export async function publishedSurvey(
  t: TestApp,
  tenant: Tenant,
  title = "Enquête habitants",
): Promise<string> {
  const base = `/api/clsms/${tenant.clsm.id}/surveys`;
  const created = await t.request(tenant.coordinator, {
    method: "POST",
    url: base,
    payload: { title, audience: "public", anonymous: true },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const saved = await t.request(tenant.coordinator, {
    method: "PUT",
    url: `${base}/${id}/definition`,
    payload: sampleDefinition,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const published = await t.request(tenant.coordinator, { method: "POST", url: `${base}/${id}/publish` });
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

// Needs, resources and figures: a need linked to the tenant's meeting (`linkId`), a resource pointing at a
// structure of its directory, and a territory-level figure.
async function needsAndFiguresIds(t: TestApp, tenant: Tenant, d: Omit<DirectoryIds, "diagnostic">) {
  const base = `/api/clsms/${tenant.clsm.id}/diagnostic`;
  const post = async (url: string, payload: object) => {
    const res = await t.request(tenant.coordinator, { method: "POST", url: `${base}${url}`, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const needId = await post("/needs", { title: "Délais d'attente en CMP", objectives: ["parcours"] });
  const linkId = await post(`/needs/${needId}/links`, { meetingId: d.meetingId });
  const resourceId = await post("/resources", {
    title: "Permanence du CMP",
    kind: "structure",
    structureId: d.structureId,
    objectives: ["parcours"],
  });
  const figureId = await post("/figures", {
    label: "Médecins généralistes pour 10 000 habitants",
    value: 8.4,
    year: 2024,
    source: "Observatoire régional de la santé",
    level: "territoire",
  });
  return { needId, linkId, resourceId, figureId };
}

/** The text of a DOCX's main part (word/document.xml), tags removed; fails unless the bytes are a Word zip. */
export async function docxText(content: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error("no word/document.xml in the DOCX");
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
