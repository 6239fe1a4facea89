import { describe, expect, it } from "vitest";
import { seedDemo } from "../../src/server/demo/seed";
import { setupApp } from "../support/app";
import { demoAccount } from "../support/demo";
import { dir } from "../support/directory";

const t = await setupApp();

describe("the demo directory", () => {
  it("gives the Saint-Brieuc CLSM a believable directory with the aidants pillar missing", async () => {
    await seedDemo(t.database, t.services);
    const { person: coordinator, clsmId } = await demoAccount(t, "coordination@clsm-saintbrieuc.demo");
    const people = await t.request(coordinator, { method: "GET", url: dir(clsmId, "/people") });
    expect(people.json().total).toBeGreaterThanOrEqual(40);
    const structures = await t.request(coordinator, { method: "GET", url: dir(clsmId, "/structures") });
    expect(structures.json().total).toBeGreaterThanOrEqual(15);
    const pillars = (await t.request(coordinator, { method: "GET", url: dir(clsmId, "/pillars") })).json();
    expect(pillars.pillars.map((p: { present: boolean }) => p.present)).toEqual([true, true, true, false]);
    expect(pillars.pillars[3].warning).toContain("Aidants");

    // Its instances: a COPIL without carers (with the former delegate's ended membership), two working groups
    // under it, a comité technique, the plénière and the confidential cellule.
    const instances = (
      await t.request(coordinator, { method: "GET", url: `/api/clsms/${clsmId}/instances` })
    ).json();
    expect(instances.items.map((i: { kind: string }) => i.kind)).toEqual([
      "copil",
      "groupe_travail",
      "groupe_travail",
      "comite_technique",
      "pleniere",
      "autre",
    ]);
    const [copil] = instances.items;
    expect(copil.missingPillars).toEqual(["aidants"]);
    const detail = (
      await t.request(coordinator, { method: "GET", url: `/api/clsms/${clsmId}/instances/${copil.id}` })
    ).json();
    expect(detail.members.filter((m: { endDate: string | null }) => m.endDate !== null)).toHaveLength(1);
    expect(detail.children).toHaveLength(2);

    // A year of meetings: past ones with attendance and shared minutes, upcoming ones, open follow-ups.
    const past = (
      await t.request(coordinator, {
        method: "GET",
        url: `/api/clsms/${clsmId}/meetings`,
        query: { when: "past" },
      })
    ).json();
    expect(past.total).toBeGreaterThanOrEqual(8);
    expect(past.items.filter((m: { hasMinutes: boolean }) => m.hasMinutes).length).toBeGreaterThanOrEqual(7);
    const upcoming = (
      await t.request(coordinator, { method: "GET", url: `/api/clsms/${clsmId}/meetings` })
    ).json();
    expect(upcoming.total).toBeGreaterThanOrEqual(2);
    const followUps = (
      await t.request(coordinator, { method: "GET", url: `/api/clsms/${clsmId}/follow-ups` })
    ).json();
    expect(followUps.total).toBeGreaterThanOrEqual(3);
    const lastCopil = past.items.find((m: { title: string }) => m.title.startsWith("COPIL — bilan"));
    const meeting = (
      await t.request(coordinator, { method: "GET", url: `/api/clsms/${clsmId}/meetings/${lastCopil.id}` })
    ).json();
    expect(meeting.pillarsWarning).toContain("aidants");
  });
});
