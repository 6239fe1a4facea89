import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Member } from "../../src/contracts/workspaces";
import { mailMessage } from "../../src/server/mail/tables";
import { setupApp } from "../support/app";
import { addMember, createClsm } from "../support/factories";

// Simultaneous requests (two browser tabs, two coordinators) must give the same answers as one after
// the other: a 409 rather than a 500, and never a CLSM left without a coordinator.

const t = await setupApp();
const admin = await t.signedIn({ platformRole: "admin" });

const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

describe("simultaneous changes to a CLSM's members", () => {
  it("adding the same new address twice at once: one invitation, one 409", async () => {
    for (let round = 0; round < 3; round++) {
      const clsm = await createClsm(t, admin);
      const request = {
        method: "POST" as const,
        url: `/api/clsms/${clsm.id}/members`,
        payload: { email: `double-${round}@exemple.test` },
      };
      const responses = await Promise.all([t.request(admin, request), t.request(admin, request)]);
      expect(statuses(responses)).toEqual([201, 409]);
    }
  });

  it("two CLSMs inviting the same new address at once: one person, one invitation, member of both", async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = [await createClsm(t, admin), await createClsm(t, admin)];
      const email = `partagee-${round}@exemple.test`;
      const invite = (clsmId: string) =>
        t.request(admin, { method: "POST", url: `/api/clsms/${clsmId}/members`, payload: { email } });
      const responses = await Promise.all([invite(a.id), invite(b.id)]);
      expect(statuses(responses)).toEqual([201, 201]);
      expect(responses.map((r) => r.json().invited).sort()).toEqual([false, true]);
      expect(new Set(responses.map((r) => r.json().userId)).size).toBe(1);
      const mails = await t.database.db.select().from(mailMessage).where(eq(mailMessage.to, email));
      expect(mails).toHaveLength(1);
    }
  });

  it("the admin inviting the same person twice at once: one 201, one 409", async () => {
    const request = {
      method: "POST" as const,
      url: "/api/admin/users",
      payload: { name: "Double", email: "double-admin@exemple.test" },
    };
    const responses = await Promise.all([t.request(admin, request), t.request(admin, request)]);
    expect(statuses(responses)).toEqual([201, 409]);
  });

  it("two coordinators demoting each other at once: one of them stays coordinator", async () => {
    for (let round = 0; round < 3; round++) {
      const clsm = await createClsm(t, admin);
      const [a, b] = await Promise.all([t.signedIn(), t.signedIn()]);
      await addMember(t, admin, clsm.id, a, { role: "coordinator" });
      await addMember(t, admin, clsm.id, b, { role: "coordinator" });
      const demote = (by: typeof a, target: typeof a) =>
        t.request(by, {
          method: "PATCH",
          url: `/api/clsms/${clsm.id}/members/${target.id}`,
          payload: { role: "member" },
        });
      const responses = await Promise.all([demote(a, b), demote(b, a)]);
      const members = (
        await t.request(admin, { method: "GET", url: `/api/clsms/${clsm.id}/members` })
      ).json();
      expect(members.items.filter((m: Member) => m.role === "coordinator")).toHaveLength(1);
      // The second is refused: 409 if it checked the count first, 403 if its author was already demoted.
      const [first, second] = statuses(responses);
      expect(first).toBe(204);
      expect([403, 409]).toContain(second);
    }
  });

  it("two territory changes at once both succeed, the last one winning whole", async () => {
    for (let round = 0; round < 5; round++) await territoryRace();
  });
});

/** Two PUTs of different territories at once; the result must be one of them, not a mix. */
async function territoryRace() {
  const clsm = await createClsm(t, admin);
  const put = (codes: string[]) =>
    t.request(admin, {
      method: "PUT",
      url: `/api/clsms/${clsm.id}/territory`,
      payload: { communeCodes: codes },
    });
  const responses = await Promise.all([put(["35238", "29019"]), put(["22278", "56121"])]);
  expect(statuses(responses)).toEqual([200, 200]);
  const codes = (await t.request(admin, { method: "GET", url: `/api/clsms/${clsm.id}` }))
    .json()
    .territory.communes.map((c: { code: string }) => c.code)
    .sort();
  expect([
    ["29019", "35238"],
    ["22278", "56121"],
  ]).toContainEqual(codes);
}
