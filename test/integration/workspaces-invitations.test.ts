import { expect, it } from "vitest";
import type { Member } from "../../src/contracts/workspaces";
import { lastMailTo, linkIn, setupApp } from "../support/app";
import { createTenant } from "../support/factories";

const t = await setupApp();

const membersOf = async (tenant: Awaited<ReturnType<typeof createTenant>>) =>
  (
    await t.request(tenant.coordinator, {
      method: "GET",
      url: `/api/clsms/${tenant.clsm.id}/members?limit=100`,
    })
  ).json().items as Member[];

it("shows who has not accepted their invitation yet, and lets the coordinator send it again", async () => {
  const tenant = await createTenant(t);
  const email = `invitee-${Date.now()}@exemple.test`;
  const add = await t.request(tenant.coordinator, {
    method: "POST",
    url: `/api/clsms/${tenant.clsm.id}/members`,
    payload: { email, name: "Paul Invité" },
  });
  expect(add.statusCode).toBe(201);
  const { userId } = add.json();
  const invitee = (await membersOf(tenant)).find((m) => m.userId === userId);
  expect(invitee?.invitationPending).toBe(true);
  expect((await membersOf(tenant)).find((m) => m.userId === tenant.member.id)?.invitationPending).toBe(false);

  const firstMail = await lastMailTo(t, email);
  const resend = await t.request(tenant.coordinator, {
    method: "POST",
    url: `/api/clsms/${tenant.clsm.id}/members/${userId}/invitation`,
  });
  expect(resend.statusCode).toBe(204);
  const secondMail = await lastMailTo(t, email);
  expect(secondMail?.id).not.toBe(firstMail?.id);
  expect(secondMail?.subject).toContain(tenant.clsm.name);

  const token = linkIn(secondMail?.text ?? "").searchParams.get("token") ?? "";
  const set = await t.app.inject({
    method: "POST",
    url: "/api/password/reset",
    payload: { token, password: "mon-mot-de-passe-paul" },
  });
  expect(set.statusCode).toBe(200);
  expect((await membersOf(tenant)).find((m) => m.userId === userId)?.invitationPending).toBe(false);

  const again = await t.request(tenant.coordinator, {
    method: "POST",
    url: `/api/clsms/${tenant.clsm.id}/members/${userId}/invitation`,
  });
  expect(again.statusCode).toBe(409);
});

it("is reserved to those who manage the CLSM, and only for its members", async () => {
  const tenant = await createTenant(t);
  const other = await createTenant(t);
  const url = `/api/clsms/${tenant.clsm.id}/members/${tenant.member.id}/invitation`;
  expect((await t.request(tenant.member, { method: "POST", url })).statusCode).toBe(403);
  expect((await t.request(other.coordinator, { method: "POST", url })).statusCode).toBe(404);
  const notAMember = `/api/clsms/${tenant.clsm.id}/members/${other.member.id}/invitation`;
  expect((await t.request(tenant.coordinator, { method: "POST", url: notAMember })).statusCode).toBe(404);
});
