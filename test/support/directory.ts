import { expect } from "vitest";
import type { PersonDetail, StructureDetail } from "../../src/contracts/directory";
import type { Person, TestApp } from "./app";

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
