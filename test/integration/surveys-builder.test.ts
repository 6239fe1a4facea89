import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { surveyDefinition } from "../../src/contracts/survey-definition";
import type { SurveyDetail, SurveyTemplate } from "../../src/contracts/surveys";
import { survey, surveyResponse } from "../../src/server/diagnostic/tables";
import { setupApp } from "../support/app";
import { publishedSurvey, sampleDefinition } from "../support/diagnostic";
import { createTenant, expectErrorBody, type Tenant } from "../support/factories";

// The survey builder over HTTP: creating, editing and validating questionnaires, their life cycle, who sees
// what, the protection of answers already received, and the shipped templates.

const t = await setupApp();
const base = (tenant: Tenant) => `/api/clsms/${tenant.clsm.id}/surveys`;

async function create(tenant: Tenant, payload: object = {}): Promise<SurveyDetail> {
  const res = await t.request(tenant.coordinator, {
    method: "POST",
    url: base(tenant),
    payload: { title: "Enquête habitants", audience: "public", ...payload },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const put = (tenant: Tenant, id: string, definition: object) =>
  t.request(tenant.coordinator, {
    method: "PUT",
    url: `${base(tenant)}/${id}/definition`,
    payload: definition,
  });
const patch = (tenant: Tenant, id: string, payload: object) =>
  t.request(tenant.coordinator, { method: "PATCH", url: `${base(tenant)}/${id}`, payload });
const action = (tenant: Tenant, id: string, name: string) =>
  t.request(tenant.coordinator, { method: "POST", url: `${base(tenant)}/${id}/${name}` });
const get = async (tenant: Tenant, id: string): Promise<SurveyDetail> =>
  (await t.request(tenant.coordinator, { method: "GET", url: `${base(tenant)}/${id}` })).json();

/** An answer stored directly (as the answering route will), to test what answers protect. */
async function addAnswer(tenant: Tenant, surveyId: string) {
  await t.database.db.insert(surveyResponse).values({
    clsmId: tenant.clsm.id,
    surveyId,
    submittedOn: "2026-03-02",
    answers: { q1: true, q2: "c1" },
  });
}

type Question = Record<string, unknown> & { choices?: { id: string; label: string }[] };
type Definition = { sections: { id: string; title: string; questions: Question[] }[] };
/** A fresh, freely editable copy of the sample questionnaire and its two questions (q1 yes/no, q2 on "yes"). */
function sample() {
  const definition = structuredClone(sampleDefinition) as Definition;
  const questions = definition.sections[0]?.questions ?? [];
  const [q1, q2] = questions;
  if (!q1 || !q2) throw new Error("the sample has two questions");
  return { definition, questions, q1, q2 };
}

describe("creating and reading surveys", () => {
  it("creates a blank survey with one empty section, as a draft without link", async () => {
    const tenant = await createTenant(t);
    const created = await create(tenant, { anonymous: false });
    expect(created).toMatchObject({
      title: "Enquête habitants",
      audience: "public",
      anonymous: false,
      status: "draft",
      state: "draft",
      hasPublicLink: false,
      publicToken: null,
      questionCount: 0,
      responseCount: 0,
      templateKey: null,
      can: { manage: true, editStructure: true },
    });
    expect(created.definition.sections).toHaveLength(1);
    expect(created.definition.sections[0]?.questions).toEqual([]);
    expect(await get(tenant, created.id)).toEqual(created);
  });

  it("creates a survey from a shipped template, with its questionnaire and introduction", async () => {
    const tenant = await createTenant(t);
    const created = await create(tenant, { templateKey: "perception-habitants" });
    expect(created.templateKey).toBe("perception-habitants");
    expect(created.questionCount).toBeGreaterThanOrEqual(10);
    expect(created.introduction).toMatch(/CLSM/);
    const unknown = await t.request(tenant.coordinator, {
      method: "POST",
      url: base(tenant),
      payload: { title: "X", audience: "public", templateKey: "inconnu" },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty("templateKey");
  });

  it("refuses a body without title or with an unknown audience, naming the field", async () => {
    const tenant = await createTenant(t);
    const res = await t.request(tenant.coordinator, {
      method: "POST",
      url: base(tenant),
      payload: { title: " ", audience: "tout le monde" },
    });
    expect(res.statusCode).toBe(400);
    expectErrorBody(res.body, "VALIDATION");
    expect(Object.keys(res.json().error.fields)).toEqual(expect.arrayContaining(["title", "audience"]));
  });

  it("lists a page of surveys, newest first, searched without accents, with answer counts", async () => {
    const tenant = await createTenant(t);
    const first = await publishedSurvey(t, tenant, "Enquête santé des étudiants");
    await create(tenant, { title: "Ressources des partenaires" });
    await create(tenant, { title: "Perception des habitants" });
    await addAnswer(tenant, first);
    await addAnswer(tenant, first);
    const page = await t.request(tenant.coordinator, {
      method: "GET",
      url: base(tenant),
      query: { limit: "2" },
    });
    expect(page.json()).toMatchObject({ total: 3, can: { manage: true } });
    expect(page.json().items.map((s: { title: string }) => s.title)).toEqual([
      "Perception des habitants",
      "Ressources des partenaires",
    ]);
    const next = await t.request(tenant.coordinator, {
      method: "GET",
      url: base(tenant),
      query: { limit: "2", offset: "2" },
    });
    expect(next.json().items).toMatchObject([{ id: first, responseCount: 2, state: "open" }]);
    const search = await t.request(tenant.coordinator, {
      method: "GET",
      url: base(tenant),
      query: { q: "ETUDIANTS sante" },
    });
    expect(search.json()).toMatchObject({ total: 1, items: [{ id: first }] });
  });
});

describe("who sees and changes surveys", () => {
  it("shows members the published surveys only, read-only, without the public token", async () => {
    const tenant = await createTenant(t);
    const published = await publishedSurvey(t, tenant);
    const draft = await create(tenant, { title: "Brouillon" });
    await patch(tenant, published, { publicLink: true });
    const list = await t.request(tenant.member, { method: "GET", url: base(tenant) });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: published }], can: { manage: false } });
    const seen = await t.request(tenant.member, { method: "GET", url: `${base(tenant)}/${published}` });
    expect(seen.json()).toMatchObject({
      hasPublicLink: true,
      publicToken: null,
      can: { manage: false, editStructure: false },
    });
    const hidden = await t.request(tenant.member, { method: "GET", url: `${base(tenant)}/${draft.id}` });
    expect(hidden.statusCode).toBe(404);
    const refused = await t.request(tenant.member, {
      method: "PATCH",
      url: `${base(tenant)}/${published}`,
      payload: { title: "Par un membre" },
    });
    expect(refused.statusCode).toBe(403);
    const creation = await t.request(tenant.member, {
      method: "POST",
      url: base(tenant),
      payload: { title: "Par un membre", audience: "public" },
    });
    expect(creation.statusCode).toBe(403);
    const all = await t.request(tenant.coordinator, { method: "GET", url: base(tenant) });
    expect(all.json().total).toBe(2);
  });
  it("answers 404 to another CLSM's coordinator, as for an unknown survey, and changes nothing", async () => {
    const tenant = await createTenant(t);
    const other = await createTenant(t);
    const id = await publishedSurvey(t, tenant);
    const requests = [
      { method: "GET" as const, url: `${base(tenant)}/${id}` },
      { method: "PATCH" as const, url: `${base(tenant)}/${id}`, payload: { title: "Intrus" } },
      { method: "PUT" as const, url: `${base(tenant)}/${id}/definition`, payload: sampleDefinition },
      { method: "POST" as const, url: `${base(tenant)}/${id}/close` },
      { method: "POST" as const, url: `${base(tenant)}/${id}/duplicate` },
      { method: "DELETE" as const, url: `${base(tenant)}/${id}` },
      // Their own CLSM in the path, the survey of another: unknown there too.
      { method: "GET" as const, url: `${base(other)}/${id}` },
      { method: "DELETE" as const, url: `${base(other)}/${id}` },
    ];
    for (const request of requests) {
      const res = await t.request(other.coordinator, request);
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(404);
      expectErrorBody(res.body, "NOT_FOUND");
    }
    expect(await get(tenant, id)).toMatchObject({ title: "Enquête habitants", state: "open" });
    const list = await t.request(tenant.coordinator, { method: "GET", url: base(tenant) });
    expect(list.json().total).toBe(1);
  });
});

describe("the questionnaire", () => {
  it("saves a questionnaire and gives it back as saved", async () => {
    const tenant = await createTenant(t);
    const { id } = await create(tenant);
    const res = await put(tenant, id, sampleDefinition);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ questionCount: 2 });
    expect((await get(tenant, id)).definition).toEqual(surveyDefinition.parse(sampleDefinition));
  });

  it("refuses a condition on a later question, duplicate ids and unknown types, naming the field", async () => {
    const tenant = await createTenant(t);
    const { id } = await create(tenant);
    const later = sample();
    later.questions.reverse();
    const laterRes = await put(tenant, id, later.definition);
    expect(laterRes.statusCode).toBe(400);
    expect(laterRes.json().error.fields["sections.0.questions.0.condition"]).toMatch(/posée avant/);

    const twice = sample();
    twice.q2.id = "q1";
    const twiceRes = await put(tenant, id, twice.definition);
    expect(twiceRes.statusCode).toBe(400);
    expect(twiceRes.json().error.fields["sections.0.questions.1.id"]).toMatch(/double/);

    const badType = sample();
    badType.q1.type = "video";
    const badTypeRes = await put(tenant, id, badType.definition);
    expect(badTypeRes.statusCode).toBe(400);
    expect(Object.keys(badTypeRes.json().error.fields).join()).toMatch(/^sections\.0\.questions\.0/);
    expectErrorBody(badTypeRes.body, "VALIDATION");

    const noSection = await put(tenant, id, { sections: [] });
    expect(noSection.statusCode).toBe(400);
    expect(noSection.json().error.fields).toHaveProperty("sections");
    expect((await get(tenant, id)).questionCount).toBe(0);
  });

  it("after the first answer, refuses what would corrupt answers and keeps the rest possible", async () => {
    const tenant = await createTenant(t);
    const id = await publishedSurvey(t, tenant);
    await addAnswer(tenant, id);
    expect(await get(tenant, id)).toMatchObject({ responseCount: 1, can: { editStructure: false } });

    const removed = sample();
    removed.questions.pop();
    const removedRes = await put(tenant, id, removed.definition);
    expect(removedRes.statusCode).toBe(409);
    expect(removedRes.json().error.message).toMatch(
      /« Depuis combien de temps \? » ne peut plus être supprimée/,
    );

    const retyped = sample();
    retyped.questions[0] = { id: "q1", type: "short_text", label: "Habitez-vous ici ?" };
    const retypedRes = await put(tenant, id, retyped.definition);
    expect(retypedRes.statusCode).toBe(409);
    expect(retypedRes.json().error.fields).toHaveProperty(["sections.0.questions.0.type"]);

    const lessChoices = sample();
    lessChoices.q2.choices = [
      { id: "c1", label: "Moins d'un an" },
      { id: "c3", label: "Plus de dix ans" },
    ];
    const lessRes = await put(tenant, id, lessChoices.definition);
    expect(lessRes.statusCode).toBe(409);
    expect(lessRes.json().error.message).toMatch(/choix « Un an ou plus »/);

    const anonymous = await patch(tenant, id, { anonymous: false });
    expect(anonymous.statusCode).toBe(409);
    expect(anonymous.json().error.fields).toHaveProperty("anonymous");

    // New wording, plain-language version, help, a new choice, a new section and question, order changed.
    const reworded = sample();
    Object.assign(reworded.q1, {
      label: "Vivez-vous sur le territoire ?",
      falcLabel: "Vous habitez ici ?",
      help: "Oui.",
    });
    reworded.q2.choices?.push({ id: "c3", label: "Depuis toujours" });
    reworded.definition.sections.push({
      id: "s2",
      title: "Suite",
      questions: [
        {
          id: "q3",
          type: "rating",
          label: "Votre note",
          condition: { questionId: "q1", operator: "answered" },
        },
      ],
    });
    const ok = await put(tenant, id, reworded.definition);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ questionCount: 3, responseCount: 1 });

    const del = await t.request(tenant.coordinator, { method: "DELETE", url: `${base(tenant)}/${id}` });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toMatch(/Clôturez-la/);
    const closed = await action(tenant, id, "close");
    expect(closed.json()).toMatchObject({ state: "closed" });
  });
});

