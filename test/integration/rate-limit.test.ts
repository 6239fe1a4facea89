import { describe, expect, it } from "vitest";
import { setupApp } from "../support/app";
import { expectErrorBody } from "../support/factories";

// Sign-in routes are limited per client address. The address comes from X-Forwarded-For only when the
// connection comes from a trusted proxy (by default one on the same host or a private network).

const t = await setupApp({ AUTH_RATE_LIMIT_PER_MINUTE: "2" });

const forgot = (remoteAddress: string, forwardedFor?: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/password/forgot",
    remoteAddress,
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    payload: { email: "quelquun@exemple.test" },
  });

describe("rate limiting of the sign-in routes", () => {
  it("answers 429 with a French message and Retry-After once the limit is reached", async () => {
    expect((await forgot("198.51.100.1")).statusCode).toBe(202);
    expect((await forgot("198.51.100.1")).statusCode).toBe(202);
    const limited = await forgot("198.51.100.1");
    expect(limited.statusCode).toBe(429);
    expect(expectErrorBody(limited.body, "TOO_MANY_REQUESTS").message).toBe(
      "Trop de tentatives. Réessayez dans quelques instants.",
    );
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await forgot("198.51.100.2")).statusCode).toBe(202); // another client is not affected
  });

  it("cannot be bypassed by a client that forges X-Forwarded-For", async () => {
    const statuses = [];
    for (const forged of ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"]) {
      statuses.push((await forgot("203.0.113.7", forged)).statusCode);
    }
    expect(statuses).toEqual([202, 202, 429, 429]);
  });

  it("counts each client apart behind a reverse proxy on a private network", async () => {
    const statuses = [];
    for (const client of ["192.0.2.10", "192.0.2.11", "192.0.2.12"]) {
      statuses.push((await forgot("10.1.2.3", client)).statusCode);
    }
    expect(statuses).toEqual([202, 202, 202]);
    expect((await forgot("10.1.2.3", "192.0.2.10")).statusCode).toBe(202);
    expect((await forgot("10.1.2.3", "192.0.2.10")).statusCode).toBe(429);
  });
});
