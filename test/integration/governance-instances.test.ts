import { describe, expect, it } from "vitest";
import type { InstanceListItem } from "../../src/contracts/governance";
import { setupApp } from "../support/app";
import { collegeId, createPerson, dir, listPeople } from "../support/directory";
import { createTenant, expectErrorBody } from "../support/factories";
import { addMembers, createInstance, getInstance, instancesUrl } from "../support/governance";

const t = await setupApp();

describe("instances", () => {
  it("creates a COPIL and a working group attached to it; members read them, only coordinators write", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    const copil = await createInstance(t, coordinator, clsm.id, {
      kind: "copil",
      name: "Comité de pilotage",
      purpose: "Définir les orientations du CLSM.",
    });
    expect(copil).toMatchObject({ kind: "copil", memberCount: 0, parentId: null, archivedAt: null });
    expect(copil.missingPillars).toEqual(["elus", "psychiatrie", "usagers", "aidants"]);
    const group = await createInstance(t, coordinator, clsm.id, {
      kind: "groupe_travail",
      name: "Groupe logement",
      theme: "Logement et habitat",
      audience: "Adultes",
      parentId: copil.id,
    });
    expect(group).toMatchObject({
      parentId: copil.id,
      parentName: "Comité de pilotage",
      theme: "Logement et habitat",
    });
    expect((await getInstance(t, coordinator, clsm.id, copil.id)).children).toEqual([
      { id: group.id, name: "Groupe logement", archived: false },
    ]);

    const list = await t.request(member, { method: "GET", url: instancesUrl(clsm.id) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: InstanceListItem) => i.name)).toEqual([
      "Comité de pilotage",
      "Groupe logement",
    ]);
    expect(list.json().can).toEqual({ manage: false });
    const byKind = await t.request(member, {
      method: "GET",
      url: instancesUrl(clsm.id),
      query: { kind: "groupe_travail" },
    });
    expect(byKind.json().items).toHaveLength(1);

    for (const [method, url, payload] of [
      ["POST", instancesUrl(clsm.id), { kind: "pleniere", name: "Plénière" }],
      ["PATCH", instancesUrl(clsm.id, `/${copil.id}`), { name: "X" }],
      ["DELETE", instancesUrl(clsm.id, `/${copil.id}`), undefined],
    ] as const) {
      const res = await t.request(member, { method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it("attaches only a working group, and only to a COPIL of the CLSM; a COPIL with groups keeps its kind", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const copil = await createInstance(t, coordinator, clsm.id, { kind: "copil", name: "COPIL" });
    const pleniere = await createInstance(t, coordinator, clsm.id, { kind: "pleniere", name: "Plénière" });
    const notCopil = await t.request(coordinator, {
      method: "POST",
      url: instancesUrl(clsm.id),
      payload: { kind: "groupe_travail", name: "GT", parentId: pleniere.id },
    });
    expect(notCopil.statusCode).toBe(400);
    expect(notCopil.json().error.fields).toHaveProperty("parentId");
    const notGroup = await t.request(coordinator, {
      method: "POST",
      url: instancesUrl(clsm.id),
      payload: { kind: "pleniere", name: "P2", parentId: copil.id },
    });
    expect(notGroup.statusCode).toBe(400);
    const unknown = await t.request(coordinator, {
      method: "POST",
      url: instancesUrl(clsm.id),
      payload: { kind: "groupe_travail", name: "GT", parentId: crypto.randomUUID() },
    });
    expect(unknown.statusCode).toBe(400);

    await createInstance(t, coordinator, clsm.id, { kind: "groupe_travail", name: "GT", parentId: copil.id });
    const change = await t.request(coordinator, {
      method: "PATCH",
      url: instancesUrl(clsm.id, `/${copil.id}`),
      payload: { kind: "autre" },
    });
    expect(change.statusCode).toBe(409);
    expectErrorBody(change.body, "CONFLICT");
  });

  it("archives and reactivates; archived instances are listed apart and take no new member", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const gt = await createInstance(t, coordinator, clsm.id, { kind: "groupe_travail", name: "SISM 2026" });
    const person = await createPerson(t, coordinator, clsm.id, { firstName: "Lou", lastName: "Martin" });
    const archived = await t.request(coordinator, {
      method: "PATCH",
      url: instancesUrl(clsm.id, `/${gt.id}`),
      payload: { archived: true },
    });
    expect(archived.json().archivedAt).not.toBeNull();
    const active = await t.request(coordinator, { method: "GET", url: instancesUrl(clsm.id) });
    expect(active.json().items).toEqual([]);
    const old = await t.request(coordinator, {
      method: "GET",
      url: instancesUrl(clsm.id),
      query: { archived: "true" },
    });
    expect(old.json().items.map((i: InstanceListItem) => i.id)).toEqual([gt.id]);
    const refused = await t.request(coordinator, {
      method: "POST",
      url: instancesUrl(clsm.id, `/${gt.id}/members`),
      payload: { personIds: [person.id] },
    });
    expect(refused.statusCode).toBe(409);
    await t.request(coordinator, {
      method: "PATCH",
      url: instancesUrl(clsm.id, `/${gt.id}`),
      payload: { archived: false },
    });
    expect((await addMembers(t, coordinator, clsm.id, gt.id, { personIds: [person.id] })).added).toBe(1);
  });

  it("deletes an instance with its memberships; its working groups stay, detached", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const copil = await createInstance(t, coordinator, clsm.id, { kind: "copil", name: "COPIL" });
    const gt = await createInstance(t, coordinator, clsm.id, {
      kind: "groupe_travail",
      name: "GT",
      parentId: copil.id,
    });
    const person = await createPerson(t, coordinator, clsm.id, { firstName: "Lou", lastName: "Martin" });
    await addMembers(t, coordinator, clsm.id, copil.id, { personIds: [person.id] });
    const res = await t.request(coordinator, {
      method: "DELETE",
      url: instancesUrl(clsm.id, `/${copil.id}`),
    });
    expect(res.statusCode).toBe(204);
    expect(
      (await t.request(coordinator, { method: "GET", url: instancesUrl(clsm.id, `/${copil.id}`) }))
        .statusCode,
    ).toBe(404);
    expect((await getInstance(t, coordinator, clsm.id, gt.id)).parentId).toBeNull();
    const memberships = await t.request(coordinator, {
      method: "GET",
      url: dir(clsm.id, `/people/${person.id}/instances`),
    });
    expect(memberships.json().items).toEqual([]);
  });
});

