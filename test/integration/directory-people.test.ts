import { describe, expect, it } from "vitest";
import type { PersonDetail } from "../../src/contracts/directory";
import { setupApp } from "../support/app";
import { collegeId, createPerson, createStructure, dir, listPeople } from "../support/directory";
import { createTenant, expectErrorBody } from "../support/factories";

// Role history, merge, export, anonymisation and erasure.

const t = await setupApp();
const { clsm, coordinator, member } = await createTenant(t);
const get = async (id: string) =>
  (
    await t.request(coordinator, { method: "GET", url: dir(clsm.id, `/people/${id}`) })
  ).json() as PersonDetail;

describe("role history", () => {
  it("a new role ends the current one at its start date; the old one is kept", async () => {
    const ccas = await createStructure(t, coordinator, clsm.id, { name: "CCAS de Plérin" });
    const cmp = await createStructure(t, coordinator, clsm.id, { name: "CMP adulte" });
    const p = await createPerson(t, coordinator, clsm.id, {
      firstName: "Anne",
      lastName: "Morvan",
      role: { function: "Assistante sociale", structureId: ccas.id, startDate: "2020-01-06" },
    });
    const res = await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, `/people/${p.id}/roles`),
      payload: { function: "Cadre socio-éducative", structureId: cmp.id, startDate: "2025-03-01" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = res.json() as PersonDetail;
    expect(after).toMatchObject({ function: "Cadre socio-éducative", structureName: "CMP adulte" });
    expect(after.roles).toMatchObject([
      { function: "Cadre socio-éducative", startDate: "2025-03-01", endDate: null },
      {
        function: "Assistante sociale",
        structureName: "CCAS de Plérin",
        startDate: "2020-01-06",
        endDate: "2025-03-01",
      },
    ]);
    const ccasNow = await t.request(coordinator, {
      method: "GET",
      url: dir(clsm.id, `/structures/${ccas.id}`),
    });
    expect(ccasNow.json().people).toEqual([]);

    const before = await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, `/people/${p.id}/roles`),
      payload: { function: "Antérieure", startDate: "2024-01-01" },
    });
    expect(before.statusCode).toBe(400);
    expect(expectErrorBody(before.body)).toMatchObject({ fields: { startDate: expect.any(String) } });

    const old = after.roles[1]?.id ?? "";
    const fixed = await t.request(coordinator, {
      method: "PATCH",
      url: dir(clsm.id, `/people/${p.id}/roles/${old}`),
      payload: { function: "Assistante de service social" },
    });
    expect(fixed.json().roles[1]).toMatchObject({
      function: "Assistante de service social",
      endDate: "2025-03-01",
    });
    const wrongEnd = await t.request(coordinator, {
      method: "PATCH",
      url: dir(clsm.id, `/people/${p.id}/roles/${old}`),
      payload: { endDate: "2019-01-01" },
    });
    expect(wrongEnd.statusCode).toBe(400);
    const removed = await t.request(coordinator, {
      method: "DELETE",
      url: dir(clsm.id, `/people/${p.id}/roles/${old}`),
    });
    expect(removed.statusCode).toBe(204);
    expect((await get(p.id)).roles).toHaveLength(1);
  });
});

describe("merging", () => {
  it("keeps the first person, fills its empty fields, moves the roles and deletes the other", async () => {
    const aidants = await collegeId(t, coordinator, clsm.id, "aidants");
    const unafam = await createStructure(t, coordinator, clsm.id, { name: "UNAFAM 22" });
    const kept = await createPerson(t, coordinator, clsm.id, {
      firstName: "Martine",
      lastName: "Guillou",
      phone: "0296000000",
    });
    const other = await createPerson(t, coordinator, clsm.id, {
      firstName: "M.",
      lastName: "Guillou",
      email: "martine.guillou@exemple.test",
      phone: "0600000000",
      collegeId: aidants,
      consentToContact: true,
      consentDate: "2026-05-02",
      role: { function: "Bénévole", structureId: unafam.id },
    });
    const res = await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, `/people/${kept.id}/merge`),
      payload: { otherId: other.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: kept.id,
      firstName: "Martine",
      phone: "0296000000",
      email: "martine.guillou@exemple.test",
      pillar: "aidants",
      consentToContact: true,
      consentDate: "2026-05-02",
      structureName: "UNAFAM 22",
      roles: [{ function: "Bénévole" }],
    });
    expect(
      (await t.request(coordinator, { method: "GET", url: dir(clsm.id, `/people/${other.id}`) })).statusCode,
    ).toBe(404);
    const self = await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, `/people/${kept.id}/merge`),
      payload: { otherId: kept.id },
    });
    expect(self.statusCode).toBe(400);
  });

  it("merges two structures: roles move to the kept one", async () => {
    const a = await createStructure(t, coordinator, clsm.id, {
      name: "Terre et Baie Habitat",
      type: "bailleur",
    });
    const b = await createStructure(t, coordinator, clsm.id, {
      name: "Terre & Baie Habitat",
      phone: "02 96 00 00 01",
      siret: "73282932000074",
    });
    const p = await createPerson(t, coordinator, clsm.id, {
      firstName: "Loïc",
      lastName: "Hamon",
      role: { function: "Chargé de gestion locative", structureId: b.id },
    });
    const res = await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, `/structures/${a.id}/merge`),
      payload: { otherId: b.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: "Terre et Baie Habitat",
      type: "bailleur",
      phone: "02 96 00 00 01",
      siret: "73282932000074",
      people: [{ personId: p.id }],
    });
    expect(
      (await t.request(coordinator, { method: "GET", url: dir(clsm.id, `/structures/${b.id}`) })).statusCode,
    ).toBe(404);
  });
});

