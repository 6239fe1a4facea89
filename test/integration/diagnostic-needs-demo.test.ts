import { describe, expect, it } from "vitest";
import type { FigureList } from "../../src/contracts/diagnostic-figures";
import type { NeedDetail, NeedItem, NeedsSummary, ResourceItem } from "../../src/contracts/diagnostic-needs";
import { seedDemo } from "../../src/server/demo/seed";
import { setupApp } from "../support/app";
import { demoAccount } from "../support/demo";

const t = await setupApp();

describe("the demo's needs, resources and figures", () => {
  it("links needs to the demo meetings and residents' survey, resources to directory structures, and sources every figure", async () => {
    await seedDemo(t.database, t.services);
    const { person: member, clsmId } = await demoAccount(t, "aidante@clsm-saintbrieuc.demo");
    const base = `/api/clsms/${clsmId}/diagnostic`;
    const get = async <T>(url: string, query: Record<string, string> = {}) => {
      const res = await t.request(member, { method: "GET", url: `${base}${url}`, query });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as T;
    };

    const needs = await get<{ items: NeedItem[]; total: number }>("/needs", { limit: "100" });
    expect(needs.total).toBe(8);
    const delays = needs.items.find((n) => n.title.startsWith("Délais d'attente"));
    const detail = await get<NeedDetail>(`/needs/${delays?.id}`);
    expect(detail.links.map((l) => l.meeting?.title ?? l.question?.label)).toEqual([
      "COPIL — point d'étape",
      expect.any(String),
    ]);
    // The residents' survey seeded before: its question is named.
    expect(detail.links[1]?.survey?.title).toBeTruthy();
    expect(detail.links[1]?.question?.label).toBeTruthy();

    const resources = await get<{ items: ResourceItem[]; total: number }>("/resources", { limit: "100" });
    expect(resources.total).toBe(8);
    expect(resources.items.filter((r) => r.structure !== null)).toHaveLength(7);

    // Prevention has needs and no resource: the gap the demo shows.
    const summary = await get<NeedsSummary>("/needs/summary");
    expect(summary.objectives.find((o) => o.objective === "prevention")).toMatchObject({ resources: 0 });
    expect(summary.objectives.filter((o) => o.needs > 0 && o.resources === 0)).toHaveLength(1);

    const figures = await get<FigureList>("/figures");
    expect(figures.total).toBe(6);
    for (const f of figures.items) {
      expect(f.source).not.toBe("");
      // Nothing is given for the département or France in the demo: no such value could be sourced.
      expect([f.departementValue, f.nationalValue]).toEqual([null, null]);
      // Either computed from the official populations, or said to be fictional.
      expect(f.source).toMatch(/populations légales 2023|valeur fictive de démonstration/);
    }
    const centre = figures.population.communes.find((c) => c.name === "Saint-Brieuc");
    const share = figures.items.find((f) => f.label === "Part de la population vivant dans la ville-centre");
    expect(share?.value).toBe(Math.round(((centre?.population ?? 0) / figures.population.total) * 1000) / 10);
  });
});