describe("members and pillars", () => {
  it("adds many people at once, skips current members, and shows the pillars of the instance", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    const elus = await collegeId(t, coordinator, clsm.id, "elus");
    const psy = await collegeId(t, coordinator, clsm.id, "psychiatrie");
    const mayor = await createPerson(t, coordinator, clsm.id, {
      firstName: "Anne",
      lastName: "Maire",
      collegeId: elus,
    });
    const doctor = await createPerson(t, coordinator, clsm.id, {
      firstName: "Paul",
      lastName: "Psy",
      collegeId: psy,
      role: { function: "Psychiatre, chef de pôle" },
    });
    const copil = await createInstance(t, coordinator, clsm.id, { kind: "copil", name: "COPIL" });
    expect(
      await addMembers(t, coordinator, clsm.id, copil.id, { personIds: [mayor.id], role: "president" }),
    ).toEqual({
      added: 1,
      alreadyMembers: 0,
    });
    expect(
      await addMembers(t, coordinator, clsm.id, copil.id, { personIds: [mayor.id, doctor.id, doctor.id] }),
    ).toEqual({ added: 1, alreadyMembers: 1 });

    const detail = await getInstance(t, member, clsm.id, copil.id);
    expect(detail.members?.map((x) => [x.name, x.role, x.endDate])).toEqual([
      ["Anne Maire", "president", null],
      ["Paul Psy", "membre", null],
    ]);
    expect(detail.members?.[1]).toMatchObject({
      function: "Psychiatre, chef de pôle",
      pillar: "psychiatrie",
    });
    expect(detail.memberCount).toBe(2);
    expect(detail.missingPillars).toEqual(["usagers", "aidants"]);
    const aidants = detail.pillars?.find((p) => p.pillar === "aidants");
    expect(aidants).toMatchObject({ present: false, count: 0 });
    expect(aidants?.warning).toBe("Aucun·e représentant·e du pilier « Aidants » dans le COPIL.");
    expect(detail.pillars?.find((p) => p.pillar === "elus")).toMatchObject({ present: true, count: 1 });

    const list = await t.request(member, { method: "GET", url: instancesUrl(clsm.id) });
    expect(list.json().items[0]).toMatchObject({ memberCount: 2, missingPillars: ["usagers", "aidants"] });
  });

  it("ends a membership (history kept), changes a role, and refuses an end before the start", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const person = await createPerson(t, coordinator, clsm.id, { firstName: "Lou", lastName: "Martin" });
    const gt = await createInstance(t, coordinator, clsm.id, { kind: "groupe_travail", name: "GT" });
    await addMembers(t, coordinator, clsm.id, gt.id, { personIds: [person.id], startDate: "2026-01-15" });
    const membershipId = (await getInstance(t, coordinator, clsm.id, gt.id)).members?.[0]?.id;
    const url = instancesUrl(clsm.id, `/${gt.id}/members/${membershipId}`);

    const before = await t.request(coordinator, { method: "PATCH", url, payload: { endDate: "2025-12-31" } });
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields).toHaveProperty("endDate");
    const role = await t.request(coordinator, { method: "PATCH", url, payload: { role: "coanimateur" } });
    expect(role.json().members[0]).toMatchObject({ role: "coanimateur", startDate: "2026-01-15" });
    const ended = await t.request(coordinator, { method: "PATCH", url, payload: { endDate: "2026-06-30" } });
    expect(ended.json()).toMatchObject({ memberCount: 0, members: [{ endDate: "2026-06-30" }] });

    // Back in the group: a new membership, the old one stays as history; reopening the old one is refused.
    await addMembers(t, coordinator, clsm.id, gt.id, { personIds: [person.id], startDate: "2026-09-01" });
    const again = await getInstance(t, coordinator, clsm.id, gt.id);
    expect(again.members?.map((x) => [x.startDate, x.endDate])).toEqual([
      ["2026-09-01", null],
      ["2026-01-15", "2026-06-30"],
    ]);
    const reopen = await t.request(coordinator, { method: "PATCH", url, payload: { endDate: null } });
    expect(reopen.statusCode).toBe(409);

    const persons = await t.request(coordinator, {
      method: "GET",
      url: dir(clsm.id, `/people/${person.id}/instances`),
    });
    expect(persons.json().items).toHaveLength(2);
    const removed = await t.request(coordinator, { method: "DELETE", url });
    expect(removed.json().members).toHaveLength(1);
  });

  it("refuses people who are not in the CLSM's directory, changing nothing", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const other = await createTenant(t);
    const stranger = await createPerson(t, other.coordinator, other.clsm.id, {
      firstName: "X",
      lastName: "Y",
    });
    const person = await createPerson(t, coordinator, clsm.id, { firstName: "Lou", lastName: "Martin" });
    const copil = await createInstance(t, coordinator, clsm.id, { kind: "copil", name: "COPIL" });
    const res = await t.request(coordinator, {
      method: "POST",
      url: instancesUrl(clsm.id, `/${copil.id}/members`),
      payload: { personIds: [person.id, stranger.id] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty("personIds");
    expect((await getInstance(t, coordinator, clsm.id, copil.id)).memberCount).toBe(0);
  });

  it("keeps the members of a confidential instance for the coordination only", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    const person = await createPerson(t, coordinator, clsm.id, { firstName: "Lou", lastName: "Martin" });
    const cellule = await createInstance(t, coordinator, clsm.id, {
      kind: "autre",
      name: "Cellule de réflexion",
      confidential: true,
    });
    await addMembers(t, coordinator, clsm.id, cellule.id, { personIds: [person.id] });
    const seen = await getInstance(t, member, clsm.id, cellule.id);
    expect(seen).toMatchObject({ confidential: true, members: null, pillars: null, memberCount: null });
    expect((await getInstance(t, coordinator, clsm.id, cellule.id)).memberCount).toBe(1);
    const filtered = await t.request(member, {
      method: "GET",
      url: dir(clsm.id, "/people"),
      query: { instanceId: cellule.id },
    });
    expect(filtered.statusCode).toBe(400);
    const personsInstances = await t.request(member, {
      method: "GET",
      url: dir(clsm.id, `/people/${person.id}/instances`),
    });
    expect(personsInstances.json().items).toEqual([]);
  });
});

