import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verification } from "../../src/server/accounts/tables";
import { lastMailTo, linkIn, setupApp } from "../support/app";

// What mailed links may and may not do: no hint of which addresses exist, expiry, and a reset that
// closes the sessions opened with the old password.

const t = await setupApp();

const post = (url: string, payload: object, cookie?: string) =>
  t.app.inject({ method: "POST", url, payload, headers: cookie ? { cookie } : {} });

describe("requests for a link", () => {
  it("answer the same for a known and an unknown address, and mail only the known one", async () => {
    const person = await t.createUser();
    for (const url of ["/api/password/forgot", "/api/session/magic-link"]) {
      const known = await post(url, { email: person.email });
      const unknown = await post(url, { email: "personne-inconnue@exemple.test" });
      expect([known.statusCode, unknown.statusCode], url).toEqual([202, 202]);
      expect(known.body).toBe(unknown.body);
    }
    expect(await lastMailTo(t, "personne-inconnue@exemple.test")).toBeUndefined();
    expect(await lastMailTo(t, person.email)).toBeDefined();
  });
});

describe("a password reset", () => {
  it("signs out the sessions opened with the old password", async () => {
    const person = await t.signedIn();
    await post("/api/password/forgot", { email: person.email });
    const token = linkIn((await lastMailTo(t, person.email))?.text ?? "").searchParams.get("token");
    expect((await post("/api/password/reset", { token, password: "un-tout-nouveau-mot" })).statusCode).toBe(
      200,
    );
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: person.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it("refuses an expired link, naming the token field", async () => {
    const person = await t.createUser();
    await post("/api/password/forgot", { email: person.email });
    const token = linkIn((await lastMailTo(t, person.email))?.text ?? "").searchParams.get("token") ?? "";
    await t.database.db
      .update(verification)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(verification.identifier, `reset-password:${token}`));
    const res = await post("/api/password/reset", { token, password: "un-tout-nouveau-mot" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.token).toBe("Ce lien n'est plus valide. Demandez-en un nouveau.");
  });
});

describe("an invitation", () => {
  it("expires after seven days", async () => {
    const admin = await t.signedIn({ platformRole: "admin" });
    await t.request(admin, {
      method: "POST",
      url: "/api/admin/users",
      payload: { name: "Invitée tardive", email: "tardive@exemple.test" },
    });
    const token =
      linkIn((await lastMailTo(t, "tardive@exemple.test"))?.text ?? "").searchParams.get("token") ?? "";
    const [row] = await t.database.db
      .select()
      .from(verification)
      .where(eq(verification.identifier, `reset-password:${token}`));
    const days = ((row?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });
});
