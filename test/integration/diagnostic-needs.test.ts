import { describe, expect, it } from "vitest";
import type {
  Link,
  NeedDetail,
  NeedItem,
  NeedsSummary,
  ResourceDetail,
  ResourceItem,
} from "../../src/contracts/diagnostic-needs";
import { type Person, setupApp } from "../support/app";
import { publishedSurvey } from "../support/diagnostic";
import { createStructure, dir } from "../support/directory";
import { createTenant, expectErrorBody, type Tenant } from "../support/factories";
import { createInstance } from "../support/governance";
import { createMeeting } from "../support/meetings";

const t = await setupApp();

const url = (clsmId: string, path: string) => `/api/clsms/${clsmId}/diagnostic${path}`;

async function post<T>(by: Person, clsmId: string, path: string, payload: object, status = 201) {
  const res = await t.request(by, { method: "POST", url: url(clsmId, path), payload });
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

async function get<T>(by: Person, clsmId: string, path: string, query: Record<string, string> = {}) {
  const res = await t.request(by, { method: "GET", url: url(clsmId, path), query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

const createNeed = (tenant: Tenant, payload: object) =>
  post<NeedDetail>(tenant.coordinator, tenant.clsm.id, "/needs", payload);
const createResource = (tenant: Tenant, payload: object) =>
  post<ResourceDetail>(tenant.coordinator, tenant.clsm.id, "/resources", payload);

describe("needs", () => {
  it("records a need with its objectives (deduplicated, in the framework's order), edits, lists and deletes it", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator } = tenant;
    const need = await createNeed(tenant, {
      title: "Délais d'attente en CMP",
      description: "Plus de quatre mois pour un premier rendez-vous adulte.",
      theme: "Accès aux soins",
      audience: "Adultes",
      territoryPart: "Saint-Brieuc",
      source: "Groupe de travail parcours",
      evidence: "Relevé des CMP, 2025.",
      objectives: ["parcours", "prevention", "parcours"],
    });
    expect(need).toMatchObject({
      title: "Délais d'attente en CMP",
      theme: "Accès aux soins",
      objectives: ["prevention", "parcours"],
      links: [],
      linkCount: 0,
      can: { manage: true },
    });

    const patched = await t.request(coordinator, {
      method: "PATCH",
      url: url(clsm.id, `/needs/${need.id}`),
      payload: { theme: "", objectives: ["isolement"], title: "Délais d'attente en CMP adulte" },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      title: "Délais d'attente en CMP adulte",
      theme: null,
      audience: "Adultes",
      objectives: ["isolement"],
    });
    // A PATCH without objectives keeps them.
    const kept = await t.request(coordinator, {
      method: "PATCH",
      url: url(clsm.id, `/needs/${need.id}`),
      payload: { audience: "Jeunes adultes" },
    });
    expect(kept.json().objectives).toEqual(["isolement"]);

    const removed = await t.request(coordinator, {
      method: "DELETE",
      url: url(clsm.id, `/needs/${need.id}`),
    });
    expect(removed.statusCode).toBe(204);
    const gone = await t.request(coordinator, { method: "GET", url: url(clsm.id, `/needs/${need.id}`) });
    expect(gone.statusCode).toBe(404);
    expectErrorBody(gone.body, "NOT_FOUND");
  });

  it("filters by objective, theme and words (accents ignored), sorts by title or creation, and pages", async () => {
    const tenant = await createTenant(t);
    const { clsm, member } = tenant;
    await createNeed(tenant, {
      title: "Isolement des personnes âgées",
      theme: "Lien social",
      objectives: ["isolement"],
    });
    await createNeed(tenant, {
      title: "Accès au logement",
      description: "Expulsions répétées de locataires en souffrance psychique.",
      theme: "Logement",
      objectives: ["determinants", "inclusion"],
    });
    await createNeed(tenant, { title: "Repérage précoce chez les jeunes", objectives: ["prevention"] });

    const all = await get<{ items: NeedItem[]; total: number; themes: string[] }>(member, clsm.id, "/needs");
    expect(all.total).toBe(3);
    expect(all.items.map((n) => n.title)).toEqual([
      "Repérage précoce chez les jeunes",
      "Accès au logement",
      "Isolement des personnes âgées",
    ]);
    expect(all.themes).toEqual(["Lien social", "Logement"]);

    const byTitle = await get<{ items: NeedItem[] }>(member, clsm.id, "/needs", { sort: "title" });
    expect(byTitle.items.map((n) => n.title)).toEqual([
      "Accès au logement",
      "Isolement des personnes âgées",
      "Repérage précoce chez les jeunes",
    ]);
    const inclusion = await get<{ items: NeedItem[]; total: number }>(member, clsm.id, "/needs", {
      objective: "inclusion",
    });
    expect(inclusion.items.map((n) => n.title)).toEqual(["Accès au logement"]);
    const theme = await get<{ total: number }>(member, clsm.id, "/needs", { theme: "logement" });
    expect(theme.total).toBe(1);
    // "psychique" is in the description; "REPERAGE" without its accent matches "Repérage".
    expect((await get<{ total: number }>(member, clsm.id, "/needs", { q: "PSYCHIQUE" })).total).toBe(1);
    expect((await get<{ total: number }>(member, clsm.id, "/needs", { q: "reperage" })).total).toBe(1);
    expect((await get<{ total: number }>(member, clsm.id, "/needs", { q: "100%_" })).total).toBe(0);

    const page = await get<{ items: NeedItem[]; total: number }>(member, clsm.id, "/needs", {
      sort: "title",
      limit: "2",
      offset: "2",
    });
    expect(page.total).toBe(3);
    expect(page.items.map((n) => n.title)).toEqual(["Repérage précoce chez les jeunes"]);
  });

  it("refuses bad input with French messages naming the field", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator } = tenant;
    for (const [payload, field] of [
      [{ title: "Besoin", objectives: ["logement"] }, "objectives.0"],
      [{ title: "   " }, "title"],
      [{ title: "x".repeat(201) }, "title"],
      [{ title: "Besoin", theme: "a\u0000b" }, "theme"],
      [{ title: "Besoin", objectives: "parcours" }, "objectives"],
    ] as const) {
      const res = await t.request(coordinator, { method: "POST", url: url(clsm.id, "/needs"), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const error = expectErrorBody(res.body) as { fields?: Record<string, string> };
      expect(Object.keys(error.fields ?? {}), JSON.stringify(payload)).toContain(field);
    }
    const unknownObjective = await t.request(coordinator, {
      method: "GET",
      url: url(clsm.id, "/needs"),
      query: { objective: "logement" },
    });
    expect(unknownObjective.statusCode).toBe(400);
    expect((await get<{ total: number }>(coordinator, clsm.id, "/needs")).total).toBe(0);
  });

  it("lets members read and nothing else (403), with can.manage false", async () => {
    const tenant = await createTenant(t);
    const { clsm, member } = tenant;
    const need = await createNeed(tenant, { title: "Besoin", objectives: ["parcours"] });
    const resource = await createResource(tenant, { title: "Ressource", kind: "action" });
    const read = await get<NeedDetail>(member, clsm.id, `/needs/${need.id}`);
    expect(read.can).toEqual({ manage: false });
    expect((await get<{ can: object }>(member, clsm.id, "/resources")).can).toEqual({ manage: false });
    expect((await get<NeedsSummary>(member, clsm.id, "/needs/summary")).total).toEqual({
      needs: 1,
      resources: 1,
    });

    const link = await post<Link>(tenant.coordinator, clsm.id, `/needs/${need.id}/links`, {
      meetingId: (
        await createMeeting(t, tenant.coordinator, clsm.id, {
          title: "COPIL",
          date: "2026-03-10",
          time: "14:00",
        })
      ).id,
    });
    for (const [method, path, payload] of [
      ["POST", "/needs", { title: "Besoin d'un membre" }],
      ["PATCH", `/needs/${need.id}`, { title: "Renommé" }],
      ["DELETE", `/needs/${need.id}`, undefined],
      ["POST", "/resources", { title: "Ressource", kind: "action" }],
      ["PATCH", `/resources/${resource.id}`, { title: "Renommée" }],
      ["DELETE", `/resources/${resource.id}`, undefined],
      ["POST", `/needs/${need.id}/links`, { meetingId: link.meeting?.id }],
      ["DELETE", `/links/${link.id}`, undefined],
    ] as const) {
      const res = await t.request(member, {
        method,
        url: url(clsm.id, path),
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expectErrorBody(res.body, "FORBIDDEN");
    }
    expect((await get<NeedDetail>(member, clsm.id, `/needs/${need.id}`)).title).toBe("Besoin");
  });
});

describe("resources", () => {
  it("points at a structure of the CLSM's directory, shows its name, and refuses another CLSM's", async () => {
    const tenant = await createTenant(t);
    const other = await createTenant(t);
    const { clsm, coordinator } = tenant;
    const cmp = await createStructure(t, coordinator, clsm.id, {
      name: "CMP adulte",
      type: "etablissement_sante",
    });
    const gem = await createStructure(t, coordinator, clsm.id, { name: "GEM L'Escale", type: "association" });
    const elsewhere = await createStructure(t, other.coordinator, other.clsm.id, { name: "CMP d'ailleurs" });

    const resource = await createResource(tenant, {
      title: "Consultations sans rendez-vous",
      kind: "service",
      structureId: cmp.id,
      objectives: ["parcours"],
    });
    expect(resource.structure).toEqual({ id: cmp.id, name: "CMP adulte" });
    await createResource(tenant, { title: "Groupe de parole", kind: "action", structureId: gem.id });
    await createResource(tenant, { title: "Annuaire des aides", kind: "autre" });

    for (const structureId of [elsewhere.id, crypto.randomUUID()]) {
      const res = await t.request(coordinator, {
        method: "POST",
        url: url(clsm.id, "/resources"),
        payload: { title: "Ressource", kind: "structure", structureId },
      });
      expect(res.statusCode).toBe(400);
      expect(expectErrorBody(res.body)).toMatchObject({ fields: { structureId: expect.any(String) } });
      const patch = await t.request(coordinator, {
        method: "PATCH",
        url: url(clsm.id, `/resources/${resource.id}`),
        payload: { structureId },
      });
      expect(patch.statusCode).toBe(400);
    }
    const badKind = await t.request(coordinator, {
      method: "POST",
      url: url(clsm.id, "/resources"),
      payload: { title: "Ressource", kind: "lieu" },
    });
    expect(badKind.statusCode).toBe(400);

    const list = await get<{ items: ResourceItem[]; total: number }>(tenant.member, clsm.id, "/resources", {
      sort: "title",
    });
    expect(list.total).toBe(3);
    expect(list.items.map((r) => [r.title, r.structure?.name ?? null])).toEqual([
      ["Annuaire des aides", null],
      ["Consultations sans rendez-vous", "CMP adulte"],
      ["Groupe de parole", "GEM L'Escale"],
    ]);
    const actions = await get<{ items: ResourceItem[] }>(tenant.member, clsm.id, "/resources", {
      kind: "action",
    });
    expect(actions.items.map((r) => r.title)).toEqual(["Groupe de parole"]);

    // Clearing the structure, then deleting one from the directory: the resource stays, without structure.
    const cleared = await t.request(coordinator, {
      method: "PATCH",
      url: url(clsm.id, `/resources/${resource.id}`),
      payload: { structureId: null },
    });
    expect(cleared.json().structure).toBeNull();
    const deleted = await t.request(coordinator, {
      method: "DELETE",
      url: dir(clsm.id, `/structures/${gem.id}`),
    });
    expect(deleted.statusCode).toBe(204);
    const after = await get<{ items: ResourceItem[] }>(coordinator, clsm.id, "/resources", {
      kind: "action",
    });
    expect(after.items[0]?.structure).toBeNull();
  });
});

describe("links", () => {
  it("links to a survey, one of its questions, or a meeting, described with titles and dates; once each", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator } = tenant;
    const surveyId = await publishedSurvey(t, tenant, "Enquête habitants 2026");
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "Groupe logement",
      date: "2026-02-03",
      time: "09:30",
    });
    const need = await createNeed(tenant, { title: "Logement", objectives: ["determinants"] });

    const whole = await post<Link>(coordinator, clsm.id, `/needs/${need.id}/links`, { surveyId });
    expect(whole).toMatchObject({
      survey: { id: surveyId, title: "Enquête habitants 2026" },
      question: null,
    });
    const question = await post<Link>(coordinator, clsm.id, `/needs/${need.id}/links`, {
      surveyId,
      questionId: "q2",
    });
    expect(question.question).toEqual({ id: "q2", label: "Depuis combien de temps ?" });
    const atMeeting = await post<Link>(coordinator, clsm.id, `/needs/${need.id}/links`, {
      meetingId: meeting.id,
    });
    expect(atMeeting.meeting).toEqual({
      id: meeting.id,
      title: "Groupe logement",
      startsAt: "2026-02-03T08:30:00.000Z",
    });
    const again = await post<Link>(coordinator, clsm.id, `/needs/${need.id}/links`, {
      meetingId: meeting.id,
    });
    expect(again.id).toBe(atMeeting.id);

    const detail = await get<NeedDetail>(tenant.member, clsm.id, `/needs/${need.id}`);
    expect(detail.links.map((l) => l.id)).toEqual([whole.id, question.id, atMeeting.id]);
    expect(detail.linkCount).toBe(3);
    const listed = await get<{ items: NeedItem[] }>(tenant.member, clsm.id, "/needs");
    expect(listed.items[0]?.linkCount).toBe(3);

    // The same for a resource.
    const resource = await createResource(tenant, { title: "Permanence", kind: "action" });
    await post<Link>(coordinator, clsm.id, `/resources/${resource.id}/links`, { surveyId, questionId: "q1" });
    const resourceDetail = await get<ResourceDetail>(coordinator, clsm.id, `/resources/${resource.id}`);
    expect(resourceDetail.links.map((l) => l.question?.label)).toEqual(["Habitez-vous le territoire ?"]);

    // Removing a link, then the need: links go with it.
    const removed = await t.request(coordinator, {
      method: "DELETE",
      url: url(clsm.id, `/links/${whole.id}`),
    });
    expect(removed.statusCode).toBe(204);
    const twice = await t.request(coordinator, { method: "DELETE", url: url(clsm.id, `/links/${whole.id}`) });
    expect(twice.statusCode).toBe(404);
    expect((await get<NeedDetail>(coordinator, clsm.id, `/needs/${need.id}`)).linkCount).toBe(2);
  });

  it("refuses a question the survey does not have (400), another CLSM's survey or meeting (404), a body with both or neither", async () => {
    const tenant = await createTenant(t);
    const other = await createTenant(t);
    const { clsm, coordinator } = tenant;
    const surveyId = await publishedSurvey(t, tenant);
    const otherSurvey = await publishedSurvey(t, other);
    const otherMeeting = await createMeeting(t, other.coordinator, other.clsm.id, {
      title: "COPIL d'ailleurs",
      date: "2026-02-03",
      time: "09:30",
    });
    const need = await createNeed(tenant, { title: "Besoin" });
    const linksUrl = url(clsm.id, `/needs/${need.id}/links`);

    const noQuestion = await t.request(coordinator, {
      method: "POST",
      url: linksUrl,
      payload: { surveyId, questionId: "q99" },
    });
    expect(noQuestion.statusCode).toBe(400);
    expect(expectErrorBody(noQuestion.body)).toMatchObject({ fields: { questionId: expect.any(String) } });
    for (const payload of [
      { surveyId: otherSurvey },
      { meetingId: otherMeeting.id },
      { meetingId: crypto.randomUUID() },
    ]) {
      const res = await t.request(coordinator, { method: "POST", url: linksUrl, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(404);
      expectErrorBody(res.body, "NOT_FOUND");
    }
    for (const [payload, field] of [
      [{ surveyId, meetingId: otherMeeting.id }, "meetingId"],
      [{}, "surveyId"],
      [{ questionId: "q1" }, "questionId"],
    ] as const) {
      const res = await t.request(coordinator, { method: "POST", url: linksUrl, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys((expectErrorBody(res.body) as { fields?: object }).fields ?? {})).toContain(field);
    }
    // Another CLSM's link cannot be removed through this CLSM.
    const otherNeed = await createNeed(other, { title: "Ailleurs" });
    const otherLink = await post<Link>(other.coordinator, other.clsm.id, `/needs/${otherNeed.id}/links`, {
      surveyId: otherSurvey,
    });
    const crossDelete = await t.request(coordinator, {
      method: "DELETE",
      url: url(clsm.id, `/links/${otherLink.id}`),
    });
    expect(crossDelete.statusCode).toBe(404);
    expect(
      (await get<NeedDetail>(other.coordinator, other.clsm.id, `/needs/${otherNeed.id}`)).linkCount,
    ).toBe(1);
    expect((await get<NeedDetail>(coordinator, clsm.id, `/needs/${need.id}`)).links).toEqual([]);
  });

  it("hides a link to a confidential instance's meeting or to a draft survey from members, in details, lists and counts", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator, member } = tenant;
    const cellule = await createInstance(t, coordinator, clsm.id, {
      kind: "autre",
      name: "Cellule",
      confidential: true,
    });
    const secret = await createMeeting(t, coordinator, clsm.id, {
      title: "Cellule — situations",
      instanceId: cellule.id,
      date: "2026-01-20",
      time: "10:00",
    });
    const open = await createMeeting(t, coordinator, clsm.id, {
      title: "Plénière",
      date: "2026-01-27",
      time: "18:00",
    });
    const need = await createNeed(tenant, { title: "Situations complexes", objectives: ["parcours"] });
    const resource = await createResource(tenant, { title: "Cellule de réflexion", kind: "action" });
    await post<Link>(coordinator, clsm.id, `/needs/${need.id}/links`, { meetingId: secret.id });
    await post<Link>(coordinator, clsm.id, `/needs/${need.id}/links`, { meetingId: open.id });
    await post<Link>(coordinator, clsm.id, `/resources/${resource.id}/links`, { meetingId: secret.id });
    // A survey still in preparation exists for the coordination only.
    const draft = await t.request(coordinator, {
      method: "POST",
      url: `/api/clsms/${clsm.id}/surveys`,
      payload: { title: "Brouillon d'enquête", audience: "partners" },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    await post<Link>(coordinator, clsm.id, `/resources/${resource.id}/links`, { surveyId: draft.json().id });
    expect((await get<ResourceDetail>(coordinator, clsm.id, `/resources/${resource.id}`)).linkCount).toBe(2);

    const seenByCoordinator = await get<NeedDetail>(coordinator, clsm.id, `/needs/${need.id}`);
    expect(seenByCoordinator.links.map((l) => l.meeting?.title)).toEqual([
      "Cellule — situations",
      "Plénière",
    ]);
    const seenByMember = await get<NeedDetail>(member, clsm.id, `/needs/${need.id}`);
    expect(seenByMember.links.map((l) => l.meeting?.title)).toEqual(["Plénière"]);
    expect(seenByMember.linkCount).toBe(1);
    expect(JSON.stringify(seenByMember)).not.toContain(secret.id);
    const listed = await get<{ items: NeedItem[] }>(member, clsm.id, "/needs");
    expect(listed.items[0]?.linkCount).toBe(1);
    const resources = await get<{ items: ResourceItem[] }>(member, clsm.id, "/resources");
    expect(resources.items[0]?.linkCount).toBe(0);
    expect((await get<ResourceDetail>(member, clsm.id, `/resources/${resource.id}`)).links).toEqual([]);
  });
});

describe("summary per objective", () => {
  it("counts needs and resources per objective, and those without one", async () => {
    const tenant = await createTenant(t);
    await createNeed(tenant, { title: "A", objectives: ["parcours", "prevention"] });
    await createNeed(tenant, { title: "B", objectives: ["parcours"] });
    await createNeed(tenant, { title: "C" });
    await createResource(tenant, { title: "R1", kind: "service", objectives: ["parcours"] });
    await createResource(tenant, { title: "R2", kind: "action", objectives: ["isolement"] });
    const other = await createTenant(t);
    await createNeed(other, { title: "Ailleurs", objectives: ["prevention"] });

    const summary = await get<NeedsSummary>(tenant.member, tenant.clsm.id, "/needs/summary");
    expect(summary.objectives).toEqual([
      { objective: "isolement", needs: 0, resources: 1 },
      { objective: "determinants", needs: 0, resources: 0 },
      { objective: "prevention", needs: 1, resources: 0 },
      { objective: "inclusion", needs: 0, resources: 0 },
      { objective: "parcours", needs: 2, resources: 1 },
    ]);
    expect(summary.untagged).toEqual({ needs: 1, resources: 0 });
    expect(summary.total).toEqual({ needs: 3, resources: 2 });
  });
});

describe("for the diagnostic page", () => {
  it("gives every need and resource with links as the reader sees them", async () => {
    const tenant = await createTenant(t);
    const { clsm, coordinator } = tenant;
    const structure = await createStructure(t, coordinator, clsm.id, { name: "CCAS" });
    const cellule = await createInstance(t, coordinator, clsm.id, {
      kind: "autre",
      name: "Cellule",
      confidential: true,
    });
    const secret = await createMeeting(t, coordinator, clsm.id, {
      title: "Cellule",
      instanceId: cellule.id,
      date: "2026-01-20",
      time: "10:00",
    });
    const need = await createNeed(tenant, { title: "Besoin", objectives: ["parcours"] });
    await post(coordinator, clsm.id, `/needs/${need.id}/links`, { meetingId: secret.id });
    await createResource(tenant, { title: "Ressource", kind: "structure", structureId: structure.id });

    const { diagnosticNeeds } = t.services;
    const asMember = { clsmId: clsm.id, clsmName: clsm.name, manage: false };
    const needs = await diagnosticNeeds.allNeedsFor(t.services.db, asMember);
    expect(needs.map((n) => [n.title, n.links.length])).toEqual([["Besoin", 0]]);
    const asCoordinator = { ...asMember, manage: true };
    expect((await diagnosticNeeds.allNeedsFor(t.services.db, asCoordinator))[0]?.links).toHaveLength(1);
    const resources = await diagnosticNeeds.allResourcesFor(t.services.db, asMember);
    expect(resources[0]?.structure).toEqual({ id: structure.id, name: "CCAS" });
    expect((await diagnosticNeeds.summaryFor(t.services.db, clsm.id)).total).toEqual({
      needs: 1,
      resources: 1,
    });
  });
});
