import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ClsmDetail, ClsmListItem } from "../../src/contracts/workspaces";
import { BREST, setupApp } from "../support/app";
import { addMember, createClsm, LORIENT, MARSEILLE, PARIS } from "../support/factories";

const t = await setupApp();
const admin = await t.signedIn({ platformRole: "admin" });

/** One CLSM in Bretagne (Lorient, 53), one in Provence-Alpes-Côte d'Azur (Marseille, 93), one straddling 53 and 11. */
async function threeRegions() {
  const tag = `Roles${randomUUID().slice(0, 6)}`;
  const lorient = await createClsm(t, admin, {
    name: `${tag} Lorient`,
    territory: { communeCodes: [LORIENT] },
  });
  const marseille = await createClsm(t, admin, {
    name: `${tag} Marseille`,
    territory: { communeCodes: [MARSEILLE] },
  });
  const straddling = await createClsm(t, admin, {
    name: `${tag} Brest-Paris`,
    territory: { communeCodes: [BREST, PARIS] },
  });
  return { tag, lorient, marseille, straddling };
}

const names = (res: { json(): unknown }) =>
  (res.json() as { items: ClsmListItem[] }).items.map((c) => c.name);
const writes = (id: string) => [
  { method: "PATCH" as const, url: `/api/clsms/${id}`, payload: { status: "actif" } },
  { method: "PUT" as const, url: `/api/clsms/${id}/territory`, payload: { communeCodes: [BREST] } },
  { method: "POST" as const, url: `/api/clsms/${id}/members`, payload: { email: "x@exemple.test" } },
];

describe("the national officer", () => {
  it("reads every CLSM, with `can.manage` false", async () => {
    const { tag, lorient, marseille } = await threeRegions();
    const national = await t.signedIn({ platformRole: "national" });
    const list = await t.request(national, { method: "GET", url: "/api/clsms", query: { q: tag } });
    expect(names(list)).toEqual([`${tag} Brest-Paris`, `${tag} Lorient`, `${tag} Marseille`]);
    for (const clsm of [lorient, marseille]) {
      const res = await t.request(national, { method: "GET", url: `/api/clsms/${clsm.id}` });
      expect(res.statusCode).toBe(200);
      expect((res.json() as ClsmDetail).can.manage).toBe(false);
      expect(
        (await t.request(national, { method: "GET", url: `/api/clsms/${clsm.id}/members` })).statusCode,
      ).toBe(200);
    }
  });

  it("can neither create nor manage a CLSM (403)", async () => {
    const { lorient } = await threeRegions();
    const national = await t.signedIn({ platformRole: "national" });
    const create = await t.request(national, {
      method: "POST",
      url: "/api/clsms",
      payload: { name: "CLSM national", territory: { communeCodes: [BREST] } },
    });
    expect(create.statusCode).toBe(403);
    for (const write of writes(lorient.id)) {
      expect((await t.request(national, write)).statusCode, write.url).toBe(403);
    }
    const me = (await t.request(national, { method: "GET", url: "/api/me" })).json();
    expect(me.can).toEqual({ createClsm: false, manageUsers: false, readOutbox: false, browseClsms: true });
  });
});

describe("an ARS officer (Bretagne, 53)", () => {
  it("reads the CLSMs whose territory touches Bretagne, and only those are listed", async () => {
    const { tag, lorient, straddling } = await threeRegions();
    const ars = await t.signedIn({ platformRole: "ars", arsRegionCode: "53" });
    const list = await t.request(ars, { method: "GET", url: "/api/clsms", query: { q: tag } });
    expect(names(list)).toEqual([`${tag} Brest-Paris`, `${tag} Lorient`]);
    expect(list.json().total).toBe(2);
    for (const clsm of [lorient, straddling]) {
      const res = await t.request(ars, { method: "GET", url: `/api/clsms/${clsm.id}` });
      expect(res.statusCode).toBe(200);
      expect((res.json() as ClsmDetail).can.manage).toBe(false);
    }
  });

  it("gets 404 for a CLSM of another région, on reads and writes", async () => {
    const { marseille, lorient } = await threeRegions();
    const ars = await t.signedIn({ platformRole: "ars", arsRegionCode: "53" });
    for (const url of [
      `/api/clsms/${marseille.id}`,
      `/api/clsms/${marseille.id}/members`,
      `/api/clsms/${marseille.id}/map`,
    ]) {
      expect((await t.request(ars, { method: "GET", url })).statusCode, url).toBe(404);
    }
    for (const write of writes(marseille.id)) expect((await t.request(ars, write)).statusCode).toBe(404);
    for (const write of writes(lorient.id)) expect((await t.request(ars, write)).statusCode).toBe(403);
  });

  it("loses sight of a CLSM whose territory moves out of the région", async () => {
    const { lorient } = await threeRegions();
    const ars = await t.signedIn({ platformRole: "ars", arsRegionCode: "53" });
    const moved = await t.request(admin, {
      method: "PUT",
      url: `/api/clsms/${lorient.id}/territory`,
      payload: { communeCodes: [MARSEILLE] },
    });
    expect(moved.statusCode).toBe(200);
    expect((await t.request(ars, { method: "GET", url: `/api/clsms/${lorient.id}` })).statusCode).toBe(404);
  });

  it("also reads a CLSM elsewhere where they are a member", async () => {
    const { tag, marseille } = await threeRegions();
    const ars = await t.signedIn({ platformRole: "ars", arsRegionCode: "53" });
    await addMember(t, admin, marseille.id, ars);
    expect((await t.request(ars, { method: "GET", url: `/api/clsms/${marseille.id}` })).statusCode).toBe(200);
    const list = await t.request(ars, { method: "GET", url: "/api/clsms", query: { q: tag } });
    expect(names(list)).toEqual([`${tag} Brest-Paris`, `${tag} Lorient`, `${tag} Marseille`]);
  });

  it("filters its list by région within what it may see", async () => {
    const { tag } = await threeRegions();
    const ars = await t.signedIn({ platformRole: "ars", arsRegionCode: "53" });
    const paca = await t.request(ars, {
      method: "GET",
      url: "/api/clsms",
      query: { q: tag, regionCode: "93" },
    });
    expect(paca.json()).toEqual({ items: [], total: 0 });
  });
});
