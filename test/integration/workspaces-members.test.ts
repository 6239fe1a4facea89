import { describe, expect, it } from "vitest";
import type { Member } from "../../src/contracts/workspaces";
import { lastMailTo, linkIn, setupApp } from "../support/app";
import { addMember, createClsm, expectErrorBody } from "../support/factories";

const t = await setupApp();
const admin = await t.signedIn({ platformRole: "admin" });

async function members(clsmId: string) {
  const res = await t.request(admin, { method: "GET", url: `/api/clsms/${clsmId}/members` });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Member[]; total: number };
}

describe("adding members by e-mail", () => {
  it("adds a person who already has an account, without inviting them", async () => {
    const clsm = await createClsm(t, admin);
    const person = await t.createUser({ name: "Hélène Morvan" });
    const res = await t.request(admin, {
      method: "POST",
      url: `/api/clsms/${clsm.id}/members`,
      payload: { email: person.email.toUpperCase(), role: "member", isChair: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ userId: person.id, invited: false });
    expect(await lastMailTo(t, person.email)).toBeUndefined();
    const list = await members(clsm.id);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      userId: person.id,
      name: "Hélène Morvan",
      role: "member",
      isChair: true,
      isColead: false,
    });
  });

  it("invites an unknown address: the mail names the CLSM and its link sets a password that signs in", async () => {
    const clsm = await createClsm(t, admin, { name: "CLSM de Lamballe" });
    const res = await t.request(admin, {
      method: "POST",
      url: `/api/clsms/${clsm.id}/members`,
      payload: { email: "Yann.Kerleau@Hopital.test", name: "Dr Yann Kerleau", isColead: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ invited: true });

    const mail = await lastMailTo(t, "yann.kerleau@hopital.test");
    expect(mail?.subject).toContain("CLSM de Lamballe");
    expect(mail?.text).toContain("Bonjour Dr Yann Kerleau");
    const link = linkIn(mail?.text ?? "");
    const set = await t.app.inject({
      method: "POST",
      url: "/api/password/reset",
      payload: { token: link.searchParams.get("token"), password: "mon-nouveau-mot-de-passe" },
    });
    expect(set.statusCode).toBe(200);
    const cookie = await t.signIn("yann.kerleau@hopital.test", "mon-nouveau-mot-de-passe");
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.json().memberships).toEqual([
      { clsmId: clsm.id, clsmName: "CLSM de Lamballe", role: "member", isChair: false, isColead: true },
    ]);
  });

  it("refuses a person who is already a member (409), by any spelling of the address", async () => {
    const clsm = await createClsm(t, admin);
    const person = await t.createUser();
    await addMember(t, admin, clsm.id, person);
    const again = await t.request(admin, {
      method: "POST",
      url: `/api/clsms/${clsm.id}/members`,
      payload: { email: ` ${person.email.toUpperCase()} `, role: "coordinator" },
    });
    expect(again.statusCode).toBe(409);
    expect(expectErrorBody(again.body, "CONFLICT")).toMatchObject({ fields: { email: expect.any(String) } });
    expect((await members(clsm.id)).items.map((m) => m.role)).toEqual(["member"]);
  });
});

describe("changing members", () => {
  it("PATCH changes the role and the chair / co-lead flags", async () => {
    const clsm = await createClsm(t, admin);
    const person = await t.createUser();
    await addMember(t, admin, clsm.id, person);
    const res = await t.request(admin, {
      method: "PATCH",
      url: `/api/clsms/${clsm.id}/members/${person.id}`,
      payload: { role: "coordinator", isColead: true },
    });
    expect(res.statusCode).toBe(204);
    expect((await members(clsm.id)).items[0]).toMatchObject({
      role: "coordinator",
      isColead: true,
      isChair: false,
    });

    await t.request(admin, {
      method: "PATCH",
      url: `/api/clsms/${clsm.id}/members/${person.id}`,
      payload: { isChair: true },
    });
    expect((await members(clsm.id)).items[0]).toMatchObject({
      role: "coordinator",
      isColead: true,
      isChair: true,
    });
  });

  it("an empty PATCH changes nothing and does not fail", async () => {
    const clsm = await createClsm(t, admin);
    const person = await t.createUser();
    await addMember(t, admin, clsm.id, person, { isChair: true });
    const res = await t.request(admin, {
      method: "PATCH",
      url: `/api/clsms/${clsm.id}/members/${person.id}`,
      payload: {},
    });
    expect(res.statusCode).toBe(204);
    expect((await members(clsm.id)).items[0]).toMatchObject({ role: "member", isChair: true });
  });

  it("removes a member", async () => {
    const clsm = await createClsm(t, admin);
    const person = await t.createUser();
    await addMember(t, admin, clsm.id, person);
    const res = await t.request(admin, {
      method: "DELETE",
      url: `/api/clsms/${clsm.id}/members/${person.id}`,
    });
    expect(res.statusCode).toBe(204);
    expect(await members(clsm.id)).toEqual({ items: [], total: 0 });
    const again = await t.request(admin, {
      method: "DELETE",
      url: `/api/clsms/${clsm.id}/members/${person.id}`,
    });
    expect(again.statusCode).toBe(404);
  });
});

describe("the last coordinator", () => {
  it("cannot be removed nor demoted (409); once a second coordinator exists, they can", async () => {
    const clsm = await createClsm(t, admin);
    const [first, second] = [await t.createUser(), await t.createUser()];
    await addMember(t, admin, clsm.id, first, { role: "coordinator" });

    const remove = await t.request(admin, {
      method: "DELETE",
      url: `/api/clsms/${clsm.id}/members/${first.id}`,
    });
    expect(remove.statusCode).toBe(409);
    expect(expectErrorBody(remove.body, "CONFLICT").message).toBe(
      "Un CLSM doit garder au moins un·e coordinateur·rice.",
    );
    const demote = await t.request(admin, {
      method: "PATCH",
      url: `/api/clsms/${clsm.id}/members/${first.id}`,
      payload: { role: "member" },
    });
    expect(demote.statusCode).toBe(409);
    expect((await members(clsm.id)).items.map((m) => m.role)).toEqual(["coordinator"]);

    await addMember(t, admin, clsm.id, second, { role: "coordinator" });
    const demoted = await t.request(admin, {
      method: "PATCH",
      url: `/api/clsms/${clsm.id}/members/${first.id}`,
      payload: { role: "member" },
    });
    expect(demoted.statusCode).toBe(204);
    const lastOne = await t.request(admin, {
      method: "DELETE",
      url: `/api/clsms/${clsm.id}/members/${second.id}`,
    });
    expect(lastOne.statusCode).toBe(409);
  });

  it("a coordinator may be re-confirmed as coordinator even when alone", async () => {
    const clsm = await createClsm(t, admin);
    const only = await t.createUser();
    await addMember(t, admin, clsm.id, only, { role: "coordinator" });
    const res = await t.request(admin, {
      method: "PATCH",
      url: `/api/clsms/${clsm.id}/members/${only.id}`,
      payload: { role: "coordinator", isChair: true },
    });
    expect(res.statusCode).toBe(204);
  });
});
