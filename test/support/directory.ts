import { expect } from "vitest";
import type { PersonDetail, StructureDetail } from "../../src/contracts/directory";
import type { Person, TestApp } from "./app";
import { diagnosticIds } from "./diagnostic";
import type { Tenant } from "./factories";
import { addMembers, createInstance, getInstance } from "./governance";
import { addAgendaItem, createMeeting } from "./meetings";

// Directory factories: they go through the API, as the coordinator (or admin) given.

export const dir = (clsmId: string, path = "") => `/api/clsms/${clsmId}/directory${path}`;

export async function createStructure(
  t: TestApp,
  by: Person,
  clsmId: string,
  body: Record<string, unknown>,
): Promise<StructureDetail> {
  const res = await t.request(by, { method: "POST", url: dir(clsmId, "/structures"), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as StructureDetail;
}

export async function createPerson(
  t: TestApp,
  by: Person,
  clsmId: string,
  body: Record<string, unknown>,
): Promise<PersonDetail> {
  const res = await t.request(by, { method: "POST", url: dir(clsmId, "/people"), payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PersonDetail;
}

export async function collegeId(
  t: TestApp,
  by: Person,
  clsmId: string,
  pillar: string | null,
  name?: string,
) {
  const res = await t.request(by, { method: "GET", url: dir(clsmId, "/colleges") });
  expect(res.statusCode, res.body).toBe(200);
  const items = res.json().items as { id: string; name: string; pillar: string | null }[];
  const found = items.find((c) => c.pillar === pillar && (!name || c.name === name));
  if (!found) throw new Error(`no collège ${pillar} ${name ?? ""}`);
  return found.id;
}

export async function listPeople(t: TestApp, by: Person, clsmId: string, query: Record<string, string> = {}) {
  const res = await t.request(by, { method: "GET", url: dir(clsmId, "/people"), query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; lastName: string; email: string | null; phone: string | null }[];
    total: number;
    contactsVisible: boolean;
  };
}

/** Real directory records of a tenant, so the directory routes are reached with ids that exist. */
export interface DirectoryIds {
  collegeId: string;
  collegeIds: string[];
  structureId: string;
  otherStructureId: string;
  personId: string;
  otherPersonId: string;
  roleId: string;
  /** A COPIL whose member is `personId`, through `membershipId`. */
  instanceId: string;
  membershipId: string;
  /** A meeting of that COPIL (its member invited: `inviteeId`) with an agenda item, and a later one. */
  meetingId: string;
  inviteeId: string;
  itemId: string;
  /** A decision of that meeting, and a follow-up of it assigned to `personId`. */
  decisionId: string;
  followUpId: string;
  /** Diagnostic records (surveys, needs…) by path parameter name: see support/diagnostic.ts. */
  diagnostic: Record<string, string>;
}

/**
 * How far `directoryIds` goes: the directory and a COPIL only, with its meetings too, or everything down to the
 * diagnostic's records (the default). What is not made gets ids that exist nowhere, so a route that needed it fails.
 */
export type RecordsScope = "directory" | "meetings" | "diagnostic";

export async function directoryIds(
  t: TestApp,
  tenant: Tenant,
  scope: RecordsScope = "diagnostic",
): Promise<DirectoryIds> {
  const by = tenant.coordinator;
  const college = await t.request(by, {
    method: "POST",
    url: dir(tenant.clsm.id, "/colleges"),
    payload: { name: `Collège ${crypto.randomUUID()}` },
  });
  const colleges = await t.request(by, { method: "GET", url: dir(tenant.clsm.id, "/colleges") });
  const s1 = await createStructure(t, by, tenant.clsm.id, { name: "Structure un" });
  const s2 = await createStructure(t, by, tenant.clsm.id, { name: "Structure deux" });
  const p1 = await createPerson(t, by, tenant.clsm.id, {
    firstName: "Une",
    lastName: "Personne",
    role: { function: "Fonction", structureId: s1.id },
  });
  const p2 = await createPerson(t, by, tenant.clsm.id, { firstName: "Autre", lastName: "Personne" });
  const copil = await createInstance(t, by, tenant.clsm.id, { kind: "copil", name: "COPIL" });
  await addMembers(t, by, tenant.clsm.id, copil.id, { personIds: [p1.id] });
  const { members } = await getInstance(t, by, tenant.clsm.id, copil.id);
  const directoryOnly = {
    collegeId: college.json().id,
    collegeIds: colleges.json().items.map((c: { id: string }) => c.id),
    structureId: s1.id,
    otherStructureId: s2.id,
    personId: p1.id,
    otherPersonId: p2.id,
    roleId: p1.roles[0]?.id ?? "",
    instanceId: copil.id,
    membershipId: members?.[0]?.id ?? "",
    meetingId: crypto.randomUUID(),
    inviteeId: crypto.randomUUID(),
    itemId: crypto.randomUUID(),
    decisionId: crypto.randomUUID(),
    followUpId: crypto.randomUUID(),
  };
  if (scope === "directory") return { ...directoryOnly, diagnostic: {} };
  const meeting = await createMeeting(t, by, tenant.clsm.id, {
    title: "COPIL",
    instanceId: copil.id,
    date: "2027-01-12",
    time: "14:00",
  });
  await createMeeting(t, by, tenant.clsm.id, {
    title: "COPIL",
    instanceId: copil.id,
    date: "2027-04-13",
    time: "14:00",
  });
  const withItem = await addAgendaItem(t, by, tenant.clsm.id, meeting.id, { title: "Point" });
  const decision = await t.request(by, {
    method: "POST",
    url: `/api/clsms/${tenant.clsm.id}/meetings/${meeting.id}/decisions`,
    payload: { text: "Décision" },
  });
  expect(decision.statusCode, decision.body).toBe(201);
  const followUp = await t.request(by, {
    method: "POST",
    url: `/api/clsms/${tenant.clsm.id}/meetings/${meeting.id}/follow-ups`,
    payload: { description: "Action", assigneePersonId: p1.id },
  });
  expect(followUp.statusCode, followUp.body).toBe(201);
  const ids = {
    ...directoryOnly,
    meetingId: meeting.id,
    inviteeId: meeting.invitees[0]?.id ?? "",
    itemId: withItem.agenda[0]?.id ?? "",
    decisionId: decision.json().id,
    followUpId: followUp.json().id,
  };
  if (scope === "meetings") return { ...ids, diagnostic: {} };
  return { ...ids, diagnostic: await diagnosticIds(t, tenant, ids) };
}
