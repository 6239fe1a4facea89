import { describe, expect, it } from "vitest";
import type { TerritoryHit } from "../../src/contracts/territory";
import { RENNES, SAINT_BRIEUC_AGGLO, setupApp } from "../support/app";
import { expectErrorBody } from "../support/factories";

const t = await setupApp();
const person = await t.signedIn();

async function search(q: string, limit?: number) {
  const query: Record<string, string> = { q, ...(limit ? { limit: String(limit) } : {}) };
  const res = await t.request(person, { method: "GET", url: "/api/territory/search", query });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: TerritoryHit[] }).items;
}
const codes = (hits: TerritoryHit[]) => hits.map((h) => `${h.kind}:${h.code}`);

describe("searching communes and EPCI", () => {
  it("finds Saint-Étienne first however it is typed (accents, case, hyphens)", async () => {
    for (const q of [
      "Saint-Étienne",
      "saint etienne",
      "SAINT ETIENNE",
      "saint-etienne",
      "St-Étienne".replace("St", "Saint"),
    ]) {
      const [first] = (await search(q)).filter((h) => h.kind === "commune");
      expect(first, q).toMatchObject({
        kind: "commune",
        code: "42218",
        name: "Saint-Étienne",
        departementCode: "42",
      });
    }
  });

  it("finds a name with a ligature typed without it", async () => {
    const [first] = await search("vandoeuvre les nancy");
    expect(first).toMatchObject({ kind: "commune", name: "Vandœuvre-lès-Nancy" });
  });

  it("finds a commune by INSEE code, including Corsican codes", async () => {
    expect((await search(RENNES))[0]).toMatchObject({
      kind: "commune",
      name: "Rennes",
      departementName: "Ille-et-Vilaine",
    });
    expect((await search("2a004"))[0]).toMatchObject({ kind: "commune", code: "2A004", name: "Ajaccio" });
  });

  it("finds communes by postal code", async () => {
    const hits = await search("35200");
    expect(codes(hits)).toContain(`commune:${RENNES}`);
    const rennes = hits.find((h) => h.code === RENNES);
    expect(rennes?.kind === "commune" && rennes.postalCodes).toEqual(["35000", "35200", "35700"]);
  });

  it("finds an EPCI by name and by SIREN, with its communes and départements", async () => {
    const byName = (await search("saint-brieuc armor")).find((h) => h.kind === "epci");
    expect(byName).toEqual({
      kind: "epci",
      code: SAINT_BRIEUC_AGGLO,
      name: "CA Saint-Brieuc Armor Agglomération",
      population: expect.any(Number),
      communeCount: 32,
      departementCodes: ["22"],
    });
    expect(codes(await search(SAINT_BRIEUC_AGGLO))).toEqual([`epci:${SAINT_BRIEUC_AGGLO}`]);
  });

  it("respects the limit", async () => {
    for (const limit of [1, 5, 15, 50]) {
      const hits = await search("saint", limit);
      expect(hits.length).toBe(limit);
    }
    expect((await search("saint")).length).toBe(15); // the default
  });

  it("finds nothing for a name that does not exist", async () => {
    expect(await search("Zzyzx-sur-Mer")).toEqual([]);
  });

  it("refuses a query shorter than two characters, a limit out of bounds, and anonymous calls", async () => {
    for (const query of [
      { q: "a" },
      { q: "  a  " },
      {},
      { q: "saint", limit: "0" },
      { q: "saint", limit: "51" },
    ] as Record<string, string>[]) {
      const res = await t.request(person, { method: "GET", url: "/api/territory/search", query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expectErrorBody(res.body, "VALIDATION");
    }
    const short = await t.request(person, { method: "GET", url: "/api/territory/search", query: { q: "a" } });
    expect(short.json().error.fields.q).toBe("Tapez au moins deux caractères.");
    const anonymous = await t.app.inject({ method: "GET", url: "/api/territory/search?q=Rennes" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("treats LIKE wildcards as text", async () => {
    expect(await search("%%")).toEqual([]);
    expect(await search("__")).toEqual([]);
  });
});

describe("EPCI detail and régions", () => {
  it("lists the member communes of an EPCI", async () => {
    const res = await t.request(person, { method: "GET", url: `/api/territory/epci/${SAINT_BRIEUC_AGGLO}` });
    expect(res.statusCode).toBe(200);
    const epci = res.json();
    expect(epci).toMatchObject({ code: SAINT_BRIEUC_AGGLO, name: "CA Saint-Brieuc Armor Agglomération" });
    expect(epci.communes).toHaveLength(32);
    expect(epci.communes.map((c: { name: string }) => c.name)).toContain("Saint-Brieuc");
    expect(epci.communes.every((c: { departementCode: string }) => c.departementCode === "22")).toBe(true);
  });

  it("answers 404 for an unknown EPCI and 400 for a malformed SIREN", async () => {
    const unknown = await t.request(person, { method: "GET", url: "/api/territory/epci/999999999" });
    expect(unknown.statusCode).toBe(404);
    expect(expectErrorBody(unknown.body, "NOT_FOUND").message).toBe("EPCI introuvable.");
    const malformed = await t.request(person, { method: "GET", url: "/api/territory/epci/12" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields.code).toBe("Code SIREN d'EPCI invalide.");
  });

  it("lists the régions, Bretagne among them", async () => {
    const res = await t.request(person, { method: "GET", url: "/api/territory/regions" });
    expect(res.json().items).toContainEqual({ code: "53", name: "Bretagne" });
    expect(res.json().items.length).toBeGreaterThanOrEqual(18);
  });
});