describe("the directory and the instances", () => {
  it("filters the people list by instance membership (current members only)", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    const a = await createPerson(t, coordinator, clsm.id, { firstName: "Alix", lastName: "Abel" });
    const b = await createPerson(t, coordinator, clsm.id, { firstName: "Bea", lastName: "Bernard" });
    await createPerson(t, coordinator, clsm.id, { firstName: "Cyr", lastName: "Caron" });
    const gt = await createInstance(t, coordinator, clsm.id, { kind: "groupe_travail", name: "GT" });
    await addMembers(t, coordinator, clsm.id, gt.id, { personIds: [a.id, b.id] });
    const bId = (await getInstance(t, coordinator, clsm.id, gt.id)).members?.find(
      (x) => x.personId === b.id,
    )?.id;
    await t.request(coordinator, {
      method: "PATCH",
      url: instancesUrl(clsm.id, `/${gt.id}/members/${bId}`),
      payload: { endDate: "2026-01-01", startDate: "2025-01-01" },
    });
    const people = await listPeople(t, member, clsm.id, { instanceId: gt.id });
    expect(people.items.map((p) => p.lastName)).toEqual(["Abel"]);
    const unknown = await t.request(member, {
      method: "GET",
      url: dir(clsm.id, "/people"),
      query: { instanceId: crypto.randomUUID() },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty("instanceId");
  });

  it("a merge moves the memberships to the kept record, without a duplicate current one", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const kept = await createPerson(t, coordinator, clsm.id, { firstName: "Lou", lastName: "Martin" });
    const dup = await createPerson(t, coordinator, clsm.id, { firstName: "Louise", lastName: "Martin" });
    const copil = await createInstance(t, coordinator, clsm.id, { kind: "copil", name: "COPIL" });
    const gt = await createInstance(t, coordinator, clsm.id, { kind: "groupe_travail", name: "GT" });
    await addMembers(t, coordinator, clsm.id, copil.id, { personIds: [kept.id, dup.id] });
    await addMembers(t, coordinator, clsm.id, gt.id, { personIds: [dup.id], role: "coanimateur" });
    const merged = await t.request(coordinator, {
      method: "POST",
      url: dir(clsm.id, `/people/${kept.id}/merge`),
      payload: { otherId: dup.id },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await getInstance(t, coordinator, clsm.id, copil.id)).members?.map((x) => x.personId)).toEqual([
      kept.id,
    ]);
    expect((await getInstance(t, coordinator, clsm.id, gt.id)).members).toMatchObject([
      { personId: kept.id, role: "coanimateur" },
    ]);
  });

  it("exports a person's memberships with their data; erasing the person erases them", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const person = await createPerson(t, coordinator, clsm.id, { firstName: "Lou", lastName: "Martin" });
    const copil = await createInstance(t, coordinator, clsm.id, { kind: "copil", name: "COPIL de la ville" });
    await addMembers(t, coordinator, clsm.id, copil.id, {
      personIds: [person.id],
      role: "suppleant",
      startDate: "2026-02-01",
    });
    const exported = await t.request(coordinator, {
      method: "GET",
      url: dir(clsm.id, `/people/${person.id}/export`),
    });
    expect(exported.json().instances).toEqual([
      {
        instance: "COPIL de la ville",
        kind: "Comité de pilotage (COPIL)",
        role: "Suppléant·e",
        startDate: "2026-02-01",
        endDate: null,
      },
    ]);
    await t.request(coordinator, { method: "DELETE", url: dir(clsm.id, `/people/${person.id}`) });
    expect((await getInstance(t, coordinator, clsm.id, copil.id)).members).toEqual([]);
  });
});

