import { describe, expect, it } from "vitest";
import type { ClsmDetail } from "../../src/contracts/workspaces";
import { setupApp } from "../support/app";
import { type DirectoryIds, dir, directoryIds, type RecordsScope } from "../support/directory";
import { createTenant, expectErrorBody, MARSEILLE, type Tenant } from "../support/factories";
import { listRoutes, type RouteInfo } from "../support/routes";

// A coordinator of CLSM A must not learn anything about CLSM B: every route that takes a :clsmId answers
// 404 (as for an id that does not exist), never 403, and changes nothing.

const t = await setupApp();

/** A valid body for each write route taking a :clsmId. A new route must be added here, or the test fails. */
const validBodies: Record<string, unknown> = {
  "PUT /api/clsms/:clsmId/directory/imports/:importId/mapping": { mapping: ["lastName", "firstName"] },
  "PUT /api/clsms/:clsmId/directory/imports/:importId/decisions": {
    decisions: [{ index: 0, decision: "skip" }],
  },
  "PATCH /api/clsms/:clsmId/directory/settings": { contactsVisibleToMembers: false },
  "POST /api/clsms/:clsmId/directory/colleges": { name: "Collège de l'intrus", pillar: "aidants" },
  "PUT /api/clsms/:clsmId/directory/colleges/order": (d: DirectoryIds) => ({
    ids: [...d.collegeIds].reverse(),
  }),
  "PATCH /api/clsms/:clsmId/directory/colleges/:collegeId": { name: "Renommé par un intrus" },
  "POST /api/clsms/:clsmId/directory/structures": { name: "Structure de l'intrus", type: "autre" },
  "PATCH /api/clsms/:clsmId/directory/structures/:structureId": { name: "Renommée par un intrus" },
  "POST /api/clsms/:clsmId/directory/structures/:structureId/merge": (d: DirectoryIds) => ({
    otherId: d.otherStructureId,
  }),
  "POST /api/clsms/:clsmId/directory/people": { firstName: "Intrus", lastName: "Intrus" },
  "PATCH /api/clsms/:clsmId/directory/people/:personId": { lastName: "Renommée par un intrus" },
  "POST /api/clsms/:clsmId/directory/people/:personId/roles": { function: "Intrus" },
  "PATCH /api/clsms/:clsmId/directory/people/:personId/roles/:roleId": { function: "Intrus" },
  "POST /api/clsms/:clsmId/directory/people/:personId/merge": (d: DirectoryIds) => ({
    otherId: d.otherPersonId,
  }),
  "POST /api/clsms/:clsmId/instances": { kind: "copil", name: "COPIL de l'intrus" },
  "PATCH /api/clsms/:clsmId/instances/:instanceId": { name: "Renommée par un intrus" },
  "POST /api/clsms/:clsmId/instances/:instanceId/members": (d: DirectoryIds) => ({
    personIds: [d.otherPersonId],
  }),
  "PATCH /api/clsms/:clsmId/instances/:instanceId/members/:membershipId": { role: "invite" },
  "POST /api/clsms/:clsmId/meetings": { title: "Réunion de l'intrus", date: "2027-01-12", time: "14:00" },
  "PATCH /api/clsms/:clsmId/meetings/:meetingId": { title: "Renommée par un intrus" },
  "POST /api/clsms/:clsmId/meetings/:meetingId/cancel": { notify: false },
  "POST /api/clsms/:clsmId/meetings/:meetingId/duplicate": { date: "2027-03-09" },
  "POST /api/clsms/:clsmId/meetings/:meetingId/invitees": (d: DirectoryIds) => ({
    guests: [{ personId: d.otherPersonId }],
  }),
  "PATCH /api/clsms/:clsmId/meetings/:meetingId/invitees/:inviteeId": { attendance: "absent" },
  "PUT /api/clsms/:clsmId/meetings/:meetingId/attendance": (d: DirectoryIds) => ({
    entries: [{ inviteeId: d.inviteeId, attendance: "excuse" }],
  }),
  "POST /api/clsms/:clsmId/meetings/:meetingId/agenda": { title: "Point de l'intrus" },
  "PUT /api/clsms/:clsmId/meetings/:meetingId/agenda/order": (d: DirectoryIds) => ({ ids: [d.itemId] }),
  "PATCH /api/clsms/:clsmId/meetings/:meetingId/agenda/:itemId": { title: "Modifié par un intrus" },
  "POST /api/clsms/:clsmId/meetings/:meetingId/agenda/:itemId/postpone": {},
  "PUT /api/clsms/:clsmId/meetings/:meetingId/minutes": {
    doc: {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Écrit par un intrus" }] }],
    },
  },
  "POST /api/clsms/:clsmId/meetings/:meetingId/decisions": { text: "Décision de l'intrus" },
  "PATCH /api/clsms/:clsmId/meetings/:meetingId/decisions/:decisionId": { text: "Modifiée par un intrus" },
  "POST /api/clsms/:clsmId/meetings/:meetingId/follow-ups": (d: DirectoryIds) => ({
    description: "Action de l'intrus",
    assigneePersonId: d.otherPersonId,
  }),
  "PATCH /api/clsms/:clsmId/follow-ups/:followUpId": { status: "done" },
  "POST /api/clsms/:clsmId/meetings/:meetingId/convocations": {
    scope: "all",
    message: "Message de l'intrus",
  },
  "POST /api/clsms/:clsmId/surveys": { title: "Enquête de l'intrus", audience: "public" },
  "PATCH /api/clsms/:clsmId/surveys/:surveyId": { title: "Renommée par un intrus", publicLink: true },
  // The tenant's survey has answers: its questions q1–q3 stay (reworded, which answers allow).
  "PUT /api/clsms/:clsmId/surveys/:surveyId/definition": {
    sections: [
      {
        id: "s1",
        title: "Reformulée par un intrus",
        questions: [
          { id: "q1", type: "yes_no", label: "Intrus ?" },
          {
            id: "q2",
            type: "single_choice",
            label: "Depuis quand ?",
            condition: { questionId: "q1", operator: "equals", value: "yes" },
            choices: [
              { id: "c1", label: "Peu" },
              { id: "c2", label: "Longtemps" },
            ],
          },
          { id: "q3", type: "long_text", label: "Un mot ?" },
        ],
      },
    ],
  },

  // Diagnostic: invitations to answer a survey.
  "POST /api/clsms/:clsmId/surveys/:surveyId/invitations": (d: DirectoryIds) => ({
    personIds: [d.otherPersonId],
  }),
  "POST /api/clsms/:clsmId/surveys/:surveyId/invitations/send": { message: "Message de l'intrus" },
  "POST /api/clsms/:clsmId/surveys/:surveyId/invitations/remind": {},
  // Diagnostic: survey results (the free text of support/diagnostic.ts's answer, question q3).
  "POST /api/clsms/:clsmId/surveys/:surveyId/responses/:responseId/tags": { questionId: "q3", tag: "Intrus" },
  "DELETE /api/clsms/:clsmId/surveys/:surveyId/responses/:responseId/tags": {
    questionId: "q3",
    tag: "Intrus",
  },
  "PUT /api/clsms/:clsmId/surveys/:surveyId/results/publication": { published: true },
  "PATCH /api/clsms/:clsmId": { name: "Renommé par un intrus", status: "sommeil" },
  "PUT /api/clsms/:clsmId/territory": { communeCodes: [MARSEILLE] },
  "POST /api/clsms/:clsmId/members": { email: "intrus@exemple.test", role: "coordinator" },
  "PATCH /api/clsms/:clsmId/members/:userId": { role: "coordinator", isChair: true },
  // Diagnostic: priority consultations.
  "POST /api/clsms/:clsmId/diagnostic/priorities": { title: "Consultation de l'intrus", method: "ranking" },
  "PATCH /api/clsms/:clsmId/diagnostic/priorities/:consultationId": { title: "Renommée par un intrus" },
  "POST /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates": {
    title: "Proposition de l'intrus",
  },
  "PUT /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates/order": (d: DirectoryIds) => ({
    ids: [
      d.diagnostic.otherCandidateId ?? crypto.randomUUID(),
      d.diagnostic.candidateId ?? crypto.randomUUID(),
    ],
  }),
  "PATCH /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates/:candidateId": {
    title: "Modifiée par un intrus",
  },
  "POST /api/clsms/:clsmId/diagnostic/priorities/:consultationId/open": {},
  "PUT /api/clsms/:clsmId/diagnostic/priorities/:consultationId/ballot": (d: DirectoryIds) => ({
    dots: { [d.diagnostic.candidateId ?? crypto.randomUUID()]: 1 },
  }),
  // Diagnostic: the avis.
  "POST /api/clsms/:clsmId/diagnostic/opinions": { subject: "ptsm", title: "Avis de l'intrus" },
  "PATCH /api/clsms/:clsmId/diagnostic/opinions/:opinionId": { body: "Réécrit par un intrus" },
  "POST /api/clsms/:clsmId/diagnostic/opinions/:opinionId/adopt": (d: DirectoryIds) => ({
    meetingId: d.diagnostic.heldMeetingId ?? crypto.randomUUID(),
  }),
  "POST /api/clsms/:clsmId/diagnostic/opinions/:opinionId/send": { sentTo: "L'intrus" },
  "PUT /api/clsms/:clsmId/diagnostic/page": (d: DirectoryIds) => ({
    introduction: "Écrit par un intrus",
    conclusion: "",
    surveyIds: [d.diagnostic.surveyId ?? crypto.randomUUID()],
  }),
  // Diagnostic: needs, resources, links and figures.
  "POST /api/clsms/:clsmId/diagnostic/needs": { title: "Besoin de l'intrus", objectives: ["prevention"] },
  "PATCH /api/clsms/:clsmId/diagnostic/needs/:needId": { title: "Renommé par un intrus" },
  "POST /api/clsms/:clsmId/diagnostic/needs/:needId/links": (d: DirectoryIds) => ({ meetingId: d.meetingId }),
  "POST /api/clsms/:clsmId/diagnostic/resources": (d: DirectoryIds) => ({
    title: "Ressource de l'intrus",
    kind: "structure",
    structureId: d.structureId,
  }),
  "PATCH /api/clsms/:clsmId/diagnostic/resources/:resourceId": { title: "Renommée par un intrus" },
  "POST /api/clsms/:clsmId/diagnostic/resources/:resourceId/links": (d: DirectoryIds) => ({
    meetingId: d.meetingId,
  }),
  "POST /api/clsms/:clsmId/diagnostic/figures": {
    label: "Chiffre de l'intrus",
    value: 1,
    year: 2024,
    source: "Intrus",
    level: "territoire",
  },
  "PATCH /api/clsms/:clsmId/diagnostic/figures/:figureId": { value: 2 },
};

