import { describe, expect, it } from "vitest";
import { setupApp } from "../support/app";
import { collegeId, createPerson, createStructure, dir, listPeople } from "../support/directory";
import { createClsm, createTenant, expectErrorBody } from "../support/factories";

const t = await setupApp();

describe("collèges", () => {
  it("every new CLSM starts with the default collèges, the four pillars first", async () => {
    const { clsm, member } = await createTenant(t);
    const res = await t.request(member, { method: "GET", url: dir(clsm.id, "/colleges") });
    expect(res.statusCode).toBe(200);
    const { items, can } = res.json();
    expect(items).toHaveLength(19);
    expect(items.slice(0, 4).map((c: { pillar: string }) => c.pillar)).toEqual([
      "elus",
      "psychiatrie",
      "usagers",
      "aidants",
    ]);
    expect(items[4]).toMatchObject({ name: "Psychiatrie privée et libérale", pillar: null, personCount: 0 });
    expect(can).toEqual({ manage: false });
  });

  it("adds, renames, reorders, and deletes only an empty collège (409 otherwise)", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const created = await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, "/colleges"),
      payload: { name: "Bailleurs du quartier", pillar: null },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const renamed = await t.request(coordinator, {
      method: "PATCH",
      url: dir(clsm.id, `/colleges/${id}`),
      payload: { name: "Bailleurs sociaux", pillar: "usagers" },
    });
    expect(renamed.json()).toMatchObject({ name: "Bailleurs sociaux", pillar: "usagers", position: 19 });

    const list = (await t.request(coordinator, { method: "GET", url: dir(clsm.id, "/colleges") })).json();
    const ids = list.items.map((c: { id: string }) => c.id).reverse();
    const ordered = await t.request(coordinator, {
      method: "PUT",
      url: dir(clsm.id, "/colleges/order"),
      payload: { ids },
    });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json().items.map((c: { id: string }) => c.id)).toEqual(ids);
    const partial = await t.request(coordinator, {
      method: "PUT",
      url: dir(clsm.id, "/colleges/order"),
      payload: { ids: ids.slice(1) },
    });
    expect(partial.statusCode).toBe(400);

    await createPerson(t, coordinator, clsm.id, { firstName: "Léa", lastName: "Robin", collegeId: id });
    const refused = await t.request(coordinator, { method: "DELETE", url: dir(clsm.id, `/colleges/${id}`) });
    expect(refused.statusCode).toBe(409);
    expectErrorBody(refused.body, "CONFLICT");
    const empty = await collegeId(t, coordinator, clsm.id, null, "Habitants");
    const deleted = await t.request(coordinator, {
      method: "DELETE",
      url: dir(clsm.id, `/colleges/${empty}`),
    });
    expect(deleted.statusCode).toBe(204);
  });

  it("creates the default collèges lazily, once, for a CLSM that has none", async () => {
    const admin = await t.signedIn({ platformRole: "admin" });
    const clsm = await createClsm(t, admin);
    const { directorySettings, directoryCollege } = await import("../../src/server/directory/tables");
    const { eq } = await import("drizzle-orm");
    await t.database.db.delete(directoryCollege).where(eq(directoryCollege.clsmId, clsm.id));
    await t.database.db.delete(directorySettings).where(eq(directorySettings.clsmId, clsm.id));
    const [a, b] = await Promise.all([
      t.request(admin, { method: "GET", url: dir(clsm.id, "/colleges") }),
      t.request(admin, { method: "GET", url: dir(clsm.id, "/pillars") }),
    ]);
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(200);
    const again = await t.request(admin, { method: "GET", url: dir(clsm.id, "/colleges") });
    expect(again.json().items).toHaveLength(19);
  });
});

