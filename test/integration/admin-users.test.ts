import { describe, expect, it } from "vitest";
import type { UserListItem } from "../../src/contracts/accounts";
import { setupApp } from "../support/app";
import { addMember, createClsm } from "../support/factories";

const t = await setupApp();
const admin = await t.signedIn({ platformRole: "admin" });

async function findUser(q: string) {
  const res = await t.request(admin, { method: "GET", url: "/api/admin/users", query: { q } });
  expect(res.statusCode).toBe(200);
  return res.json() as { items: UserListItem[]; total: number };
}

describe("the platform's people, as the admin lists them", () => {
  it("says who has a password and how many CLSMs each belongs to", async () => {
    const withPassword = await t.createUser({ name: "Maëlle Avecmotdepasse" });
    const clsmA = await createClsm(t, admin);
    const clsmB = await createClsm(t, admin);
    await addMember(t, admin, clsmA.id, withPassword);
    await addMember(t, admin, clsmB.id, withPassword);
    const invited = await t.request(admin, {
      method: "POST",
      url: "/api/admin/users",
      payload: {
        name: "Gaël Sansmotdepasse",
        email: "gael@exemple.test",
        platformRole: "ars",
        arsRegionCode: "53",
      },
    });
    expect(invited.statusCode).toBe(201);

    expect((await findUser("Avecmotdepasse")).items).toEqual([
      expect.objectContaining({
        email: withPassword.email,
        hasPassword: true,
        clsmCount: 2,
        platformRole: null,
      }),
    ]);
    expect((await findUser("Sansmotdepasse")).items).toEqual([
      expect.objectContaining({
        email: "gael@exemple.test",
        hasPassword: false,
        clsmCount: 0,
        platformRole: "ars",
        arsRegionCode: "53",
        arsRegionName: "Bretagne",
      }),
    ]);
  });

  it("searches by name or e-mail and paginates with a total", async () => {
    for (const n of [1, 2, 3])
      await t.createUser({ name: `Pagination ${n}`, email: `pagination${n}@exemple.test` });
    const page = await t.request(admin, {
      method: "GET",
      url: "/api/admin/users",
      query: { q: "pagination", limit: "2", offset: "2" },
    });
    expect(page.json()).toMatchObject({ total: 3, items: [{ name: "Pagination 3" }] });
    expect((await findUser("pagination2@")).total).toBe(1);
  });
});