/** Routes whose valid request on one's own CLSM ends in a business refusal rather than a 2xx. */
const ownTenantStatus: Record<string, number> = {
  // The member has already activated their account: the route is reached, the rule answers 409.
  "POST /api/clsms/:clsmId/members/:userId/invitation": 409,
  // Directory imports: no file sent (400), or an import id unknown in this CLSM (404, "Import introuvable.").
  "POST /api/clsms/:clsmId/directory/imports": 400,
  "GET /api/clsms/:clsmId/directory/imports/:importId": 404,
  "PUT /api/clsms/:clsmId/directory/imports/:importId/mapping": 404,
  "GET /api/clsms/:clsmId/directory/imports/:importId/preview": 404,
  "PUT /api/clsms/:clsmId/directory/imports/:importId/decisions": 404,
  "POST /api/clsms/:clsmId/directory/imports/:importId/commit": 404,
  "POST /api/clsms/:clsmId/directory/imports/:importId/undo": 404,
  // Meeting documents: like the import, the raw-body upload without a file is refused (400, empty file).
  "POST /api/clsms/:clsmId/meetings/:meetingId/documents": 400,
  // The tenant's survey (support/diagnostic.ts) is published: publishing it again or reopening it is refused.
  "POST /api/clsms/:clsmId/surveys/:surveyId/publish": 409,
  "POST /api/clsms/:clsmId/surveys/:surveyId/reopen": 409,
  // It has answers (support/diagnostic.ts): it cannot be deleted, only closed.
  "DELETE /api/clsms/:clsmId/surveys/:surveyId": 409,
  // Priorities: the tenant's consultation is in preparation, so closing, voting and choosing wait (409).
  "POST /api/clsms/:clsmId/diagnostic/priorities/:consultationId/close": 409,
  "PUT /api/clsms/:clsmId/diagnostic/priorities/:consultationId/ballot": 409,
  "POST /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates/:candidateId/choose": 409,
  "POST /api/clsms/:clsmId/diagnostic/priorities/:consultationId/candidates/:candidateId/unchoose": 409,
  // The avis: the tenant's is a draft, so sending it or reopening it is refused (409).
  "POST /api/clsms/:clsmId/diagnostic/opinions/:opinionId/send": 409,
  "POST /api/clsms/:clsmId/diagnostic/opinions/:opinionId/reopen": 409,
};

