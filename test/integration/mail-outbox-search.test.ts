import { expect, it } from "vitest";
import { setupApp } from "../support/app";

const t = await setupApp();

it("the admin filters the outbox by recipient or subject", async () => {
  const admin = await t.signedIn({ platformRole: "admin" });
  const a = await t.createUser({ email: "alice.martin@exemple.test" });
  await t.createUser({ email: "bruno@exemple.test" });
  for (const email of [a.email, "bruno@exemple.test"]) {
    await t.app.inject({ method: "POST", url: "/api/password/forgot", payload: { email } });
  }
  const byRecipient = await t.request(admin, { method: "GET", url: "/api/admin/mail?q=alice" });
  expect(byRecipient.json().items.map((m: { to: string }) => m.to)).toEqual([a.email]);
  expect(byRecipient.json().total).toBe(1);

  const bySubject = await t.request(admin, { method: "GET", url: "/api/admin/mail?q=mot%20de%20passe" });
  expect(bySubject.json().total).toBe(2);

  const literal = await t.request(admin, { method: "GET", url: "/api/admin/mail?q=%25" });
  expect(literal.json().total).toBe(0);
});
