import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setupApp } from "../support/app";

// Sessions last 14 days and are extended by use (once a day). The browser's cookie must be extended too,
// or an active person is signed out 14 days after signing in whatever the database says.

const t = await setupApp();

/** Makes the person's session look two days old, as if last refreshed then. */
const ageSession = (userId: string) =>
  t.database.db.execute(
    sql`update "session" set updated_at = now() - interval '2 days', expires_at = now() + interval '12 days'
        where user_id = ${userId}`,
  );
const setCookies = (res: { headers: Record<string, unknown> }) => {
  const raw = res.headers["set-cookie"];
  return (Array.isArray(raw) ? raw : raw ? [raw] : []) as string[];
};

describe("an active session", () => {
  it("gets its cookie renewed for 14 days when the session is extended", async () => {
    const person = await t.signedIn();
    await ageSession(person.id);
    const res = await t.request(person, { method: "GET", url: "/api/me" });
    expect(res.statusCode).toBe(200);
    const [cookie] = setCookies(res);
    expect(cookie).toMatch(/session_token=[^;]+/);
    expect(cookie).toMatch(/Max-Age=1209600/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie?.split(";")[0]).toBe(person.cookie); // the same session, only extended
  });

  it("sets no cookie on ordinary requests", async () => {
    const person = await t.signedIn();
    const res = await t.request(person, { method: "GET", url: "/api/me" });
    expect(setCookies(res)).toEqual([]);
  });

  it("is not renewed when it signs out", async () => {
    const person = await t.signedIn();
    await ageSession(person.id);
    const out = await t.request(person, { method: "DELETE", url: "/api/session" });
    expect(out.statusCode).toBe(204);
    const cookies = setCookies(out).filter((c) => /session_token=/.test(c));
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/Max-Age=0/);
    expect((await t.request(person, { method: "GET", url: "/api/me" })).statusCode).toBe(401);
  });
});
