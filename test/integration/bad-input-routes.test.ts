import { describe, expect, it } from "vitest";
import { setupApp } from "../support/app";
import { expectErrorBody } from "../support/factories";
import { listRoutes } from "../support/routes";
import { hasBody, isPublic, sampleRequest } from "../support/samples";

// Checks that hold for every route of the app, read from its route tree: a new route is checked too.

const t = await setupApp();
const admin = await t.signedIn({ platformRole: "admin" });
const routes = listRoutes(t.app);
const bodyRoutes = routes.filter(hasBody);
const label = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe("every route", () => {
  it("has a sample request (test/support/samples.ts), so the checks below cover it", () => {
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes.filter((r) => !isPublic(r))) expect(() => sampleRequest(route)).not.toThrow();
  });

  it("answers 401 without a session, except the public ones", async () => {
    for (const route of routes.filter((r) => !isPublic(r))) {
      const res = await t.request(undefined, sampleRequest(route));
      expect(res.statusCode, label(route)).toBe(401);
      expect(expectErrorBody(res.body, "UNAUTHENTICATED").message).toBe("Vous devez être connecté·e.");
    }
  });

  it("answers 401 to a forged or expired session cookie", async () => {
    for (const cookie of ["maillage.session_token=forge.forge", "__Secure-maillage.session_token=abc.def"]) {
      const res = await t.app.inject({ method: "GET", url: "/api/me", headers: { cookie } });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe("every route taking a body", () => {
  it("refuses invalid JSON with 400 INVALID_JSON", async () => {
    for (const route of bodyRoutes) {
      for (const payload of ['{"name": ', "{name: 'x'}", "", "\u0000"]) {
        const res = await t.request(admin, {
          ...sampleRequest(route),
          payload,
          headers: { "content-type": "application/json" },
        });
        expect(res.statusCode, `${label(route)} ${JSON.stringify(payload)}`).toBe(400);
        expect(expectErrorBody(res.body, "INVALID_JSON").message).toBe(
          "Le contenu envoyé n'est pas un JSON valide.",
        );
      }
    }
  });

  it("refuses another content type with 415", async () => {
    for (const route of bodyRoutes) {
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]) {
        const res = await t.request(admin, {
          ...sampleRequest(route),
          payload: "name=x",
          headers: { "content-type": type },
        });
        expect(res.statusCode, `${label(route)} ${type}`).toBe(415);
        expectErrorBody(res.body, "UNSUPPORTED_MEDIA_TYPE");
      }
    }
  });

  it("refuses a body over 1 MB with 413", async () => {
    const huge = JSON.stringify({ name: "x".repeat(1_100_000) });
    for (const route of bodyRoutes) {
      const res = await t.request(admin, {
        ...sampleRequest(route),
        payload: huge,
        headers: { "content-type": "application/json" },
      });
      expect(res.statusCode, label(route)).toBe(413);
      expect(expectErrorBody(res.body, "BODY_TOO_LARGE").message).toBe(
        "Le contenu envoyé est trop volumineux.",
      );
    }
  });

  it("refuses JSON that is not an object with 400 VALIDATION", async () => {
    for (const route of bodyRoutes) {
      for (const payload of ["[]", '"texte"', "42", "null", "true"]) {
        const res = await t.request(admin, {
          ...sampleRequest(route),
          payload,
          headers: { "content-type": "application/json" },
        });
        expect(res.statusCode, `${label(route)} ${payload}`).toBe(400);
        expectErrorBody(res.body, "VALIDATION");
      }
    }
  });

  it("refuses an object with every field of the wrong type, naming fields in French", async () => {
    for (const route of bodyRoutes) {
      const sample = sampleRequest(route);
      const wrong = Object.fromEntries(
        Object.keys(sample.payload as object).map((k) => [k, { inattendu: [1] }]),
      );
      const res = await t.request(admin, { ...sample, payload: wrong });
      expect(res.statusCode, label(route)).toBe(400);
      const error = expectErrorBody(res.body, "VALIDATION") as { fields?: Record<string, string> };
      for (const message of Object.values(error.fields ?? {}))
        expect(message).not.toMatch(/\b(expected|invalid|required)\b/i);
    }
  });
});

describe("a NUL character (which PostgreSQL cannot store)", () => {
  const withNul = (value: unknown): unknown =>
    typeof value === "string"
      ? `${value.slice(0, 3)}\u0000${value.slice(3)}`
      : Array.isArray(value)
        ? value.map(withNul)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNul(v)]))
          : value;

  it("in any string of a body, query or path is a 4xx, never a 500", async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !r.url.startsWith("/api/docs"))) {
      const sample = sampleRequest(route, { userId: "abcdef" });
      const variants = [
        { ...sample, payload: withNul(sample.payload) as object | undefined },
        { ...sample, query: withNul(sample.query) as Record<string, string> | undefined },
        { ...sample, url: String(sample.url).replace(/abcdef/, "abc%00def") },
      ];
      for (const variant of variants) {
        const res = await t.request(admin, variant);
        if (res.statusCode >= 500) failures.push(`${label(route)} ${JSON.stringify(variant)}`);
        if (res.statusCode >= 400) expectErrorBody(res.body);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("an unknown address", () => {
  it("answers 404 in the standard shape, for every method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      const res = await t.request(admin, {
        method,
        url: "/api/nulle-part",
        payload: method === "GET" ? undefined : {},
      });
      expect(res.statusCode).toBe(404);
      expect(expectErrorBody(res.body, "NOT_FOUND").message).toBe("Cette adresse de l'API n'existe pas.");
    }
  });
});
