import { describe, expect, it } from "vitest";
import { lastMailTo, linkIn, sessionCookie, setupApp } from "../support/app";

// The magic-link verification is the one endpoint of the auth library reached directly: it must only
// ever redirect to pages of the platform, whatever the link says.

const t = await setupApp();
const VERIFY = "/api/auth/magic-link/verify";

async function mailedLink() {
  const person = await t.createUser();
  await t.app.inject({ method: "POST", url: "/api/session/magic-link", payload: { email: person.email } });
  const link = linkIn((await lastMailTo(t, person.email))?.text ?? "");
  return { person, link };
}

describe("magic-link verification", () => {
  it("signs in and redirects to the platform's home page", async () => {
    const { person, link } = await mailedLink();
    const res = await t.app.inject({ method: "GET", url: `${link.pathname}${link.search}` });
    expect(res.statusCode).toBe(302);
    expect(new URL(String(res.headers.location), "http://localhost:3000").origin).toBe(
      "http://localhost:3000",
    );
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie: sessionCookie(res) } });
    expect(me.json().email).toBe(person.email);
  });

  it("never redirects to another site, even when the link names one (no open redirect)", async () => {
    const { link } = await mailedLink();
    const token = link.searchParams.get("token") ?? "";
    for (const query of [
      `token=inconnu&callbackURL=https://pirate.test/&errorCallbackURL=https://pirate.test/`,
      `token=inconnu&errorCallbackURL=//pirate.test/`,
      `token=${token}&callbackURL=https://pirate.test/connexion`,
    ]) {
      const res = await t.app.inject({ method: "GET", url: `${VERIFY}?${query}` });
      expect(res.statusCode, query).toBe(302);
      const location = new URL(String(res.headers.location), "http://localhost:3000");
      expect(location.origin, query).toBe("http://localhost:3000");
    }
  });

  it("sends a missing, malformed or unknown token to the sign-in page with an error, without a session", async () => {
    for (const query of ["", "?token=", "?token=a%00b", `?token=${"x".repeat(300)}`, "?token=inconnu"]) {
      const res = await t.app.inject({ method: "GET", url: `${VERIFY}${query}` });
      expect(res.statusCode, query).toBe(302);
      expect(String(res.headers.location), query).toMatch(/^http:\/\/localhost:3000\/connexion\?erreur=lien/);
      expect(sessionCookie(res)).not.toMatch(/session_token=[^;]+/);
    }
  });
});
