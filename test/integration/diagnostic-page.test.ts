import { describe, expect, it } from "vitest";
import type { DiagnosticPage } from "../../src/contracts/diagnostic-page";
import { type Person, setupApp } from "../support/app";
import { docxText } from "../support/diagnostic";
import { createTenant, expectErrorBody, type Tenant } from "../support/factories";
import { createMeeting } from "../support/meetings";
import { insertAnswers, insertSurvey, randomAnswers } from "../support/survey-results";

const t = await setupApp();

const base = (clsmId: string) => `/api/clsms/${clsmId}/diagnostic`;

async function page(tenant: Tenant, by: Person): Promise<DiagnosticPage> {
  const res = await t.request(by, { method: "GET", url: base(tenant.clsm.id) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const save = (tenant: Tenant, by: Person, payload: object) =>
  t.request(by, { method: "PUT", url: `${base(tenant.clsm.id)}/page`, payload });

async function post(tenant: Tenant, url: string, payload?: object) {
  const res = await t.request(tenant.coordinator, {
    method: "POST",
    url: `${base(tenant.clsm.id)}${url}`,
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

/** A diagnostic with something in every part: two surveys (one published to members), needs, a resource, a figure, a chosen priority, an adopted avis. */
async function fullDiagnostic(tenant: Tenant) {
  const published = await insertSurvey(t, tenant.clsm.id, { title: "Perception des habitants" });
  const reserved = await insertSurvey(t, tenant.clsm.id, { title: "Enquête partenaires réservée" });
  await insertAnswers(t, tenant.clsm.id, published.id, randomAnswers(12, ["22278"]));
  const publication = await t.request(tenant.coordinator, {
    method: "PUT",
    url: `/api/clsms/${tenant.clsm.id}/surveys/${published.id}/results/publication`,
    payload: { published: true },
  });
  expect(publication.statusCode, publication.body).toBe(200);

  await post(tenant, "/needs", {
    title: "Isolement des personnes âgées",
    objectives: ["isolement", "prevention"],
  });
  await post(tenant, "/resources", { title: "Café des aidants", kind: "action" });
  await post(tenant, "/figures", {
    label: "Taux de pauvreté",
    value: 14.2,
    unit: "%",
    year: 2021,
    source: "Insee, Filosofi",
    level: "territoire",
    nationalValue: 14.5,
  });
  const consultation = await post(tenant, "/priorities", {
    title: "Priorités 2027",
    method: "dots",
    dotsPerMember: 2,
  });
  await post(tenant, `/priorities/${consultation.id}/candidates`, { title: "Rompre l'isolement" });
  const withTwo = await post(tenant, `/priorities/${consultation.id}/candidates`, { title: "Logement" });
  await post(tenant, `/priorities/${consultation.id}/open`, {});
  await post(tenant, `/priorities/${consultation.id}/close`);
  await post(tenant, `/priorities/${consultation.id}/candidates/${withTwo.candidates[0].id}/choose`);
  const meeting = await createMeeting(t, tenant.coordinator, tenant.clsm.id, {
    title: "Assemblée plénière",
    date: "2025-06-12",
    time: "18:00",
  });
  const opinion = await post(tenant, "/opinions", {
    subject: "ptsm",
    title: "Avis sur le PTSM",
    body: "Favorable.",
  });
  await post(tenant, `/opinions/${opinion.id}/adopt`, { meetingId: meeting.id });
  return { published, reserved, meeting };
}

describe("the diagnostic page", () => {
  it("is empty but complete for a CLSM that has written nothing yet", async () => {
    const tenant = await createTenant(t);
    const p = await page(tenant, tenant.member);
    expect(p).toMatchObject({
      clsm: { id: tenant.clsm.id, name: tenant.clsm.name },
      introduction: "",
      conclusion: "",
      updatedAt: null,
      surveys: [],
      figures: [],
      priorities: [],
      opinion: null,
      can: { manage: false },
    });
    expect(p.territory.total).toBeGreaterThan(0);
    expect(p.territory.communes.map((c) => c.code)).toEqual(["22278"]);
    expect(p.objectives.map((g) => g.objective)).toEqual([
      "isolement",
      "determinants",
      "prevention",
      "inclusion",
      "parcours",
    ]);
  });

  it("assembles the parts; members see only the surveys whose results are published", async () => {
    const tenant = await createTenant(t);
    const { published, reserved, meeting } = await fullDiagnostic(tenant);
    const saved = await save(tenant, tenant.coordinator, {
      introduction: "Le diagnostic du CLSM.\n\nIl s'appuie sur une enquête.",
      conclusion: "Trois priorités se dégagent.",
      surveyIds: [reserved.id, published.id],
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const coordination = await page(tenant, tenant.coordinator);
    expect(coordination.surveyIds).toEqual([reserved.id, published.id]);
    expect(coordination.surveys.map((s) => s.survey.title)).toEqual([
      "Enquête partenaires réservée",
      "Perception des habitants",
    ]);
    expect(coordination.surveys[1]?.respondents).toBe(12);
    expect(coordination.updatedAt).toBeTruthy();

    const member = await page(tenant, tenant.member);
    expect(member.surveys.map((s) => s.survey.id)).toEqual([published.id]);
    expect(member.surveyIds).toEqual([]);
    expect(member.introduction).toBe("Le diagnostic du CLSM.\n\nIl s'appuie sur une enquête.");
    const group = (key: string | null) => member.objectives.find((g) => g.objective === key);
    expect(group("isolement")?.needs.map((n) => n.title)).toEqual(["Isolement des personnes âgées"]);
    expect(group("prevention")?.needs.map((n) => n.title)).toEqual(["Isolement des personnes âgées"]);
    expect(group("parcours")?.needs).toEqual([]);
    expect(group(null)?.resources.map((r) => r.title)).toEqual(["Café des aidants"]);
    expect(member.figures).toMatchObject([
      { label: "Taux de pauvreté", source: "Insee, Filosofi", nationalValue: 14.5 },
    ]);
    expect(member.priorities.map((p) => p.title)).toEqual(["Rompre l'isolement"]);
    expect(member.opinion).toMatchObject({
      title: "Avis sur le PTSM",
      status: "adopted",
      meeting: { id: meeting.id, date: "2025-06-12" },
    });
  });

  it("lets only the coordination write it, with surveys of the CLSM only", async () => {
    const tenant = await createTenant(t);
    const other = await createTenant(t);
    const own = await insertSurvey(t, tenant.clsm.id);
    const foreign = await insertSurvey(t, other.clsm.id);
    const body = { introduction: "Texte", conclusion: "", surveyIds: [own.id] };
    expect((await save(tenant, tenant.member, body)).statusCode).toBe(403);
    const wrong = await save(tenant, tenant.coordinator, { ...body, surveyIds: [own.id, foreign.id] });
    expect(wrong.statusCode).toBe(400);
    expect(expectErrorBody(wrong.body, "BAD_REQUEST").message).toMatch(/enquêtes/);
    expect(wrong.json().error.fields.surveyIds).toBeTruthy();
    const twice = await save(tenant, tenant.coordinator, { ...body, surveyIds: [own.id, own.id] });
    expect(twice.json().error.fields.surveyIds).toBeTruthy();
    const tooMany = await save(tenant, tenant.coordinator, {
      ...body,
      surveyIds: Array.from({ length: 11 }, () => crypto.randomUUID()),
    });
    expect(tooMany.statusCode).toBe(400);
    const tooLong = await save(tenant, tenant.coordinator, { ...body, introduction: "a".repeat(20_001) });
    expect(tooLong.json().error.fields.introduction).toBeTruthy();
    expect((await page(tenant, tenant.coordinator)).introduction).toBe("");
    expect((await save(tenant, tenant.coordinator, body)).json().surveyIds).toEqual([own.id]);
  });

  it("exports a Word document with the CLSM, its text, figures, survey results, needs, priorities and avis", async () => {
    const tenant = await createTenant(t, { name: "CLSM de Saint-Brieuc — cœur d'agglo" });
    const { published, reserved } = await fullDiagnostic(tenant);
    await save(tenant, tenant.coordinator, {
      introduction: "Le diagnostic du CLSM.",
      conclusion: "Trois priorités se dégagent.",
      surveyIds: [published.id, reserved.id],
    });
    const res = await t.request(tenant.coordinator, {
      method: "GET",
      url: `${base(tenant.clsm.id)}/export.docx`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="diagnostic-clsm-de-saint-brieuc-c-ur-d-agglo-\d{4}-\d{2}-\d{2}\.docx"$/,
    );
    const text = await docxText(res.rawPayload);
    for (const expected of [
      "Diagnostic partagé — CLSM de Saint-Brieuc — cœur d'agglo",
      "Le diagnostic du CLSM.",
      "Perception des habitants",
      "12 répondants",
      "Enquête partenaires réservée",
      "Isolement des personnes âgées",
      "Café des aidants",
      "Taux de pauvreté",
      "Insee, Filosofi",
      "Rompre l'isolement",
      "Avis sur le PTSM",
      "Assemblée plénière du 12 juin 2025",
      "Trois priorités se dégagent.",
    ])
      expect(text, expected).toContain(expected);

    const byMember = await t.request(tenant.member, {
      method: "GET",
      url: `${base(tenant.clsm.id)}/export.docx`,
    });
    const memberText = await docxText(byMember.rawPayload);
    expect(memberText).toContain("Perception des habitants");
    expect(memberText).not.toContain("Enquête partenaires réservée");

    const other = await createTenant(t);
    const foreign = await t.request(other.coordinator, {
      method: "GET",
      url: `${base(tenant.clsm.id)}/export.docx`,
    });
    expect(foreign.statusCode).toBe(404);
  });
});
