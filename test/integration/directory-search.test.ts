import { describe, expect, it } from "vitest";
import { setupApp } from "../support/app";
import { collegeId, createPerson, createStructure, dir, listPeople } from "../support/directory";
import { createTenant } from "../support/factories";

// Search as you type (accent- and case-insensitive), filters, sort, pagination and totals.

const t = await setupApp();
const { clsm, coordinator, member } = await createTenant(t);
const elus = await collegeId(t, coordinator, clsm.id, "elus");
const aidants = await collegeId(t, coordinator, clsm.id, "aidants");
const mairie = await createStructure(t, coordinator, clsm.id, {
  name: "Mairie de Plérin",
  type: "collectivite",
  communeCode: "22187",
  communeName: "Plérin",
});
const unafam = await createStructure(t, coordinator, clsm.id, {
  name: "UNAFAM 22",
  type: "association",
  communeCode: "22278",
  communeName: "Saint-Brieuc",
});
const helene = await createPerson(t, coordinator, clsm.id, {
  firstName: "Hélène",
  lastName: "Le Cœur",
  email: "h.lecoeur@plerin.test",
  collegeId: elus,
  role: { function: "Adjointe à la santé", structureId: mairie.id },
});
const martine = await createPerson(t, coordinator, clsm.id, {
  firstName: "Martine",
  lastName: "Guillou",
  collegeId: aidants,
  role: { function: "Présidente déléguée", structureId: unafam.id },
});
const yann = await createPerson(t, coordinator, clsm.id, { firstName: "Yann", lastName: "Évenou" });
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe("searching people", () => {
  it("matches names without accents or case, and accents typed where there are none", async () => {
    expect(ids(await listPeople(t, member, clsm.id, { q: "HELENE" }))).toEqual([helene.id]);
    expect(ids(await listPeople(t, member, clsm.id, { q: "le coeur" }))).toEqual([helene.id]);
    expect(ids(await listPeople(t, member, clsm.id, { q: "evenou" }))).toEqual([yann.id]);
    expect(ids(await listPeople(t, member, clsm.id, { q: "guïllou" }))).toEqual([martine.id]);
  });

  it("matches the structure, its commune, the function and the e-mail", async () => {
    expect(ids(await listPeople(t, member, clsm.id, { q: "unafam" }))).toEqual([martine.id]);
    expect(ids(await listPeople(t, member, clsm.id, { q: "saint brieuc" }))).toEqual([martine.id]);
    expect(ids(await listPeople(t, member, clsm.id, { q: "adjointe a la sante" }))).toEqual([helene.id]);
    expect(ids(await listPeople(t, member, clsm.id, { q: "plerin.test" }))).toEqual([helene.id]);
    expect(await listPeople(t, member, clsm.id, { q: "100%" })).toMatchObject({ total: 0 });
  });

  it("follows a change of structure name and of role", async () => {
    const s = await createStructure(t, coordinator, clsm.id, { name: "GEM L'Escale" });
    const p = await createPerson(t, coordinator, clsm.id, {
      firstName: "Noé",
      lastName: "Tanguy",
      role: { function: "Animateur", structureId: s.id },
    });
    await t.request(coordinator, {
      method: "PATCH",
      url: dir(clsm.id, `/structures/${s.id}`),
      payload: { name: "GEM Le Phare" },
    });
    expect(ids(await listPeople(t, member, clsm.id, { q: "phare" }))).toEqual([p.id]);
    expect(ids(await listPeople(t, member, clsm.id, { q: "escale" }))).toEqual([]);
    await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, `/people/${p.id}/roles`),
      payload: { function: "Pair-aidant", structureId: null },
    });
    expect(ids(await listPeople(t, member, clsm.id, { q: "pair aidant" }))).toEqual([p.id]);
    expect(ids(await listPeople(t, member, clsm.id, { q: "phare" }))).toEqual([]);
    await t.request(coordinator, { method: "DELETE", url: dir(clsm.id, `/people/${p.id}`) });
    await t.request(coordinator, { method: "DELETE", url: dir(clsm.id, `/structures/${s.id}`) });
  });
});

describe("filters, sort and pagination", () => {
  it("filters by collège, pillar, structure type and commune", async () => {
    expect(ids(await listPeople(t, member, clsm.id, { collegeId: elus }))).toEqual([helene.id]);
    expect(ids(await listPeople(t, member, clsm.id, { pillar: "aidants" }))).toEqual([martine.id]);
    expect(ids(await listPeople(t, member, clsm.id, { structureType: "association" }))).toEqual([martine.id]);
    expect(ids(await listPeople(t, member, clsm.id, { communeCode: "22187" }))).toEqual([helene.id]);
    expect(ids(await listPeople(t, member, clsm.id, { pillar: "psychiatrie" }))).toEqual([]);
  });

  it("sorts by last name, by structure and by last update", async () => {
    expect(ids(await listPeople(t, member, clsm.id, { sort: "lastName" }))).toEqual([
      yann.id,
      martine.id,
      helene.id,
    ]);
    // Mairie de Plérin, then UNAFAM 22, then people without a structure.
    expect(ids(await listPeople(t, member, clsm.id, { sort: "structure" }))).toEqual([
      helene.id,
      martine.id,
      yann.id,
    ]);
    await t.request(coordinator, {
      method: "PATCH",
      url: dir(clsm.id, `/people/${martine.id}`),
      payload: { phone: "06 12 34 56 78" },
    });
    expect(ids(await listPeople(t, member, clsm.id, { sort: "updatedAt" }))[0]).toBe(martine.id);
  });

  it("pages with limit and offset and gives the total", async () => {
    const first = await listPeople(t, member, clsm.id, { limit: "2", offset: "0" });
    const second = await listPeople(t, member, clsm.id, { limit: "2", offset: "2" });
    expect(first.total).toBe(3);
    expect(second.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(3);
    const tooMany = await t.request(member, {
      method: "GET",
      url: dir(clsm.id, "/people"),
      query: { limit: "101" },
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it("searches, filters and pages structures", async () => {
    const get = async (query: Record<string, string>) =>
      (await t.request(member, { method: "GET", url: dir(clsm.id, "/structures"), query })).json();
    expect((await get({ q: "plerin" })).items.map((s: { id: string }) => s.id)).toEqual([mairie.id]);
    expect((await get({ type: "association" })).items.map((s: { id: string }) => s.id)).toEqual([unafam.id]);
    expect((await get({ communeCode: "22278" })).total).toBe(1);
    const page = await get({ limit: "1", offset: "1", sort: "name" });
    expect(page.total).toBe(2);
    expect(page.items.map((s: { id: string }) => s.id)).toEqual([unafam.id]);
    expect((await get({ q: "unafam" })).items[0]).toMatchObject({ personCount: 1 });
  });
});