describe("bad input", () => {
  it("answers 400 naming the field, and writes nothing", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const copil = await createInstance(t, coordinator, clsm.id, { kind: "copil", name: "COPIL" });
    const cases: [string, string, unknown, string][] = [
      ["POST", instancesUrl(clsm.id), { kind: "conseil", name: "X" }, "kind"],
      ["POST", instancesUrl(clsm.id), { kind: "copil", name: "  " }, "name"],
      ["POST", instancesUrl(clsm.id), { kind: "copil", name: "x".repeat(161) }, "name"],
      ["POST", instancesUrl(clsm.id), { kind: "copil", name: "A\u0000B" }, "name"],
      ["POST", instancesUrl(clsm.id), { kind: "copil", name: "X", purpose: "y".repeat(5001) }, "purpose"],
      ["POST", instancesUrl(clsm.id), { kind: "copil", name: "X", parentId: "pas-un-id" }, "parentId"],
      ["PATCH", instancesUrl(clsm.id, `/${copil.id}`), { archived: "oui" }, "archived"],
      ["POST", instancesUrl(clsm.id, `/${copil.id}/members`), { personIds: [] }, "personIds"],
      ["POST", instancesUrl(clsm.id, `/${copil.id}/members`), { personIds: ["x"] }, "personIds.0"],
      [
        "POST",
        instancesUrl(clsm.id, `/${copil.id}/members`),
        { personIds: [crypto.randomUUID()], role: "chef" },
        "role",
      ],
      [
        "POST",
        instancesUrl(clsm.id, `/${copil.id}/members`),
        { personIds: [crypto.randomUUID()], startDate: "2026-02-30" },
        "startDate",
      ],
    ];
    for (const [method, url, payload, field] of cases) {
      const res = await t.request(coordinator, { method: method as "POST", url, payload: payload as object });
      expect(res.statusCode, `${method} ${JSON.stringify(payload)}`).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}), JSON.stringify(payload)).toContain(field);
    }
    const list = await t.request(coordinator, { method: "GET", url: instancesUrl(clsm.id) });
    expect(list.json().items).toHaveLength(1);
    const badQuery = await t.request(coordinator, {
      method: "GET",
      url: instancesUrl(clsm.id),
      query: { kind: "x" },
    });
    expect(badQuery.statusCode).toBe(400);
    const unknownMembership = await t.request(coordinator, {
      method: "PATCH",
      url: instancesUrl(clsm.id, `/${copil.id}/members/${crypto.randomUUID()}`),
      payload: { role: "invite" },
    });
    expect(unknownMembership.statusCode).toBe(404);
  });
});
