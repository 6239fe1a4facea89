import { describe, expect, it } from "vitest";
import type { ClsmDetail } from "../../src/contracts/workspaces";
import { BREST, RENNES, SAINT_BRIEUC_AGGLO, setupApp } from "../support/app";
import { createClsm, expectErrorBody, SAINT_BRIEUC } from "../support/factories";

const t = await setupApp();
const admin = await t.signedIn({ platformRole: "admin" });

const sum = (items: { population: number }[]) => items.reduce((s, i) => s + i.population, 0);

describe("creating a CLSM from its territory", () => {
  it("from an EPCI: all its communes, population summed, département and région derived", async () => {
    const clsm = await createClsm(t, admin, {
      name: "CLSM de Saint-Brieuc Armor Agglomération",
      territory: { epciCodes: [SAINT_BRIEUC_AGGLO] },
    });
    expect(clsm).toMatchObject({ name: "CLSM de Saint-Brieuc Armor Agglomération", status: "projet" });
    const { territory } = clsm;
    expect(territory.communes).toHaveLength(32);
    expect(territory.communes.every((c) => c.epciCode === SAINT_BRIEUC_AGGLO)).toBe(true);
    expect(territory.population).toBe(sum(territory.communes));
    expect(territory.population).toBeGreaterThan(100_000);
    expect(territory.departements.map((d) => d.code)).toEqual(["22"]);
    expect(territory.regions).toEqual([{ code: "53", name: "Bretagne" }]);
    expect(territory.scale).toBe("intercommunal");
    expect(territory.epcis).toEqual([
      { code: SAINT_BRIEUC_AGGLO, name: "CA Saint-Brieuc Armor Agglomération" },
    ]);

    const read = await t.request(admin, { method: "GET", url: `/api/clsms/${clsm.id}` });
    expect((read.json() as ClsmDetail).territory.population).toBe(territory.population);
  });

  it("from a single commune: communal scale, the commune's population", async () => {
    const { territory } = await createClsm(t, admin, { territory: { communeCodes: [RENNES] } });
    expect(territory.scale).toBe("communal");
    expect(territory.communes.map((c) => c.code)).toEqual([RENNES]);
    expect(territory.population).toBe(territory.communes[0]?.population);
    expect(territory.departements).toEqual([{ code: "35", name: "Ille-et-Vilaine" }]);
  });

  it("from two communes without an EPCI: intercommunal", async () => {
    const { territory } = await createClsm(t, admin, { territory: { communeCodes: [RENNES, BREST] } });
    expect(territory.scale).toBe("intercommunal");
    expect(territory.departements.map((d) => d.code)).toEqual(["29", "35"]);
    expect(territory.epcis).toEqual([]);
  });

  it("from a commune and its quartiers: infracommunal, population of the quartiers only", async () => {
    const { territory } = await createClsm(t, admin, {
      territory: {
        communeCodes: [RENNES],
        quartiers: [
          { name: "Le Blosne", communeCode: RENNES, population: 17_000 },
          { name: "Maurepas", communeCode: RENNES, population: 12_500 },
        ],
      },
    });
    expect(territory.scale).toBe("infracommunal");
    expect(territory.population).toBe(29_500);
    expect(territory.quartiers.map((q) => q.name)).toEqual(["Le Blosne", "Maurepas"]);
  });

  it("refuses a quartier in a commune outside the territory, naming the field", async () => {
    const res = await t.request(admin, {
      method: "POST",
      url: "/api/clsms",
      payload: {
        name: "CLSM quartier égaré",
        territory: {
          communeCodes: [RENNES],
          quartiers: [{ name: "Kerourien", communeCode: BREST, population: 3000 }],
        },
      },
    });
    expect(res.statusCode).toBe(400);
    const error = expectErrorBody(res.body, "BAD_REQUEST");
    expect(error).toMatchObject({ fields: { "territory.quartiers": expect.stringContaining("quartier") } });
  });

  it("does not count twice a commune given directly and through its EPCI", async () => {
    const both = await createClsm(t, admin, {
      territory: { epciCodes: [SAINT_BRIEUC_AGGLO], communeCodes: [SAINT_BRIEUC, SAINT_BRIEUC] },
    });
    const epciOnly = await createClsm(t, admin, { territory: { epciCodes: [SAINT_BRIEUC_AGGLO] } });
    expect(both.territory.communes).toHaveLength(32);
    expect(new Set(both.territory.communes.map((c) => c.code)).size).toBe(32);
    expect(both.territory.population).toBe(epciOnly.territory.population);
  });
});

describe("changing a CLSM", () => {
  it("PUT territory replaces the whole territory and recomputes the figures", async () => {
    const clsm = await createClsm(t, admin, {
      territory: { epciCodes: [SAINT_BRIEUC_AGGLO], quartiers: [] },
    });
    const res = await t.request(admin, {
      method: "PUT",
      url: `/api/clsms/${clsm.id}/territory`,
      payload: {
        communeCodes: [BREST],
        quartiers: [{ name: "Pontanézen", communeCode: BREST, population: 4200 }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { territory } = res.json() as ClsmDetail;
    expect(territory.communes.map((c) => c.code)).toEqual([BREST]);
    expect(territory).toMatchObject({ scale: "infracommunal", population: 4200, epcis: [] });
    expect(territory.departements.map((d) => d.code)).toEqual(["29"]);

    const back = await t.request(admin, {
      method: "PUT",
      url: `/api/clsms/${clsm.id}/territory`,
      payload: { communeCodes: [RENNES] },
    });
    const after = back.json() as ClsmDetail;
    expect(after.territory).toMatchObject({ scale: "communal", quartiers: [] });
    expect(after.territory.communes.map((c) => c.code)).toEqual([RENNES]);
  });

  it("a refused territory change leaves the previous territory untouched", async () => {
    const clsm = await createClsm(t, admin, { territory: { communeCodes: [RENNES] } });
    const res = await t.request(admin, {
      method: "PUT",
      url: `/api/clsms/${clsm.id}/territory`,
      payload: { communeCodes: [BREST, "99999"] },
    });
    expect(res.statusCode).toBe(400);
    const read = (
      await t.request(admin, { method: "GET", url: `/api/clsms/${clsm.id}` })
    ).json() as ClsmDetail;
    expect(read.territory).toEqual(clsm.territory);
  });

  it("PATCH renames and changes the status, leaving the territory as it was", async () => {
    const clsm = await createClsm(t, admin, { name: "CLSM provisoire" });
    const renamed = await t.request(admin, {
      method: "PATCH",
      url: `/api/clsms/${clsm.id}`,
      payload: { name: "  CLSM du Pays de Saint-Brieuc  " },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "CLSM du Pays de Saint-Brieuc", status: "projet" });

    const activated = await t.request(admin, {
      method: "PATCH",
      url: `/api/clsms/${clsm.id}`,
      payload: { status: "actif" },
    });
    expect(activated.json()).toMatchObject({ name: "CLSM du Pays de Saint-Brieuc", status: "actif" });
    expect((activated.json() as ClsmDetail).territory).toEqual(clsm.territory);
  });
});
