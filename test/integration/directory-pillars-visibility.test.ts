import { describe, expect, it } from "vitest";
import { setupApp } from "../support/app";
import { collegeId, createPerson, createStructure, dir, listPeople } from "../support/directory";
import { addMember, createTenant } from "../support/factories";

const t = await setupApp();

describe("the pillars dashboard", () => {
  it("says which pillars are present, by whom, and warns about the missing ones", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    const empty = (await t.request(member, { method: "GET", url: dir(clsm.id, "/pillars") })).json();
    expect(empty.complete).toBe(false);
    expect(empty.pillars.map((p: { pillar: string }) => p.pillar)).toEqual([
      "elus",
      "psychiatrie",
      "usagers",
      "aidants",
    ]);
    expect(empty.pillars.every((p: { warning: string | null }) => p.warning?.includes("Aucun"))).toBe(true);

    const elus = await collegeId(t, coordinator, clsm.id, "elus");
    const psy = await collegeId(t, coordinator, clsm.id, "psychiatrie");
    const usagers = await collegeId(t, coordinator, clsm.id, "usagers");
    const mairie = await createStructure(t, coordinator, clsm.id, { name: "Mairie de Saint-Brieuc" });
    await createPerson(t, coordinator, clsm.id, {
      firstName: "Hélène",
      lastName: "Morvan",
      collegeId: elus,
      role: { function: "Maire adjointe", structureId: mairie.id },
    });
    for (let i = 0; i < 6; i++)
      await createPerson(t, coordinator, clsm.id, {
        firstName: `Soignant ${i}`,
        lastName: "CMP",
        collegeId: psy,
      });
    // The pillar is the person's, not only the collège's: a GEM member in "Associations" represents usagers.
    const assoc = await collegeId(t, coordinator, clsm.id, null, "Associations");
    await createPerson(t, coordinator, clsm.id, {
      firstName: "Noé",
      lastName: "GEM",
      collegeId: assoc,
      pillar: "usagers",
    });
    await createPerson(t, coordinator, clsm.id, {
      firstName: "Sans",
      lastName: "Pilier",
      collegeId: usagers,
      pillar: null,
    });

    const res = await t.request(member, { method: "GET", url: dir(clsm.id, "/pillars") });
    expect(res.statusCode).toBe(200);
    const [e, p, u, a] = res.json().pillars;
    expect(e).toMatchObject({
      present: true,
      count: 1,
      warning: null,
      people: [
        { name: "Hélène Morvan", structureName: "Mairie de Saint-Brieuc", function: "Maire adjointe" },
      ],
    });
    expect(p).toMatchObject({ present: true, count: 6 });
    expect(p.people).toHaveLength(5);
    expect(u).toMatchObject({ present: true, count: 1, people: [{ name: "Noé GEM" }] });
    expect(a).toMatchObject({ present: false, count: 0, people: [], label: "Aidants" });
    expect(a.warning).toContain("Aidants");
    expect(res.json().complete).toBe(false);
  });

  it("can be computed among some people only (an instance's members, later)", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const elus = await collegeId(t, coordinator, clsm.id, "elus");
    const one = await createPerson(t, coordinator, clsm.id, {
      firstName: "A",
      lastName: "A",
      collegeId: elus,
    });
    await createPerson(t, coordinator, clsm.id, { firstName: "B", lastName: "B", collegeId: elus });
    const some = await t.services.directory.pillarsOf(t.database.db, clsm.id, [one.id]);
    expect(some.pillars[0]).toMatchObject({ count: 1, people: [{ id: one.id }] });
    const none = await t.services.directory.pillarsOf(t.database.db, clsm.id, []);
    expect(none.pillars.every((p) => !p.present)).toBe(true);
  });
});

describe("contact visibility", () => {
  it("members see e-mails and phones unless the coordinator hides them; coordinators always do", async () => {
    const { clsm, coordinator, member, admin } = await createTenant(t);
    const ars = await t.signedIn({ platformRole: "ars", arsRegionCode: "53" });
    const p = await createPerson(t, coordinator, clsm.id, {
      firstName: "Anne",
      lastName: "Visible",
      email: "anne@exemple.test",
      phone: "0296000000",
    });
    expect((await listPeople(t, member, clsm.id)).items[0]).toMatchObject({ email: "anne@exemple.test" });

    const denied = await t.request(member, {
      method: "PATCH",
      url: dir(clsm.id, "/settings"),
      payload: { contactsVisibleToMembers: false },
    });
    expect(denied.statusCode).toBe(403);
    const arsDenied = await t.request(ars, {
      method: "PATCH",
      url: dir(clsm.id, "/settings"),
      payload: { contactsVisibleToMembers: false },
    });
    expect(arsDenied.statusCode).toBe(403);
    const hidden = await t.request(coordinator, {
      method: "PATCH",
      url: dir(clsm.id, "/settings"),
      payload: { contactsVisibleToMembers: false },
    });
    expect(hidden.json()).toEqual({ contactsVisibleToMembers: false, can: { manage: true } });

    for (const reader of [member, ars]) {
      const list = await listPeople(t, reader, clsm.id);
      expect(list.contactsVisible).toBe(false);
      expect(list.items[0]).toMatchObject({ email: null, phone: null, lastName: "Visible" });
      const one = await t.request(reader, { method: "GET", url: dir(clsm.id, `/people/${p.id}`) });
      expect(one.json()).toMatchObject({ email: null, phone: null });
      expect(JSON.stringify([list, one.json()])).not.toContain("anne@exemple.test");
    }
    // Searching by the hidden address must not reveal it either.
    expect((await listPeople(t, member, clsm.id, { q: "anne@exemple" })).total).toBe(0);

    for (const reader of [coordinator, admin]) {
      const list = await listPeople(t, reader, clsm.id);
      expect(list.items[0]).toMatchObject({ email: "anne@exemple.test", phone: "0296000000" });
    }
    const settings = await t.request(member, { method: "GET", url: dir(clsm.id, "/settings") });
    expect(settings.json()).toEqual({ contactsVisibleToMembers: false, can: { manage: false } });
    const otherMember = await t.signedIn();
    await addMember(t, admin, clsm.id, otherMember, { role: "coordinator" });
    expect((await listPeople(t, otherMember, clsm.id)).items[0]?.email).toBe("anne@exemple.test");
  });
});
