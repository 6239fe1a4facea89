import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { lastMailTo, linkIn, sessionCookie, setupApp, TEST_PASSWORD } from "../support/app";

// Secrets never reach the logs: the app logs at the most verbose level into a stream read here, and the
// console (where the auth library writes) is captured too, while people sign in, use links and fail.

const logged: string[] = [];
const stream = { write: (line: string) => void logged.push(line) };
const consoleCalls: unknown[][] = [];
for (const method of ["log", "info", "warn", "error", "debug"] as const) {
  vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleCalls.push(args));
}
afterAll(() => vi.restoreAllMocks());

const AUTH_SECRET = "secret-de-signature-des-cookies-0123456789";
const t = await setupApp({ LOG_LEVEL: "trace", AUTH_SECRET }, { logStream: stream });

/** Everything written so far, logs and console, as one text to search. */
const everything = () => [...logged, ...consoleCalls.map((args) => args.map(String).join(" "))].join("\n");
const secrets: string[] = [AUTH_SECRET, TEST_PASSWORD];
const remember = (...values: (string | null | undefined)[]) => {
  for (const value of values) if (value && value.length >= 8) secrets.push(value);
};
const cookieValues = (cookie: string) =>
  cookie.split("; ").flatMap((c) => {
    const value = decodeURIComponent(c.slice(c.indexOf("=") + 1));
    return [value, value.split(".")[0]]; // the signed cookie and the bare session token
  });

describe("what the logs hold", () => {
  it("logs requests (the stream is really used)", async () => {
    await t.app.inject({ method: "GET", url: "/api/health" });
    expect(logged.some((line) => line.includes('"url":"/api/health"'))).toBe(true);
  });

  it("no password, cookie, session token, magic-link, reset or invitation token", async () => {
    const person = await t.createUser();
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    const cookie = sessionCookie(signIn);
    remember(...cookieValues(cookie));
    await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
    await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { email: person.email, password: "mauvais-mot-de-passe-secret" },
    });
    remember("mauvais-mot-de-passe-secret");

    await t.app.inject({ method: "POST", url: "/api/session/magic-link", payload: { email: person.email } });
    const magic = linkIn((await lastMailTo(t, person.email))?.text ?? "");
    remember(magic.searchParams.get("token"));
    const verified = await t.app.inject({ method: "GET", url: `${magic.pathname}${magic.search}` });
    remember(...cookieValues(sessionCookie(verified)));

    await t.app.inject({ method: "POST", url: "/api/password/forgot", payload: { email: person.email } });
    const reset = linkIn((await lastMailTo(t, person.email))?.text ?? "");
    remember(reset.searchParams.get("token"));
    await t.app.inject({
      method: "POST",
      url: "/api/password/reset",
      payload: { token: reset.searchParams.get("token"), password: "nouveau-mot-de-passe-secret" },
    });
    remember("nouveau-mot-de-passe-secret");

    const admin = await t.signedIn({ platformRole: "admin" });
    remember(...cookieValues(admin.cookie));
    await t.request(admin, {
      method: "POST",
      url: "/api/admin/users",
      payload: { name: "Invitée", email: "invitee@exemple.test" },
    });
    remember(linkIn((await lastMailTo(t, "invitee@exemple.test"))?.text ?? "").searchParams.get("token"));
    await t.services.jobs.runDue();

    expect(secrets.length).toBeGreaterThanOrEqual(10);
    const text = everything();
    for (const secret of secrets) expect(text, `leaked: ${secret.slice(0, 6)}…`).not.toContain(secret);
  });

  it("no token, mail nor address from a failed database query", async () => {
    const person = await t.createUser();
    const clsm = await t.request(await t.signedIn({ platformRole: "admin" }), {
      method: "POST",
      url: "/api/clsms",
      payload: { name: "CLSM des journaux", territory: { communeCodes: ["35238"] } },
    });
    const admin = await t.signedIn({ platformRole: "admin" });
    await t.database.db.execute(
      sql.raw(`create function test_fail() returns trigger language plpgsql as $$
        begin raise exception 'panne simulée'; end $$`),
    );
    const before = logged.length + consoleCalls.length;
    for (const table of ["mail_message", "verification"]) {
      await t.database.db.execute(
        sql.raw(
          `create trigger test_fail before insert on "${table}" for each row execute function test_fail()`,
        ),
      );
      await t.app.inject({ method: "POST", url: "/api/password/forgot", payload: { email: person.email } });
      await t.app.inject({
        method: "POST",
        url: "/api/session/magic-link",
        payload: { email: person.email },
      });
      const invite = await t.request(admin, {
        method: "POST",
        url: `/api/clsms/${clsm.json().id}/members`,
        payload: { email: "invitation-ratee@exemple.test" },
      });
      expect(invite.statusCode).toBe(500);
      await t.database.db.execute(sql.raw(`drop trigger test_fail on "${table}"`));
    }
    expect(logged.length + consoleCalls.length).toBeGreaterThan(before);
    const text = everything();
    expect(text).toContain("panne simulée"); // the failures are logged…
    expect(text).not.toMatch(/token=/); // …without the mails' links
    expect(text).not.toContain(person.email);
    expect(text).not.toContain("invitation-ratee@exemple.test");
  });
});

describe("security headers", () => {
  it("come with every response (helmet)", async () => {
    for (const url of ["/api/health", "/api/me", "/api/nulle-part"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["x-frame-options"], url).toBe("SAMEORIGIN");
      expect(res.headers["strict-transport-security"], url).toMatch(/max-age=\d+/);
      expect(res.headers["referrer-policy"], url).toBe("no-referrer");
      expect(res.headers["content-security-policy"], url).toMatch(/default-src 'self'/);
      expect(res.headers["content-security-policy"], url).toMatch(/object-src 'none'/);
      expect(res.headers["x-powered-by"], url).toBeUndefined();
    }
  });
});