describe("settings and life cycle", () => {
  it("turns the public link on with a random url-safe token and off again", async () => {
    const tenant = await createTenant(t);
    const { id } = await create(tenant);
    const on = (await patch(tenant, id, { publicLink: true })).json() as SurveyDetail;
    expect(on.publicToken).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const again = (
      await patch(tenant, id, { title: "Autre titre", publicLink: true })
    ).json() as SurveyDetail;
    expect(again.publicToken).toBe(on.publicToken);
    const off = (await patch(tenant, id, { publicLink: false })).json() as SurveyDetail;
    expect(off).toMatchObject({ publicToken: null, hasPublicLink: false });
    const onAgain = (await patch(tenant, id, { publicLink: true })).json() as SurveyDetail;
    expect(onAgain.publicToken).not.toBe(on.publicToken);
    const other = await create(tenant);
    const otherOn = (await patch(tenant, other.id, { publicLink: true })).json() as SurveyDetail;
    expect(otherOn.publicToken).not.toBe(onAgain.publicToken);
  });

  it("checks the dates: closing after opening, and not already passed", async () => {
    const tenant = await createTenant(t);
    const { id } = await create(tenant);
    const reversed = await patch(tenant, id, {
      opensAt: "2030-05-10T08:00:00+02:00",
      closesAt: "2030-05-01T08:00:00+02:00",
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields.closesAt).toMatch(/suivre/);
    const past = await patch(tenant, id, { closesAt: "2020-01-01T00:00:00Z" });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields.closesAt).toMatch(/passée/);
    const bad = await patch(tenant, id, { opensAt: "demain" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("opensAt");
    const ok = await patch(tenant, id, { opensAt: "2030-05-01T08:00:00+02:00", introduction: "Bonjour" });
    expect(ok.json()).toMatchObject({ opensAt: "2030-05-01T06:00:00.000Z", introduction: "Bonjour" });
  });

  it("publishes (with a question), is scheduled then open then closed over time, closes and reopens", async () => {
    const tenant = await createTenant(t);
    const { id } = await create(tenant);
    const empty = await action(tenant, id, "publish");
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.message).toMatch(/au moins une question/);
    await put(tenant, id, sampleDefinition);
    await patch(tenant, id, { opensAt: new Date(Date.now() + 86_400_000).toISOString() });
    const scheduled = await action(tenant, id, "publish");
    expect(scheduled.json()).toMatchObject({ status: "published", state: "scheduled" });
    expect((await action(tenant, id, "publish")).statusCode).toBe(409);
    expect((await action(tenant, id, "reopen")).statusCode).toBe(409);

    // Time passes: the opening date is behind, then the closing date too.
    const db = t.database.db;
    await db
      .update(survey)
      .set({ opensAt: new Date(Date.now() - 60_000) })
      .where(eq(survey.id, id));
    expect((await get(tenant, id)).state).toBe("open");
    await db
      .update(survey)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(survey.id, id));
    expect(await get(tenant, id)).toMatchObject({ status: "published", state: "closed" });

    // Reopening a survey closed by its date removes the date passed.
    const reopened = await action(tenant, id, "reopen");
    expect(reopened.json()).toMatchObject({ status: "published", state: "open", closesAt: null });
    const closed = await action(tenant, id, "close");
    expect(closed.json()).toMatchObject({ status: "closed", state: "closed" });
    expect((await action(tenant, id, "close")).statusCode).toBe(409);
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await patch(tenant, id, { closesAt: future });
    const again = await action(tenant, id, "reopen");
    expect(again.json()).toMatchObject({ state: "open", closesAt: future });
  });

  it("duplicates a survey as a new draft without answers or link", async () => {
    const tenant = await createTenant(t);
    const id = await publishedSurvey(t, tenant, "Enquête 2026");
    await patch(tenant, id, { publicLink: true, introduction: "Merci de répondre." });
    await addAnswer(tenant, id);
    const res = await action(tenant, id, "duplicate");
    expect(res.statusCode).toBe(201);
    const copy = res.json() as SurveyDetail;
    expect(copy.id).not.toBe(id);
    expect(copy).toMatchObject({
      title: "Enquête 2026 (copie)",
      status: "draft",
      introduction: "Merci de répondre.",
      publicToken: null,
      responseCount: 0,
      opensAt: null,
      closesAt: null,
      can: { editStructure: true },
    });
    expect(copy.definition).toEqual((await get(tenant, id)).definition);
  });

  it("deletes a survey without answers", async () => {
    const tenant = await createTenant(t);
    const { id } = await create(tenant);
    const del = await t.request(tenant.coordinator, { method: "DELETE", url: `${base(tenant)}/${id}` });
    expect(del.statusCode).toBe(204);
    expect(
      (await t.request(tenant.coordinator, { method: "GET", url: `${base(tenant)}/${id}` })).statusCode,
    ).toBe(404);
  });
});

