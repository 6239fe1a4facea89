import { describe, expect, it } from "vitest";
import { RENNES, SAINT_BRIEUC_AGGLO, setupApp } from "../support/app";
import { createClsm, expectErrorBody } from "../support/factories";

// Field by field: each bad value gets a 400 whose `fields` names the field, with a French message.

const t = await setupApp();
const admin = await t.signedIn({ platformRole: "admin" });
const clsm = await createClsm(t, admin, { territory: { communeCodes: [RENNES] } });

const manyCodes = (n: number) => Array.from({ length: n }, (_, i) => String(10000 + i));

async function expectFieldError(
  request: { method: "POST" | "PUT" | "PATCH"; url: string; payload: unknown },
  field: string,
  message?: RegExp | string,
) {
  const res = await t.request(admin, request as { method: "POST"; url: string; payload: object });
  expect(res.statusCode, res.body).toBe(400);
  const error = expectErrorBody(res.body) as { fields?: Record<string, string> };
  expect(Object.keys(error.fields ?? {}), res.body).toContain(field);
  if (typeof message === "string") expect(error.fields?.[field]).toBe(message);
  else if (message) expect(error.fields?.[field]).toMatch(message);
}

const create = (payload: unknown) => ({ method: "POST" as const, url: "/api/clsms", payload });
const territory = (payload: unknown) => ({
  method: "PUT" as const,
  url: `/api/clsms/${clsm.id}/territory`,
  payload,
});
const valid = { name: "CLSM valide", territory: { communeCodes: [RENNES] } };

describe("creating a CLSM with bad input", () => {
  it("missing or empty name", async () => {
    await expectFieldError(create({ territory: valid.territory }), "name");
    await expectFieldError(create({ ...valid, name: "   " }), "name", "Ce champ est obligatoire.");
  });

  it("a 100 kB name", async () => {
    await expectFieldError(create({ ...valid, name: "é".repeat(100_000) }), "name", /160/);
  });

  it("wrong types", async () => {
    await expectFieldError(create({ ...valid, name: 42 }), "name");
    await expectFieldError(create({ ...valid, status: "fermé" }), "status");
    await expectFieldError(create({ ...valid, territory: "Rennes" }), "territory");
    await expectFieldError(
      create({ ...valid, territory: { communeCodes: RENNES } }),
      "territory.communeCodes",
    );
  });

  it("no commune and no EPCI (empty arrays)", async () => {
    await expectFieldError(
      create({ ...valid, territory: { communeCodes: [], epciCodes: [] } }),
      "territory.communeCodes",
      "Choisissez au moins une commune ou un EPCI.",
    );
  });

  it("malformed codes", async () => {
    await expectFieldError(
      create({ ...valid, territory: { communeCodes: ["3523"] } }),
      "territory.communeCodes.0",
      "Code INSEE de commune invalide.",
    );
    await expectFieldError(
      create({ ...valid, territory: { epciCodes: ["SIREN"] } }),
      "territory.epciCodes.0",
      "Code SIREN d'EPCI invalide.",
    );
  });

  it("too many codes", async () => {
    await expectFieldError(
      create({ ...valid, territory: { communeCodes: manyCodes(2001) } }),
      "territory.communeCodes",
    );
    const epcis = Array.from({ length: 51 }, () => SAINT_BRIEUC_AGGLO);
    await expectFieldError(create({ ...valid, territory: { epciCodes: epcis } }), "territory.epciCodes");
  });

  it("unknown INSEE and EPCI codes, listed in the message", async () => {
    await expectFieldError(
      create({ ...valid, territory: { communeCodes: [RENNES, "99999"] } }),
      "territory.communeCodes",
      "Communes inconnues : 99999.",
    );
    await expectFieldError(
      create({ ...valid, territory: { epciCodes: ["999999999"] } }),
      "territory.epciCodes",
      "EPCI inconnus : 999999999.",
    );
  });

  it("bad quartiers", async () => {
    const quartier = { name: "Maurepas", communeCode: RENNES, population: 100 };
    const withQuartier = (q: object) =>
      create({ ...valid, territory: { communeCodes: [RENNES], quartiers: [q] } });
    await expectFieldError(withQuartier({ ...quartier, population: -1 }), "territory.quartiers.0.population");
    await expectFieldError(
      withQuartier({ ...quartier, population: 1.5 }),
      "territory.quartiers.0.population",
    );
    await expectFieldError(withQuartier({ ...quartier, name: "" }), "territory.quartiers.0.name");
  });

  it("text with a NUL character or a line break (names go into mail subjects)", async () => {
    await expectFieldError(create({ ...valid, name: "CLSM\u0000" }), "name");
    await expectFieldError(
      create({ ...valid, name: "CLSM\r\nBcc: intrus@exemple.test" }),
      "name",
      "Ce champ contient des caractères non autorisés.",
    );
  });
});

