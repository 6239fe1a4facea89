import { describe, expect, it } from "vitest";
import type { ClsmDetail } from "../../src/contracts/workspaces";
import { BREST, type Person, setupApp } from "../support/app";
import { addMember, createClsm, createTenant, expectErrorBody } from "../support/factories";

const t = await setupApp();

/** Every write on a CLSM, as inject options. */
const writesOn = (clsmId: string, otherUserId: string) => [
  { method: "PATCH" as const, url: `/api/clsms/${clsmId}`, payload: { name: "Nouveau nom" } },
  { method: "PUT" as const, url: `/api/clsms/${clsmId}/territory`, payload: { communeCodes: [BREST] } },
  {
    method: "POST" as const,
    url: `/api/clsms/${clsmId}/members`,
    payload: { email: "nouveau@exemple.test" },
  },
  {
    method: "PATCH" as const,
    url: `/api/clsms/${clsmId}/members/${otherUserId}`,
    payload: { isChair: true },
  },
  { method: "DELETE" as const, url: `/api/clsms/${clsmId}/members/${otherUserId}` },
];

const detail = async (person: Person, clsmId: string) => {
  const res = await t.request(person, { method: "GET", url: `/api/clsms/${clsmId}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ClsmDetail;
};

describe("a member of two CLSMs", () => {
  it("sees both in /api/me and in the list, and can switch between them", async () => {
    const a = await createTenant(t, { name: "CLSM Alpha" });
    const b = await createClsm(t, a.admin, { name: "CLSM Bêta" });
    await addMember(t, a.admin, b.id, a.member, { role: "coordinator" });

    const me = (await t.request(a.member, { method: "GET", url: "/api/me" })).json();
    expect(me.memberships).toEqual([
      { clsmId: a.clsm.id, clsmName: "CLSM Alpha", role: "member", isChair: false, isColead: false },
      { clsmId: b.id, clsmName: "CLSM Bêta", role: "coordinator", isChair: false, isColead: false },
    ]);
    expect(me.can).toEqual({ createClsm: false, manageUsers: false, readOutbox: false, browseClsms: false });

    const list = (await t.request(a.member, { method: "GET", url: "/api/clsms" })).json();
    expect(list.items.map((c: { id: string }) => c.id).sort()).toEqual([a.clsm.id, b.id].sort());
    expect(list.total).toBe(2);

    expect((await detail(a.member, a.clsm.id)).can.manage).toBe(false);
    expect((await detail(a.member, b.id)).can.manage).toBe(true);
    const members = await t.request(a.member, { method: "GET", url: `/api/clsms/${b.id}/members` });
    expect(members.statusCode).toBe(200);
  });
});

describe("a plain member", () => {
  it("reads the CLSM, its map and its members, with every `can` flag false", async () => {
    const { clsm, member } = await createTenant(t);
    expect((await detail(member, clsm.id)).can).toEqual({
      manage: false,
      manageMembers: false,
      editTerritory: false,
    });
    for (const url of [`/api/clsms/${clsm.id}/map`, `/api/clsms/${clsm.id}/members`]) {
      expect((await t.request(member, { method: "GET", url })).statusCode).toBe(200);
    }
  });

  it("is refused every write with 403 (it can see the CLSM), and nothing changes", async () => {
    const { clsm, member, coordinator } = await createTenant(t);
    for (const write of writesOn(clsm.id, coordinator.id)) {
      const res = await t.request(member, write);
      expect(res.statusCode, `${write.method} ${write.url}`).toBe(403);
      expectErrorBody(res.body, "FORBIDDEN");
    }
    const after = await detail(coordinator, clsm.id);
    expect(after.name).toBe(clsm.name);
    expect(after.territory).toEqual(clsm.territory);
    expect(after.memberCount).toBe(2);
  });

  it("cannot promote themself", async () => {
    const { clsm, member } = await createTenant(t);
    const res = await t.request(member, {
      method: "PATCH",
      url: `/api/clsms/${clsm.id}/members/${member.id}`,
      payload: { role: "coordinator" },
    });
    expect(res.statusCode).toBe(403);
    expect((await detail(member, clsm.id)).can.manage).toBe(false);
  });
});

describe("a coordinator", () => {
  it("manages their CLSM, and the `can` flags say so", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    expect((await detail(coordinator, clsm.id)).can).toEqual({
      manage: true,
      manageMembers: true,
      editTerritory: true,
    });
    const statuses = [];
    for (const write of writesOn(clsm.id, member.id))
      statuses.push((await t.request(coordinator, write)).statusCode);
    expect(statuses).toEqual([200, 200, 201, 204, 204]);
    const after = await detail(coordinator, clsm.id);
    expect(after.name).toBe("Nouveau nom");
    expect(after.territory.communes.map((c) => c.code)).toEqual([BREST]);
  });

  it("cannot create a CLSM nor reach the platform administration", async () => {
    const { coordinator } = await createTenant(t);
    const create = await t.request(coordinator, {
      method: "POST",
      url: "/api/clsms",
      payload: { name: "CLSM sauvage", territory: { communeCodes: [BREST] } },
    });
    expect(create.statusCode).toBe(403);
    for (const url of ["/api/admin/users", "/api/admin/mail"]) {
      expect((await t.request(coordinator, { method: "GET", url })).statusCode).toBe(403);
    }
  });
});

describe("a person without any membership", () => {
  it("sees an empty list and gets 404 on any CLSM", async () => {
    const { clsm } = await createTenant(t);
    const outsider = await t.signedIn();
    expect((await t.request(outsider, { method: "GET", url: "/api/clsms" })).json()).toEqual({
      items: [],
      total: 0,
    });
    expect((await t.request(outsider, { method: "GET", url: `/api/clsms/${clsm.id}` })).statusCode).toBe(404);
  });
});
