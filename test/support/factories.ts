import { expect } from "vitest";
import type { ClsmDetail } from "../../src/contracts/workspaces";
import type { Person, TestApp } from "./app";

// Factories that build their own tenant through the API: every test creates the CLSMs and people it needs.

export const MARSEILLE = "13055";
export const PARIS = "75056";
export const SAINT_BRIEUC = "22278";
export const LORIENT = "56121";

export interface TerritoryBody {
  communeCodes?: string[];
  epciCodes?: string[];
  quartiers?: { name: string; communeCode: string; population: number }[];
}

let counter = 0;
const uniqueName = (prefix: string) => `${prefix} ${++counter}-${Math.random().toString(36).slice(2, 7)}`;

/** Creates a CLSM as the given admin and returns its detail; fails the test on anything but 201. */
export async function createClsm(
  t: TestApp,
  admin: Person,
  options: { name?: string; status?: string; territory?: TerritoryBody } = {},
): Promise<ClsmDetail> {
  const res = await t.request(admin, {
    method: "POST",
    url: "/api/clsms",
    payload: {
      name: options.name ?? uniqueName("CLSM"),
      ...(options.status ? { status: options.status } : {}),
      territory: options.territory ?? { communeCodes: [SAINT_BRIEUC] },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ClsmDetail;
}

/** Adds an existing person (by e-mail) to a CLSM as `by` (an admin or a coordinator). */
export async function addMember(
  t: TestApp,
  by: Person,
  clsmId: string,
  person: { email: string },
  options: { role?: "coordinator" | "member"; isChair?: boolean; isColead?: boolean } = {},
): Promise<void> {
  const res = await t.request(by, {
    method: "POST",
    url: `/api/clsms/${clsmId}/members`,
    payload: { email: person.email, ...options },
  });
  expect(res.statusCode, res.body).toBe(201);
}

export interface Tenant {
  admin: Person;
  clsm: ClsmDetail;
  coordinator: Person;
  member: Person;
}

/** A CLSM with its own admin, one signed-in coordinator and one signed-in plain member. */
export async function createTenant(
  t: TestApp,
  options: { name?: string; territory?: TerritoryBody } = {},
): Promise<Tenant> {
  const admin = await t.signedIn({ platformRole: "admin" });
  const clsm = await createClsm(t, admin, options);
  const [coordinator, member] = await Promise.all([
    t.signedIn({ name: uniqueName("Coordinatrice") }),
    t.signedIn({ name: uniqueName("Membre") }),
  ]);
  await addMember(t, admin, clsm.id, coordinator, { role: "coordinator" });
  await addMember(t, admin, clsm.id, member, { role: "member" });
  return { admin, clsm, coordinator, member };
}

/** The standard error body: `{ error: { code, message, fields? } }`, a French message and no stack trace. */
export function expectErrorBody(body: string, code?: string): { code: string; message: string } {
  const parsed = JSON.parse(body) as { error: { code: string; message: string; fields?: unknown } };
  expect(Object.keys(parsed)).toEqual(["error"]);
  expect(typeof parsed.error.code).toBe("string");
  expect(parsed.error.message).toMatch(/[a-zà-ÿ]{3}/i);
  expect(parsed.error.message).not.toMatch(
    /\b(the|must|expected|required|should|invalid input|not found)\b/i,
  );
  for (const key of Object.keys(parsed.error)) expect(["code", "message", "fields"]).toContain(key);
  expect(body).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack frame
  if (code) expect(parsed.error.code).toBe(code);
  return parsed.error;
}
