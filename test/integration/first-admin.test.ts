import { expect, it } from "vitest";
import { setupApp } from "../support/app";

const t = await setupApp();

it("the create-admin command makes a platform admin who chooses a password through the returned link", async () => {
  const url = new URL(
    await t.services.accounts.createFirstAdmin({ email: " Chef@Exemple.org ", name: "Chef Admin" }),
  );
  const token = url.searchParams.get("token") ?? "";
  const set = await t.app.inject({
    method: "POST",
    url: "/api/password/reset",
    payload: { token, password: "un-long-mot-de-passe" },
  });
  expect(set.statusCode).toBe(200);
  const cookie = await t.signIn("chef@exemple.org", "un-long-mot-de-passe");
  const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
  expect(me.json()).toMatchObject({ platformRole: "admin", can: { createClsm: true, manageUsers: true } });
});

it("promotes an existing person instead of creating a second account", async () => {
  const person = await t.createUser();
  await t.services.accounts.createFirstAdmin({ email: person.email, name: "Ignoré" });
  const cookie = await t.signIn(person.email);
  const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
  expect(me.json().platformRole).toBe("admin");
});