/** A document attached to a tenant's meeting, so the document routes are reached with an id that exists. */
const documentOf = new Map<string, string>();
async function attachDocument(tenant: Tenant, d: DirectoryIds) {
  const res = await t.request(tenant.coordinator, {
    method: "POST",
    url: `/api/clsms/${tenant.clsm.id}/meetings/${d.meetingId}/documents`,
    query: { fileName: "ordre-du-jour.txt" },
    payload: Buffer.from("Ordre du jour"),
    headers: { "content-type": "application/octet-stream" },
  });
  expect(res.statusCode, res.body).toBe(201);
  documentOf.set(d.meetingId, res.json().id);
}

const tenantRoutes = () => listRoutes(t.app).filter((r) => r.url.includes(":clsmId"));

function requestFor(route: RouteInfo, clsmId: string, userId: string, d?: DirectoryIds) {
  const key = `${route.method} ${route.url}`;
  const hasBody = route.hasBody;
  if (hasBody && !(key in validBodies)) throw new Error(`no valid body for ${key}: add one to validBodies`);
  const body = validBodies[key];
  const ids = d ?? {
    collegeId: crypto.randomUUID(),
    collegeIds: [crypto.randomUUID()],
    structureId: crypto.randomUUID(),
    otherStructureId: crypto.randomUUID(),
    personId: crypto.randomUUID(),
    otherPersonId: crypto.randomUUID(),
    roleId: crypto.randomUUID(),
    instanceId: crypto.randomUUID(),
    membershipId: crypto.randomUUID(),
    meetingId: crypto.randomUUID(),
    inviteeId: crypto.randomUUID(),
    itemId: crypto.randomUUID(),
    decisionId: crypto.randomUUID(),
    followUpId: crypto.randomUUID(),
    diagnostic: {} as Record<string, string>,
  };
  return {
    method: route.method as "GET",
    url: route.url
      .replace(":clsmId", clsmId)
      .replace(":userId", userId)
      .replace(":collegeId", ids.collegeId)
      .replace(":structureId", ids.structureId)
      .replace(":personId", ids.personId)
      .replace(":roleId", ids.roleId)
      .replace(":instanceId", ids.instanceId)
      .replace(":membershipId", ids.membershipId)
      .replace(":meetingId", ids.meetingId)
      .replace(":inviteeId", ids.inviteeId)
      .replace(":itemId", ids.itemId)
      .replace(":decisionId", ids.decisionId)
      .replace(":followUpId", ids.followUpId)
      .replace(":documentId", documentOf.get(ids.meetingId) ?? crypto.randomUUID())
      .replace(":importId", crypto.randomUUID())
      // Any other id (the diagnostic's surveys, needs…): the tenant's record, or an unknown id.
      .replace(/:(\w+)/g, (_, name: string) => ids.diagnostic[name] ?? crypto.randomUUID()),
    ...(hasBody ? { payload: (typeof body === "function" ? body(ids) : body) as object } : {}),
  };
}

