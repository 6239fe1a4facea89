import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidSiret } from "../../src/contracts/directory";
import { setupApp } from "../support/app";
import { createPerson, createStructure, dir, listPeople } from "../support/directory";
import { createTenant, expectErrorBody } from "../support/factories";

const t = await setupApp();
const { clsm, coordinator } = await createTenant(t);

async function refused(url: string, payload: object, field: string, method: "POST" | "PATCH" = "POST") {
  const res = await t.request(coordinator, { method, url: dir(clsm.id, url), payload });
  expect(res.statusCode, `${url} ${JSON.stringify(payload)}: ${res.body}`).toBe(400);
  const error = expectErrorBody(res.body) as { fields?: Record<string, string> };
  expect(Object.keys(error.fields ?? {}), res.body).toContain(field);
  return error;
}

describe("SIRET and FINESS", () => {
  it("checks the SIRET key (Luhn, La Poste's exception)", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("35600000000048")).toBe(true);
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("35600000012346")).toBe(true); // a La Poste establishment: digits sum to 30
    expect(isValidSiret("35600000012347")).toBe(false);
  });

  it("refuses a malformed SIRET or FINESS with a French message naming the field", async () => {
    const e1 = await refused("/structures", { name: "X", siret: "73282932000075" }, "siret");
    expect(e1.fields?.siret).toContain("clé de contrôle");
    const e2 = await refused("/structures", { name: "X", siret: "1234" }, "siret");
    expect(e2.fields?.siret).toContain("14 chiffres");
    await refused("/structures", { name: "X", finess: "22000002" }, "finess");
    await refused("/structures", { name: "X", finess: "22000002X" }, "finess");
    await refused("/structures", { name: "X", postalCode: "2200" }, "postalCode");
    await refused("/structures", { name: "X", type: "mairie" }, "type");
    const ok = await createStructure(t, coordinator, clsm.id, {
      name: "CHS",
      finess: "2a0000020",
      siret: "",
    });
    expect(ok).toMatchObject({ finess: "2A0000020", siret: null });
  });
});

describe("texts, e-mails and dates", () => {
  it("bounds every text and refuses control characters and bad e-mails", async () => {
    await refused("/structures", { name: "x".repeat(201) }, "name");
    await refused("/structures", { name: "  " }, "name");
    await refused("/structures", { name: "X", notes: "x".repeat(5001) }, "notes");
    await refused("/people", { firstName: "A\u0000", lastName: "B" }, "firstName");
    await refused("/people", { firstName: "A", lastName: "B\nC" }, "lastName");
    await refused("/people", { firstName: "A", lastName: "B", email: "pas-une-adresse" }, "email");
    await refused("/people", { firstName: "A", lastName: "B", consentDate: "15/01/2026" }, "consentDate");
    await refused("/people", { firstName: "A", lastName: "B", pillar: "autres" }, "pillar");
    await refused(
      "/people",
      { firstName: "A", lastName: "B", role: { function: "y".repeat(201) } },
      "role.function",
    );
    await refused("/colleges", { name: "z".repeat(121) }, "name");
    const res = await t.request(coordinator, {
      method: "GET",
      url: dir(clsm.id, "/people"),
      query: { sort: "age", q: "x".repeat(101) },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe("references", () => {
  it("refuses an unknown collège or structure (400 naming the field) and writes nothing", async () => {
    await refused("/people", { firstName: "Orphelin", lastName: "Un", collegeId: randomUUID() }, "collegeId");
    await refused(
      "/people",
      { firstName: "Orphelin", lastName: "Deux", role: { function: "F", structureId: randomUUID() } },
      "role.structureId",
    );
    await refused("/structures", { name: "Orpheline", collegeId: randomUUID() }, "collegeId");
    expect((await listPeople(t, coordinator, clsm.id, { q: "orphelin" })).total).toBe(0);
    const structures = await t.request(coordinator, {
      method: "GET",
      url: dir(clsm.id, "/structures"),
      query: { q: "orpheline" },
    });
    expect(structures.json().total).toBe(0);

    const p = await createPerson(t, coordinator, clsm.id, { firstName: "Réel", lastName: "Le" });
    await refused(`/people/${p.id}/roles`, { function: "F", structureId: randomUUID() }, "structureId");
    await refused(`/people/${p.id}`, { collegeId: randomUUID(), lastName: "Changé" }, "collegeId", "PATCH");
    await refused(`/people/${p.id}/merge`, { otherId: randomUUID() }, "otherId");
    const after = await t.request(coordinator, { method: "GET", url: dir(clsm.id, `/people/${p.id}`) });
    expect(after.json()).toMatchObject({ lastName: "Le", roles: [] });
  });

  it("answers 404 for unknown ids in the path", async () => {
    for (const url of [`/people/${randomUUID()}`, `/structures/${randomUUID()}`]) {
      const res = await t.request(coordinator, { method: "GET", url: dir(clsm.id, url) });
      expect(res.statusCode).toBe(404);
      expectErrorBody(res.body, "NOT_FOUND");
    }
    const p = await createPerson(t, coordinator, clsm.id, { firstName: "A", lastName: "Rôle" });
    const role = await t.request(coordinator, {
      method: "PATCH",
      url: dir(clsm.id, `/people/${p.id}/roles/${randomUUID()}`),
      payload: { function: "X" },
    });
    expect(role.statusCode).toBe(404);
    const college = await t.request(coordinator, {
      method: "DELETE",
      url: dir(clsm.id, `/colleges/${randomUUID()}`),
    });
    expect(college.statusCode).toBe(404);
  });
});

describe("simultaneous writes", () => {
  it("two creations with the same e-mail at once: one 201, one 409, never a 500", async () => {
    const body = { firstName: "Jumeau", lastName: "Même", email: "jumeau@exemple.test" };
    const results = await Promise.all(
      [1, 2].map(() =>
        t.request(coordinator, { method: "POST", url: dir(clsm.id, "/people"), payload: body }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await listPeople(t, coordinator, clsm.id, { q: "jumeau" })).total).toBe(1);
  });
});