describe("structures and people", () => {
  it("creates a structure and a person with a role; the structure lists its current people", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    const psy = await collegeId(t, coordinator, clsm.id, "psychiatrie");
    const cmp = await createStructure(t, coordinator, clsm.id, {
      name: "CMP adulte de Saint-Brieuc",
      type: "etablissement_sante",
      collegeId: psy,
      communeCode: "22278",
      communeName: "Saint-Brieuc",
      postalCode: "22000",
      siret: "732 829 320 00074",
      finess: "220000020",
    });
    expect(cmp).toMatchObject({
      siret: "73282932000074",
      collegeName: "Psychiatrie publique",
      personCount: 0,
    });
    const person = await createPerson(t, coordinator, clsm.id, {
      civility: "madame",
      firstName: "Soizic",
      lastName: "Le Bihan",
      email: "Soizic.LeBihan@Exemple.test",
      collegeId: psy,
      consentToContact: true,
      consentDate: "2026-09-01",
      role: { function: "Cadre de santé", structureId: cmp.id },
    });
    expect(person).toMatchObject({
      email: "soizic.lebihan@exemple.test",
      pillar: "psychiatrie",
      function: "Cadre de santé",
      structureName: "CMP adulte de Saint-Brieuc",
      source: "saisie",
    });
    expect(person.roles).toHaveLength(1);
    const detail = await t.request(member, { method: "GET", url: dir(clsm.id, `/structures/${cmp.id}`) });
    expect(detail.json()).toMatchObject({
      personCount: 1,
      people: [{ personId: person.id, name: "Soizic Le Bihan", function: "Cadre de santé" }],
      can: { manage: false },
    });
  });

  it("updates and deletes; deleting a structure keeps the people and their history", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const s = await createStructure(t, coordinator, clsm.id, {
      name: "CCAS de Plérin",
      type: "collectivite",
    });
    const p = await createPerson(t, coordinator, clsm.id, {
      firstName: "Marc",
      lastName: "Daniel",
      role: { function: "Directeur", structureId: s.id },
    });
    const patched = await t.request(coordinator, {
      method: "PATCH",
      url: dir(clsm.id, `/structures/${s.id}`),
      payload: { name: "CCAS de Plérin-sur-Mer", phone: "", email: "ccas@plerin.test" },
    });
    expect(patched.json()).toMatchObject({
      name: "CCAS de Plérin-sur-Mer",
      phone: null,
      email: "ccas@plerin.test",
    });
    expect((await listPeople(t, coordinator, clsm.id, { q: "plerin sur mer" })).total).toBe(1);
    const del = await t.request(coordinator, { method: "DELETE", url: dir(clsm.id, `/structures/${s.id}`) });
    expect(del.statusCode).toBe(204);
    const after = await t.request(coordinator, { method: "GET", url: dir(clsm.id, `/people/${p.id}`) });
    expect(after.json().roles).toMatchObject([{ function: "Directeur", structureId: null }]);

    const updated = await t.request(coordinator, {
      method: "PATCH",
      url: dir(clsm.id, `/people/${p.id}`),
      payload: { lastName: "Daniel-Le Roux", email: "marc@exemple.test" },
    });
    expect(updated.json()).toMatchObject({ lastName: "Daniel-Le Roux", email: "marc@exemple.test" });
    const gone = await t.request(coordinator, { method: "DELETE", url: dir(clsm.id, `/people/${p.id}`) });
    expect(gone.statusCode).toBe(204);
    expect(
      (await t.request(coordinator, { method: "GET", url: dir(clsm.id, `/people/${p.id}`) })).statusCode,
    ).toBe(404);
  });

  it("refuses a second person with the same e-mail in one CLSM (409), not in another CLSM", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    await createPerson(t, a.coordinator, a.clsm.id, {
      firstName: "A",
      lastName: "B",
      email: "dup@exemple.test",
    });
    const dup = await t.request(a.coordinator, {
      method: "POST",
      url: dir(a.clsm.id, "/people"),
      payload: { firstName: "C", lastName: "D", email: "DUP@exemple.test" },
    });
    expect(dup.statusCode).toBe(409);
    expect(expectErrorBody(dup.body, "CONFLICT")).toMatchObject({ fields: { email: expect.any(String) } });
    await createPerson(t, b.coordinator, b.clsm.id, {
      firstName: "A",
      lastName: "B",
      email: "dup@exemple.test",
    });
  });

  it("lets members read but not write (403)", async () => {
    const { clsm, member } = await createTenant(t);
    const res = await t.request(member, {
      method: "POST",
      url: dir(clsm.id, "/people"),
      payload: { firstName: "X", lastName: "Y" },
    });
    expect(res.statusCode).toBe(403);
    expect((await listPeople(t, member, clsm.id)).total).toBe(0);
  });
});