describe("changing a CLSM with bad input", () => {
  it("the territory's fields are named as in the PUT body", async () => {
    await expectFieldError(territory({ communeCodes: [] }), "communeCodes");
    await expectFieldError(
      territory({ communeCodes: ["99999"] }),
      "communeCodes",
      "Communes inconnues : 99999.",
    );
    await expectFieldError(territory({ epciCodes: ["999999999"] }), "epciCodes");
    await expectFieldError(
      territory({ communeCodes: [RENNES], quartiers: [{ name: "Q", communeCode: "29019", population: 1 }] }),
      "quartiers",
    );
  });

  it("PATCH with a wrong status or an empty name", async () => {
    await expectFieldError(
      { method: "PATCH", url: `/api/clsms/${clsm.id}`, payload: { status: "x" } },
      "status",
    );
    await expectFieldError({ method: "PATCH", url: `/api/clsms/${clsm.id}`, payload: { name: "" } }, "name");
  });

  it("members: bad e-mail, bad role, wrong flag type", async () => {
    const url = `/api/clsms/${clsm.id}/members`;
    await expectFieldError({ method: "POST", url, payload: {} }, "email");
    await expectFieldError(
      { method: "POST", url, payload: { email: "pas-une-adresse" } },
      "email",
      "Adresse e-mail invalide.",
    );
    await expectFieldError({ method: "POST", url, payload: { email: "a@b.test", role: "chef" } }, "role");
    await expectFieldError(
      { method: "POST", url, payload: { email: "a@b.test", isChair: "oui" } },
      "isChair",
    );
    const person = await t.createUser();
    await expectFieldError(
      { method: "PATCH", url: `${url}/${person.id}`, payload: { role: "admin" } },
      "role",
    );
  });
});

describe("ids and query strings", () => {
  it("a malformed CLSM id is a 400 naming clsmId; an unknown one is a 404", async () => {
    for (const url of ["/api/clsms/pas-un-uuid", "/api/clsms/1234/members", "/api/clsms/x/map"]) {
      const res = await t.request(admin, { method: "GET", url });
      expect(res.statusCode, url).toBe(400);
      expect(expectErrorBody(res.body, "VALIDATION")).toMatchObject({
        fields: { clsmId: "Identifiant invalide." },
      });
    }
    const unknown = crypto.randomUUID();
    for (const url of [
      `/api/clsms/${unknown}`,
      `/api/clsms/${unknown}/members`,
      `/api/clsms/${unknown}/map`,
    ]) {
      const res = await t.request(admin, { method: "GET", url });
      expect(res.statusCode, url).toBe(404);
      expectErrorBody(res.body, "NOT_FOUND");
    }
  });

  it("an unknown member or user is a 404", async () => {
    for (const request of [
      { method: "PATCH" as const, url: `/api/clsms/${clsm.id}/members/inconnu`, payload: { isChair: true } },
      { method: "DELETE" as const, url: `/api/clsms/${clsm.id}/members/inconnu` },
      { method: "PATCH" as const, url: "/api/admin/users/inconnu", payload: { platformRole: null } },
    ]) {
      const res = await t.request(admin, request);
      expect(res.statusCode, request.url).toBe(404);
      expectErrorBody(res.body, "NOT_FOUND");
    }
  });

  it("a too long or odd id is refused without reaching the database", async () => {
    const res = await t.request(admin, {
      method: "DELETE",
      url: `/api/clsms/${clsm.id}/members/${"x".repeat(65)}`,
    });
    expect(res.statusCode).toBe(400);
    const nul = await t.request(admin, { method: "DELETE", url: `/api/clsms/${clsm.id}/members/a%00b` });
    expect(nul.statusCode).toBe(400);
    expectErrorBody(nul.body, "VALIDATION");
  });

  it("bad list parameters", async () => {
    for (const [query, field] of [
      [{ limit: "0" }, "limit"],
      [{ limit: "101" }, "limit"],
      [{ limit: "dix" }, "limit"],
      [{ offset: "-1" }, "offset"],
      [{ status: "fermé" }, "status"],
      [{ regionCode: "Bretagne" }, "regionCode"],
      [{ q: "x".repeat(101) }, "q"],
    ] as const) {
      const res = await t.request(admin, { method: "GET", url: "/api/clsms", query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(Object.keys((expectErrorBody(res.body) as { fields?: object }).fields ?? {})).toEqual([field]);
    }
  });
});
