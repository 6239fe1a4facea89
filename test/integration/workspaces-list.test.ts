import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ClsmListItem } from "../../src/contracts/workspaces";
import { BREST, RENNES, SAINT_BRIEUC_AGGLO, setupApp } from "../support/app";
import { createClsm, MARSEILLE } from "../support/factories";

const t = await setupApp();
const admin = await t.signedIn({ platformRole: "admin" });

/** A family of CLSMs whose names share a unique tag, so each test lists only its own. */
async function family() {
  const tag = `Famille${randomUUID().slice(0, 6)}`;
  const rennes = await createClsm(t, admin, {
    name: `${tag} Rennes`,
    status: "actif",
    territory: { communeCodes: [RENNES] },
  });
  const brest = await createClsm(t, admin, { name: `${tag} Brest`, territory: { communeCodes: [BREST] } });
  const agglo = await createClsm(t, admin, {
    name: `${tag} Agglo`,
    status: "sommeil",
    territory: { epciCodes: [SAINT_BRIEUC_AGGLO] },
  });
  const marseille = await createClsm(t, admin, {
    name: `${tag} Marseille`,
    status: "actif",
    territory: { communeCodes: [MARSEILLE] },
  });
  return { tag, rennes, brest, agglo, marseille };
}

async function list(query: Record<string, string | number>) {
  const res = await t.request(admin, { method: "GET", url: "/api/clsms", query: stringify(query) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: ClsmListItem[]; total: number };
}
const stringify = (q: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)]));

describe("listing CLSMs", () => {
  it("searches by name, case-insensitively, and sorts by name", async () => {
    const { tag } = await family();
    const page = await list({ q: tag.toLowerCase() });
    expect(page.total).toBe(4);
    expect(page.items.map((c) => c.name)).toEqual([
      `${tag} Agglo`,
      `${tag} Brest`,
      `${tag} Marseille`,
      `${tag} Rennes`,
    ]);
  });

  it("gives each CLSM its figures: scale, population, communes, régions, départements, members", async () => {
    const { tag, agglo } = await family();
    const [item] = (await list({ q: `${tag} Agglo` })).items;
    expect(item).toEqual({
      id: agglo.id,
      name: `${tag} Agglo`,
      status: "sommeil",
      scale: "intercommunal",
      population: agglo.territory.population,
      communeCount: 32,
      regionNames: ["Bretagne"],
      departementCodes: ["22"],
      memberCount: 0,
    });
  });

  it("filters by status", async () => {
    const { tag } = await family();
    const active = await list({ q: tag, status: "actif" });
    expect(active.items.map((c) => c.name)).toEqual([`${tag} Marseille`, `${tag} Rennes`]);
    expect(active.total).toBe(2);
    expect((await list({ q: tag, status: "projet" })).items.map((c) => c.name)).toEqual([`${tag} Brest`]);
  });

  it("filters by région", async () => {
    const { tag } = await family();
    const bretagne = await list({ q: tag, regionCode: "53" });
    expect(bretagne.total).toBe(3);
    expect(bretagne.items.every((c) => c.regionNames.includes("Bretagne"))).toBe(true);
    const paca = await list({ q: tag, regionCode: "93" });
    expect(paca.items.map((c) => c.name)).toEqual([`${tag} Marseille`]);
    expect((await list({ q: tag, regionCode: "11" })).total).toBe(0);
  });

  it("paginates with limit and offset, the total counting every match", async () => {
    const { tag } = await family();
    const first = await list({ q: tag, limit: 3, offset: 0 });
    const second = await list({ q: tag, limit: 3, offset: 3 });
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect(first.items).toHaveLength(3);
    expect(second.items.map((c) => c.name)).toEqual([`${tag} Rennes`]);
    const beyond = await list({ q: tag, limit: 3, offset: 30 });
    expect(beyond).toEqual({ items: [], total: 4 });
  });

  it("treats % and _ in the search as plain characters", async () => {
    const { tag } = await family();
    expect((await list({ q: `${tag}%` })).total).toBe(0);
    expect((await list({ q: `${tag.slice(0, 3)}_` })).total).toBe(0);
  });

  it("counts members in the list", async () => {
    const clsm = await createClsm(t, admin, { name: `Comptage ${randomUUID().slice(0, 6)}` });
    const person = await t.createUser();
    await t.request(admin, {
      method: "POST",
      url: `/api/clsms/${clsm.id}/members`,
      payload: { email: person.email, role: "coordinator" },
    });
    const [item] = (await list({ q: clsm.name })).items;
    expect(item?.memberCount).toBe(1);
  });
});
