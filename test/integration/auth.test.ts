import { describe, expect, it } from "vitest";
import { lastMailTo, linkIn, sessionCookie, setupApp, TEST_PASSWORD } from "../support/app";

const t = await setupApp();

describe("sign-in with a password", () => {
  it("opens a session in an HttpOnly, Secure, SameSite=Lax cookie and closes it on sign-out", async () => {
    const person = await t.createUser({ name: "Nadia" });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: person.email, name: "Nadia", memberships: [] });
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Secure/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const cookie = sessionCookie(res);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);

    const out = await t.app.inject({ method: "DELETE", url: "/api/session", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("answers a wrong password and an unknown address alike, in French", async () => {
    const person = await t.createUser();
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: person.email, password: "pas-le-bon-mot" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: "personne@nulle-part.test", password: "pas-le-bon-mot" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe("Adresse e-mail ou mot de passe incorrect.");
  });

  it("slows down repeated failures: after three, even the right password must wait", async () => {
    const person = await t.createUser();
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: person.email, password: "mauvais-mot" },
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("SIGN_IN_SLOWED");
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);

    await new Promise((r) => setTimeout(r, 1100)); // the first wait is one second
    const ok = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe("sign-in by magic link", () => {
  it("mails a one-time link that opens a session", async () => {
    const person = await t.createUser();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/session/magic-link",
      payload: { email: person.email },
    });
    expect(res.statusCode).toBe(202);
    const mail = await lastMailTo(t, person.email);
    expect(mail?.subject).toBe("Votre lien de connexion à Maillage");
    const link = linkIn(mail?.text ?? "");

    const verify = await t.app.inject({ method: "GET", url: `${link.pathname}${link.search}` });
    expect(verify.statusCode).toBe(302);
    const cookie = sessionCookie(verify);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.json().email).toBe(person.email);

    const again = await t.app.inject({ method: "GET", url: `${link.pathname}${link.search}` });
    expect(sessionCookie(again)).not.toMatch(/session_token=[^;]+/);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/session/magic-link",
      payload: { email: "inconnu@exemple.test" },
    });
    expect(res.statusCode).toBe(202);
    expect(await lastMailTo(t, "inconnu@exemple.test")).toBeUndefined();
  });
});

describe("forgotten password", () => {
  it("mails a reset link; the new password works and the old one no longer does", async () => {
    const person = await t.createUser();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/password/forgot",
      payload: { email: person.email },
    });
    expect(res.statusCode).toBe(202);
    const link = linkIn((await lastMailTo(t, person.email))?.text ?? "");
    expect(link.pathname).toBe("/reinitialiser-mot-de-passe");
    const token = link.searchParams.get("token") ?? "";

    const reset = await t.app.inject({
      method: "POST",
      url: "/api/password/reset",
      payload: { token, password: "nouveau-mot-de-passe" },
    });
    expect(reset.statusCode).toBe(200);
    const reused = await t.app.inject({
      method: "POST",
      url: "/api/password/reset",
      payload: { token, password: "encore-un-autre-mot" },
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.fields.token).toBeDefined();

    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/session",
          payload: { email: person.email, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/session",
          payload: { email: person.email, password: "nouveau-mot-de-passe" },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("refuses a short password with a French message naming the field", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/password/reset",
      payload: { token: "abc", password: "court" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.password).toBe("Le mot de passe doit contenir au moins 10 caractères.");
  });
});

describe("invitations by the platform admin", () => {
  it("invites a person who then chooses a password and signs in", async () => {
    const admin = await t.signedIn({ platformRole: "admin", name: "Camille" });
    const res = await t.request(admin, {
      method: "POST",
      url: "/api/admin/users",
      payload: { name: "Inès Baptiste", email: "Ines.Baptiste@Exemple.test", platformRole: "national" },
    });
    expect(res.statusCode).toBe(201);
    const mail = await lastMailTo(t, "ines.baptiste@exemple.test");
    expect(mail?.text).toContain("Camille vous invite");
    const token = linkIn(mail?.text ?? "").searchParams.get("token") ?? "";
    const set = await t.app.inject({
      method: "POST",
      url: "/api/password/reset",
      payload: { token, password: "mon-mot-de-passe-national" },
    });
    expect(set.statusCode).toBe(200);
    const cookie = await t.signIn("ines.baptiste@exemple.test", "mon-mot-de-passe-national");
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    expect(me.json()).toMatchObject({
      platformRole: "national",
      can: { browseClsms: true, createClsm: false },
    });

    const duplicate = await t.request(admin, {
      method: "POST",
      url: "/api/admin/users",
      payload: { name: "Autre", email: "ines.baptiste@exemple.test" },
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it("is reserved to the platform admin", async () => {
    const someone = await t.signedIn();
    const res = await t.request(someone, {
      method: "POST",
      url: "/api/admin/users",
      payload: { name: "X", email: "x@exemple.test" },
    });
    expect(res.statusCode).toBe(403);
    expect((await t.request(someone, { method: "GET", url: "/api/admin/users" })).statusCode).toBe(403);
    expect((await t.request(someone, { method: "GET", url: "/api/admin/mail" })).statusCode).toBe(403);
  });

  it("requires a région for an ARS officer", async () => {
    const admin = await t.signedIn({ platformRole: "admin" });
    const res = await t.request(admin, {
      method: "POST",
      url: "/api/admin/users",
      payload: { name: "Julien", email: "julien@ars.test", platformRole: "ars" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.arsRegionCode).toBe("Choisissez la région de l'ARS.");
    const unknownRegion = await t.request(admin, {
      method: "POST",
      url: "/api/admin/users",
      payload: { name: "Julien", email: "julien@ars.test", platformRole: "ars", arsRegionCode: "99" },
    });
    expect(unknownRegion.statusCode).toBe(400);
  });
});

describe("the library's own endpoints", () => {
  it("are not reachable, so the checks of Maillage's routes cannot be bypassed", async () => {
    const person = await t.createUser();
    for (const url of [
      "/api/auth/sign-in/email",
      "/api/auth/sign-up/email",
      "/api/auth/request-password-reset",
    ]) {
      const res = await t.app.inject({
        method: "POST",
        url,
        payload: { email: person.email, password: TEST_PASSWORD },
      });
      expect(res.statusCode, url).toBe(404);
    }
  });
});
