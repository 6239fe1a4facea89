import { describe, expect, it } from "vitest";
import { RENNES, SAINT_BRIEUC_AGGLO, setupApp } from "../support/app";
import { addMember, createClsm } from "../support/factories";

const t = await setupApp();
const admin = await t.signedIn({ platformRole: "admin" });

describe("the territory map", () => {
  it("gives a GeoJSON shape for each commune, and lists apart those without one", async () => {
    const clsm = await createClsm(t, admin, { territory: { epciCodes: [SAINT_BRIEUC_AGGLO] } });
    const res = await t.request(admin, { method: "GET", url: `/api/clsms/${clsm.id}/map` });
    expect(res.statusCode).toBe(200);
    const map = res.json();
    expect(map.type).toBe("FeatureCollection");
    const codes = [
      ...map.features.map((f: { properties: { code: string } }) => f.properties.code),
      ...map.missing.map((m: { code: string }) => m.code),
    ];
    expect(codes.sort()).toEqual(clsm.territory.communes.map((c) => c.code).sort());
    expect(map.features.length).toBeGreaterThan(20);
    for (const feature of map.features) {
      expect(feature.type).toBe("Feature");
      expect(["Polygon", "MultiPolygon"]).toContain(feature.geometry.type);
    }
    const saintBrieuc = map.features.find(
      (f: { properties: { code: string } }) => f.properties.code === "22278",
    );
    expect(saintBrieuc?.properties.name).toBe("Saint-Brieuc");
  });

  it("follows a change of territory", async () => {
    const clsm = await createClsm(t, admin, { territory: { epciCodes: [SAINT_BRIEUC_AGGLO] } });
    await t.request(admin, {
      method: "PUT",
      url: `/api/clsms/${clsm.id}/territory`,
      payload: { communeCodes: [RENNES] },
    });
    const map = (await t.request(admin, { method: "GET", url: `/api/clsms/${clsm.id}/map` })).json();
    expect(map.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([RENNES]);
    expect(map.missing).toEqual([]);
  });
});

describe("the member list", () => {
  it("puts coordinators first, searches by name or e-mail, and paginates with a total", async () => {
    const clsm = await createClsm(t, admin);
    const [alice, zoe, bruno] = [
      await t.createUser({ name: "Alice Membre", email: "alice@asso.test" }),
      await t.createUser({ name: "Zoé Coordinatrice", email: "zoe@mairie.test" }),
      await t.createUser({ name: "Bruno Membre", email: "bruno@asso.test" }),
    ];
    await addMember(t, admin, clsm.id, alice);
    await addMember(t, admin, clsm.id, zoe, { role: "coordinator" });
    await addMember(t, admin, clsm.id, bruno);
    const list = async (query: Record<string, string>) =>
      (await t.request(admin, { method: "GET", url: `/api/clsms/${clsm.id}/members`, query })).json();

    expect((await list({})).items.map((m: { name: string }) => m.name)).toEqual([
      "Zoé Coordinatrice",
      "Alice Membre",
      "Bruno Membre",
    ]);
    expect((await list({ q: "membre" })).total).toBe(2);
    expect((await list({ q: "@mairie" })).items.map((m: { name: string }) => m.name)).toEqual([
      "Zoé Coordinatrice",
    ]);
    const page = await list({ limit: "1", offset: "1" });
    expect(page).toMatchObject({ total: 3, items: [{ name: "Alice Membre" }] });
  });
});
