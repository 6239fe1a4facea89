import { describe, expect, it } from "vitest";
import { seedDemo } from "../../src/server/demo/seed";
import { setupApp } from "../support/app";
import { dir } from "../support/directory";

const t = await setupApp();

describe("the demo directory", () => {
  it("gives the Saint-Brieuc CLSM a believable directory with the aidants pillar missing", async () => {
    await seedDemo(t.database, t.services);
    const coordinator = { id: "", email: "coordination@clsm-saintbrieuc.demo", cookie: "" };
    coordinator.cookie = await t.signIn(coordinator.email, "maillage-demo");
    const clsms = (await t.request(coordinator, { method: "GET", url: "/api/clsms" })).json();
    const agglo = clsms.items.find((c: { name: string }) => c.name.includes("Saint-Brieuc"));
    const people = await t.request(coordinator, { method: "GET", url: dir(agglo.id, "/people") });
    expect(people.json().total).toBeGreaterThanOrEqual(40);
    const structures = await t.request(coordinator, { method: "GET", url: dir(agglo.id, "/structures") });
    expect(structures.json().total).toBeGreaterThanOrEqual(15);
    const pillars = (await t.request(coordinator, { method: "GET", url: dir(agglo.id, "/pillars") })).json();
    expect(pillars.pillars.map((p: { present: boolean }) => p.present)).toEqual([true, true, true, false]);
    expect(pillars.pillars[3].warning).toContain("Aidants");
  });
});