describe("personal data", () => {
  it("exports everything held about a person, for coordinators only", async () => {
    const p = await createPerson(t, coordinator, clsm.id, {
      civility: "monsieur",
      firstName: "Erwan",
      lastName: "Le Du",
      email: "erwan@exemple.test",
      consentToContact: true,
      consentDate: "2026-01-15",
      source: "import",
      notes: "Préfère être contacté le matin.",
      role: { function: "Médecin généraliste", startDate: "2018-09-01" },
    });
    const res = await t.request(coordinator, { method: "GET", url: dir(clsm.id, `/people/${p.id}/export`) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      clsm: { id: clsm.id, name: clsm.name },
      person: {
        civility: "monsieur",
        email: "erwan@exemple.test",
        consentDate: "2026-01-15",
        source: "import",
        notes: "Préfère être contacté le matin.",
      },
      roles: [{ function: "Médecin généraliste", startDate: "2018-09-01", endDate: null }],
      notice: expect.stringContaining("toutes les informations"),
    });
    const forMember = await t.request(member, { method: "GET", url: dir(clsm.id, `/people/${p.id}/export`) });
    expect(forMember.statusCode).toBe(403);
  });

  it("anonymises: identity and contact cleared, roles and collège kept, and says so", async () => {
    const elus = await collegeId(t, coordinator, clsm.id, "elus");
    const p = await createPerson(t, coordinator, clsm.id, {
      civility: "madame",
      firstName: "Rozenn",
      lastName: "Kerhervé",
      email: "rozenn@exemple.test",
      phone: "0600000001",
      notes: "Note",
      collegeId: elus,
      role: { function: "Conseillère municipale" },
    });
    const res = await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, `/people/${p.id}/anonymise`),
    });
    expect(res.statusCode, res.body).toBe(200);
    const { person, notice } = res.json();
    expect(person).toMatchObject({
      civility: null,
      firstName: "",
      lastName: "Personne anonymisée",
      email: null,
      phone: null,
      notes: null,
      collegeId: elus,
      pillar: "elus",
      anonymised: true,
      roles: [{ function: "Conseillère municipale" }],
    });
    expect(person.anonymisedAt).not.toBeNull();
    expect(notice).toMatch(/conservés/);
    expect((await listPeople(t, coordinator, clsm.id, { q: "rozenn" })).total).toBe(0);
    const pillars = await t.request(coordinator, { method: "GET", url: dir(clsm.id, "/pillars") });
    expect(JSON.stringify(pillars.json())).not.toContain(p.id);
  });

  it("erases a person and all their roles", async () => {
    const p = await createPerson(t, coordinator, clsm.id, {
      firstName: "À",
      lastName: "Effacer",
      role: { function: "X" },
    });
    expect(
      (await t.request(coordinator, { method: "DELETE", url: dir(clsm.id, `/people/${p.id}`) })).statusCode,
    ).toBe(204);
    expect(
      (await t.request(coordinator, { method: "GET", url: dir(clsm.id, `/people/${p.id}/export`) }))
        .statusCode,
    ).toBe(404);
    const { directoryRole } = await import("../../src/server/directory/tables");
    const { eq } = await import("drizzle-orm");
    expect(await t.database.db.select().from(directoryRole).where(eq(directoryRole.personId, p.id))).toEqual(
      [],
    );
  });
});