async function snapshot(tenant: Tenant) {
  const [clsm, members, people, structures, colleges, settings, instances, meetings] = await Promise.all([
    t.request(tenant.admin, { method: "GET", url: `/api/clsms/${tenant.clsm.id}` }),
    t.request(tenant.admin, { method: "GET", url: `/api/clsms/${tenant.clsm.id}/members` }),
    t.request(tenant.admin, { method: "GET", url: dir(tenant.clsm.id, "/people") }),
    t.request(tenant.admin, { method: "GET", url: dir(tenant.clsm.id, "/structures") }),
    t.request(tenant.admin, { method: "GET", url: dir(tenant.clsm.id, "/colleges") }),
    t.request(tenant.admin, { method: "GET", url: dir(tenant.clsm.id, "/settings") }),
    t.request(tenant.admin, { method: "GET", url: `/api/clsms/${tenant.clsm.id}/instances` }),
    t.request(tenant.admin, { method: "GET", url: `/api/clsms/${tenant.clsm.id}/meetings` }),
  ]);
  return {
    clsm: clsm.json() as ClsmDetail,
    members: members.json(),
    directory: [people.json(), structures.json(), colleges.json(), settings.json()],
    instances: instances.json(),
    meetings: meetings.json(),
  };
}

/** The records a route of the CLSM can reach, by its domain (a write gets fresh ones of that domain only). */
function recordsScope(url: string): RecordsScope | undefined {
  if (/\/(surveys|diagnostic)\b/.test(url)) return "diagnostic";
  if (/\/(meetings|follow-ups)\b/.test(url)) return "meetings";
  if (/\/(directory|instances)\b/.test(url)) return "directory";
  return undefined;
}