describe("shipped templates", () => {
  it("lists the templates and gives each questionnaire, valid, with plain-language wordings for the public", async () => {
    const tenant = await createTenant(t);
    const list = await t.request(tenant.member, { method: "GET", url: "/api/survey-templates" });
    expect(list.statusCode).toBe(200);
    const keys = list.json().items.map((x: { key: string }) => x.key);
    expect(keys).toEqual(expect.arrayContaining(["perception-habitants", "ressources-partenaires"]));
    for (const key of keys) {
      const res = await t.request(tenant.member, { method: "GET", url: `/api/survey-templates/${key}` });
      const template = res.json() as SurveyTemplate;
      expect(surveyDefinition.safeParse(template.definition).success).toBe(true);
      const questions = template.definition.sections.flatMap((s) => s.questions);
      expect(questions.length).toBe(template.questionCount);
      expect(questions.some((q) => q.condition)).toBe(true);
      if (template.audience === "public") expect(questions.every((q) => q.falcLabel)).toBe(true);
    }
    const residents = (
      await t.request(tenant.member, {
        method: "GET",
        url: "/api/survey-templates/perception-habitants",
      })
    ).json() as SurveyTemplate;
    const types = new Set(residents.definition.sections.flatMap((s) => s.questions.map((q) => q.type)));
    for (const type of [
      "commune",
      "scale",
      "matrix",
      "ranking",
      "rating",
      "yes_no",
      "multiple_choice",
      "long_text",
    ])
      expect(types).toContain(type);
    const unknown = await t.request(tenant.member, { method: "GET", url: "/api/survey-templates/inconnu" });
    expect(unknown.statusCode).toBe(404);
    expect((await t.request(undefined, { method: "GET", url: "/api/survey-templates" })).statusCode).toBe(
      401,
    );
  });
});
