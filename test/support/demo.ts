import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../src/server/demo/seed";
import type { Person, TestApp } from "./app";

// The demo data (seedDemo, as `npm start` loads it) seen through its accounts, for the tests of what a visitor meets.

/** A demo account signed in (`coordination`, `elue`, `aidante`… @clsm-saintbrieuc.demo), and its Saint-Brieuc CLSM. */
export async function demoAccount(t: TestApp, email: string): Promise<{ person: Person; clsmId: string }> {
  const person = { id: "", email, cookie: await t.signIn(email, DEMO_PASSWORD) };
  const res = await t.request(person, { method: "GET", url: "/api/clsms" });
  expect(res.statusCode, res.body).toBe(200);
  const agglo = res.json().items.find((c: { name: string }) => c.name.includes("Saint-Brieuc"));
  if (!agglo) throw new Error(`${email} is not a member of the Saint-Brieuc demo CLSM`);
  return { person, clsmId: agglo.id };
}