describe("tenant isolation between CLSMs", () => {
  it("finds the routes to check in the app (GET, PATCH, PUT, POST, DELETE)", () => {
    const routes = tenantRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    expect(new Set(routes.map((r) => r.method))).toEqual(new Set(["GET", "PATCH", "PUT", "POST", "DELETE"]));
  });

  it("answers 404 to A's coordinator on every route of B, exactly as for an unknown id, and changes nothing", async () => {
    const a = await createTenant(t, { name: "CLSM A" });
    const b = await createTenant(t, { name: "CLSM B" });
    const bIds = await directoryIds(t, b);
    await attachDocument(b, bIds);
    const before = await snapshot(b);
    for (const route of tenantRoutes()) {
      for (const userId of [b.member.id, b.coordinator.id]) {
        const res = await t.request(a.coordinator, requestFor(route, b.clsm.id, userId, bIds));
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
        const unknown = await t.request(a.coordinator, requestFor(route, crypto.randomUUID(), userId));
        expect(res.json(), `${route.method} ${route.url}`).toEqual(unknown.json());
        expectErrorBody(res.body, "NOT_FOUND");
      }
    }
    expect(await snapshot(b)).toEqual(before);
    const documents = await t.request(b.coordinator, {
      method: "GET",
      url: `/api/clsms/${b.clsm.id}/meetings/${bIds.meetingId}/documents`,
    });
    expect(documents.json().items).toHaveLength(1);
  }, 180_000);

  it("answers the same to A's plain member", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const bIds = await directoryIds(t, b);
    for (const route of tenantRoutes()) {
      const res = await t.request(a.member, requestFor(route, b.clsm.id, b.member.id, bIds));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
    }
  });

  it("the same requests succeed for B's own coordinator (the bodies above are valid)", async () => {
    const b = await createTenant(t);
    const ordered = tenantRoutes().sort(
      (x, y) => Number(x.method === "DELETE") - Number(y.method === "DELETE"),
    );
    // Reading changes nothing: every GET shares one set of records. A write gets fresh ones, so deleting, merging,
    // closing or adopting one cannot break the next route.
    const shared = await directoryIds(t, b);
    await attachDocument(b, shared);
    for (const route of ordered) {
      const scope = recordsScope(route.url);
      const ids = !scope ? undefined : route.method === "GET" ? shared : await directoryIds(t, b, scope);
      if (ids && ids !== shared && route.url.includes(":documentId")) await attachDocument(b, ids);
      const res = await t.request(b.coordinator, requestFor(route, b.clsm.id, b.member.id, ids));
      const expected = ownTenantStatus[`${route.method} ${route.url}`];
      if (expected) expect(res.statusCode, `${route.method} ${route.url}: ${res.body}`).toBe(expected);
      else expect(res.statusCode, `${route.method} ${route.url}: ${res.body}`).toBeLessThan(300);
    }
    // Fresh records for each of the many writes (only those of the route's domain): a minute on a busy machine.
  }, 600_000);

  it("does not let A reach B's members through A's own CLSM", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const patch = await t.request(a.coordinator, {
      method: "PATCH",
      url: `/api/clsms/${a.clsm.id}/members/${b.member.id}`,
      payload: { role: "coordinator" },
    });
    expect(patch.statusCode).toBe(404);
    const remove = await t.request(a.coordinator, {
      method: "DELETE",
      url: `/api/clsms/${a.clsm.id}/members/${b.coordinator.id}`,
    });
    expect(remove.statusCode).toBe(404);
    const bMembers = await t.request(b.admin, { method: "GET", url: `/api/clsms/${b.clsm.id}/members` });
    expect(bMembers.json().total).toBe(2);
  });

  it("never lists B to A's coordinator, even when searching for its name", async () => {
    const a = await createTenant(t, { name: "CLSM Armor" });
    const b = await createTenant(t, { name: "CLSM Bocage" });
    const all = await t.request(a.coordinator, { method: "GET", url: "/api/clsms" });
    expect(all.json()).toMatchObject({ total: 1, items: [{ id: a.clsm.id }] });
    const searched = await t.request(a.coordinator, {
      method: "GET",
      url: "/api/clsms",
      query: { q: "Bocage" },
    });
    expect(searched.json()).toEqual({ items: [], total: 0 });
    const me = (await t.request(a.coordinator, { method: "GET", url: "/api/me" })).json();
    expect(me.memberships.map((m: { clsmId: string }) => m.clsmId)).toEqual([a.clsm.id]);
    expect(JSON.stringify([all.json(), me])).not.toContain(b.clsm.id);
  });
});
