import { describe, expect, it } from "vitest";
import { setupApp } from "../support/app";
import { createPerson, dir, directoryIds } from "../support/directory";
import { createTenant } from "../support/factories";

// The generic isolation test (isolation.test.ts) sends every directory route of B to A's coordinator; this one
// checks what lists and references could leak.

const t = await setupApp();

describe("directory isolation", () => {
  it("never shows B's people, structures or collèges to A, and refuses B's ids inside A's CLSM", async () => {
    const a = await createTenant(t);
    const b = await createTenant(t);
    const bIds = await directoryIds(t, b);
    await createPerson(t, b.coordinator, b.clsm.id, { firstName: "Gwenaëlle", lastName: "Secrète" });
    const people = await t.request(a.coordinator, {
      method: "GET",
      url: dir(a.clsm.id, "/people"),
      query: { q: "secrete" },
    });
    expect(people.json()).toMatchObject({ total: 0, items: [] });
    const structures = await t.request(a.coordinator, { method: "GET", url: dir(a.clsm.id, "/structures") });
    expect(structures.json().total).toBe(0);
    for (const url of [
      `/people/${bIds.personId}`,
      `/people/${bIds.personId}/export`,
      `/structures/${bIds.structureId}`,
    ]) {
      const res = await t.request(a.coordinator, { method: "GET", url: dir(a.clsm.id, url) });
      expect(res.statusCode, url).toBe(404);
    }
    // B's collège and structure given as references in A's CLSM: 400 naming the field, as for unknown ids.
    const withB = await t.request(a.coordinator, {
      method: "POST",
      url: dir(a.clsm.id, "/people"),
      payload: {
        firstName: "X",
        lastName: "Y",
        collegeId: bIds.collegeId,
        role: { function: "Z", structureId: bIds.structureId },
      },
    });
    expect(withB.statusCode).toBe(400);
    expect(withB.json().error.fields).toHaveProperty("collegeId");
    const mergeB = await t.request(a.coordinator, {
      method: "POST",
      url: dir(a.clsm.id, `/people/${bIds.personId}/merge`),
      payload: { otherId: bIds.otherPersonId },
    });
    expect(mergeB.statusCode).toBe(404);
    expect((await t.request(b.admin, { method: "GET", url: dir(b.clsm.id, "/people") })).json().total).toBe(
      3,
    );
    expect(JSON.stringify([people.json(), structures.json()])).not.toContain(b.clsm.id);
  });
});
