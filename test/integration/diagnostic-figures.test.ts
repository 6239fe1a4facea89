import { describe, expect, it } from "vitest";
import type { FigureItem, FigureList } from "../../src/contracts/diagnostic-figures";
import {
  REFERENCE_PACKAGE_MAJOR,
  referencePackageVersion,
} from "../../src/server/diagnostic/figures/population";
import { type Person, SAINT_BRIEUC_AGGLO, setupApp } from "../support/app";
import { createTenant, expectErrorBody, LORIENT, SAINT_BRIEUC } from "../support/factories";

const t = await setupApp();

const figuresUrl = (clsmId: string, path = "") => `/api/clsms/${clsmId}/diagnostic/figures${path}`;

async function figures(by: Person, clsmId: string, query: Record<string, string> = {}) {
  const res = await t.request(by, { method: "GET", url: figuresUrl(clsmId), query });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FigureList;
}

async function addFigure(by: Person, clsmId: string, payload: object) {
  const res = await t.request(by, { method: "POST", url: figuresUrl(clsmId), payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as FigureItem;
}

const figure = {
  label: "Patients sous antidépresseurs",
  value: 9.6,
  unit: "%",
  year: 2023,
  source: "SNDS / Assurance Maladie, données 2023",
  level: "territoire",
};

describe("population", () => {
  it("is the territory's: its communes' official populations, summed, with the source and its millésime", async () => {
    const tenant = await createTenant(t, {
      territory: { epciCodes: [SAINT_BRIEUC_AGGLO], communeCodes: [LORIENT] },
    });
    const { population } = await figures(tenant.member, tenant.clsm.id);
    expect(population.total).toBe(tenant.clsm.territory.population);
    expect(population.official).toBe(true);
    expect(population.communes.map((c) => c.code).sort()).toEqual(
      tenant.clsm.territory.communes.map((c) => c.code).sort(),
    );
    const lorient = population.communes.find((c) => c.code === LORIENT);
    expect(lorient).toMatchObject({ name: "Lorient", departementCode: "56", departementName: "Morbihan" });
    expect(lorient?.population).toBe(
      tenant.clsm.territory.communes.find((c) => c.code === LORIENT)?.population,
    );
    expect(population.communes.map((c) => c.name)).toEqual(
      [...population.communes.map((c) => c.name)].sort((a, b) => a.localeCompare(b, "fr")),
    );
    expect(population.year).toBe(2023);
    expect(population.source).toContain("Insee, populations légales 2023");
    expect(population.source).toContain(`@etalab/decoupage-administratif ${referencePackageVersion()}`);
    expect(population.quartiersSource).toBeNull();
  });

  it("of an infra-communal CLSM is its quartiers', entered, and said so", async () => {
    const tenant = await createTenant(t, {
      territory: {
        communeCodes: [SAINT_BRIEUC],
        quartiers: [
          { name: "Croix-Saint-Lambert", communeCode: SAINT_BRIEUC, population: 6100 },
          { name: "Ginglin", communeCode: SAINT_BRIEUC, population: 3900 },
        ],
      },
    });
    const { population } = await figures(tenant.coordinator, tenant.clsm.id);
    expect(population).toMatchObject({ total: 10000, official: false });
    expect(population.quartiers.map((q) => q.name)).toEqual(["Croix-Saint-Lambert", "Ginglin"]);
    expect(population.quartiersSource).toMatch(/saisies/);
    expect(population.total).toBe(tenant.clsm.territory.population);
  });

  // The millésime stated above (populations légales 2023) is that of the package's 6.x versions: a new major
  // version carries another one, and the words in diagnostic/figures/population.ts must then be checked.
  it("is stated for the installed version of the official data", () => {
    expect(Number(referencePackageVersion().split(".")[0])).toBe(REFERENCE_PACKAGE_MAJOR);
  });
});

describe("figures the CLSM adds", () => {
  it("are added with their source, placed on a commune, the territory or a département, edited and deleted", async () => {
    const tenant = await createTenant(t, { territory: { epciCodes: [SAINT_BRIEUC_AGGLO] } });
    const { clsm, coordinator, member } = tenant;
    const territoryFigure = await addFigure(coordinator, clsm.id, { ...figure, theme: "Santé mentale" });
    // Nothing invented: no comparison value unless entered.
    expect(territoryFigure).toMatchObject({
      value: 9.6,
      level: "territoire",
      communeCode: null,
      departementValue: null,
      nationalValue: null,
      comparisonSource: null,
    });
    const communeFigure = await addFigure(coordinator, clsm.id, {
      label: "Logements sociaux",
      value: 3512,
      unit: "logements",
      year: 2024,
      source: "RPLS 2024",
      level: "commune",
      communeCode: SAINT_BRIEUC,
      theme: "Logement",
    });
    expect(communeFigure).toMatchObject({ communeCode: SAINT_BRIEUC, communeName: "Saint-Brieuc" });
    const departementFigure = await addFigure(coordinator, clsm.id, {
      label: "Taux de pauvreté",
      value: 12.3,
      unit: "%",
      year: 2021,
      source: "Insee, Filosofi 2021",
      level: "departement",
      departementCode: "22",
      nationalValue: 14.5,
      comparisonSource: "Insee, Filosofi 2021 (France métropolitaine)",
    });
    expect(departementFigure).toMatchObject({ departementCode: "22", departementName: "Côtes-d'Armor" });

    const list = await figures(member, clsm.id);
    expect(list.can).toEqual({ manage: false });
    expect(list.total).toBe(3);
    // By theme, those without one last.
    expect(list.items.map((f) => f.label)).toEqual([
      "Logements sociaux",
      "Patients sous antidépresseurs",
      "Taux de pauvreté",
    ]);
    expect(list.themes).toEqual(["Logement", "Santé mentale"]);
    const byTheme = await figures(member, clsm.id, { theme: "logement" });
    expect(byTheme.items.map((f) => f.id)).toEqual([communeFigure.id]);
    const paged = await figures(member, clsm.id, { limit: "1", offset: "1" });
    expect(paged.items.map((f) => f.id)).toEqual([territoryFigure.id]);

    // Moving a commune figure to the territory drops its commune.
    const moved = await t.request(coordinator, {
      method: "PATCH",
      url: figuresUrl(clsm.id, `/${communeFigure.id}`),
      payload: { level: "territoire", value: 9100.5, departementValue: 41000 },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      level: "territoire",
      communeCode: null,
      value: 9100.5,
      departementValue: 41000,
      source: "RPLS 2024",
    });
    const cleared = await t.request(coordinator, {
      method: "PATCH",
      url: figuresUrl(clsm.id, `/${communeFigure.id}`),
      payload: { departementValue: null, theme: "" },
    });
    expect(cleared.json()).toMatchObject({ departementValue: null, theme: null });

    const removed = await t.request(coordinator, {
      method: "DELETE",
      url: figuresUrl(clsm.id, `/${departementFigure.id}`),
    });
    expect(removed.statusCode).toBe(204);
    const again = await t.request(coordinator, {
      method: "DELETE",
      url: figuresUrl(clsm.id, `/${departementFigure.id}`),
    });
    expect(again.statusCode).toBe(404);
    expect((await figures(member, clsm.id)).total).toBe(2);
  });

  it("refuses a figure without source, out of the territory, of an impossible year or value, naming the field", async () => {
    const tenant = await createTenant(t, { territory: { communeCodes: [SAINT_BRIEUC] } });
    const { clsm, coordinator } = tenant;
    const nextYear = new Date().getFullYear() + 1;
    const cases: [object, string][] = [
      [{ ...figure, source: undefined }, "source"],
      [{ ...figure, source: "   " }, "source"],
      [{ ...figure, label: "" }, "label"],
      [{ ...figure, year: 1899 }, "year"],
      [{ ...figure, year: nextYear + 1 }, "year"],
      [{ ...figure, year: 2020.5 }, "year"],
      [{ ...figure, value: "NaN" }, "value"],
      [{ ...figure, value: "12" }, "value"],
      [{ ...figure, value: 1e300 }, "value"],
      [{ ...figure, value: -1e13 }, "value"],
      [{ ...figure, nationalValue: 1e300 }, "nationalValue"],
      [{ ...figure, level: "region" }, "level"],
      [{ ...figure, level: "commune" }, "communeCode"],
      [{ ...figure, level: "commune", communeCode: LORIENT }, "communeCode"],
      [{ ...figure, level: "commune", communeCode: "99999" }, "communeCode"],
      [{ ...figure, communeCode: SAINT_BRIEUC }, "communeCode"],
      [{ ...figure, level: "departement" }, "departementCode"],
      [{ ...figure, level: "departement", departementCode: "56" }, "departementCode"],
      [{ ...figure, departementCode: "22" }, "departementCode"],
    ];
    for (const [payload, field] of cases) {
      const res = await t.request(coordinator, { method: "POST", url: figuresUrl(clsm.id), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const error = expectErrorBody(res.body) as { fields?: Record<string, string> };
      expect(Object.keys(error.fields ?? {}), JSON.stringify(payload)).toContain(field);
    }
    // 1e400 is not a finite number once parsed: refused, never stored as Infinity.
    const infinite = await t.request(coordinator, {
      method: "POST",
      url: figuresUrl(clsm.id),
      payload: JSON.stringify(figure).replace('"value":9.6', '"value":1e400'),
      headers: { "content-type": "application/json" },
    });
    expect(infinite.statusCode).toBe(400);
    // Next year is accepted (a projection), as is a commune of the territory.
    await addFigure(coordinator, clsm.id, {
      ...figure,
      year: nextYear,
      level: "commune",
      communeCode: SAINT_BRIEUC,
    });
    const stored = await figures(coordinator, clsm.id);
    expect(stored.total).toBe(1);

    const [only] = stored.items;
    const patch = await t.request(coordinator, {
      method: "PATCH",
      url: figuresUrl(clsm.id, `/${only?.id}`),
      payload: { source: "" },
    });
    expect(patch.statusCode).toBe(400);
    const toOther = await t.request(coordinator, {
      method: "PATCH",
      url: figuresUrl(clsm.id, `/${only?.id}`),
      payload: { communeCode: LORIENT },
    });
    expect(toOther.statusCode).toBe(400);
  });

  it("are changed by the coordination only (403 for members), and another CLSM's figure is not found", async () => {
    const tenant = await createTenant(t);
    const other = await createTenant(t);
    const mine = await addFigure(tenant.coordinator, tenant.clsm.id, figure);
    const theirs = await addFigure(other.coordinator, other.clsm.id, figure);
    for (const [method, path, payload] of [
      ["POST", "", figure],
      ["PATCH", `/${mine.id}`, { value: 1 }],
      ["DELETE", `/${mine.id}`, undefined],
    ] as const) {
      const res = await t.request(tenant.member, {
        method,
        url: figuresUrl(tenant.clsm.id, path),
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${path}`).toBe(403);
    }
    const cross = await t.request(tenant.coordinator, {
      method: "PATCH",
      url: figuresUrl(tenant.clsm.id, `/${theirs.id}`),
      payload: { value: 1 },
    });
    expect(cross.statusCode).toBe(404);
    expectErrorBody(cross.body, "NOT_FOUND");
    expect((await figures(other.coordinator, other.clsm.id)).items[0]?.value).toBe(9.6);
  });

  it("are given with the population to the diagnostic page", async () => {
    const tenant = await createTenant(t);
    await addFigure(tenant.coordinator, tenant.clsm.id, figure);
    const all = await t.services.diagnosticFigures.allFor(t.services.db, tenant.clsm.id);
    expect(all.population.total).toBe(tenant.clsm.territory.population);
    expect(all.items.map((f) => f.label)).toEqual([figure.label]);
  });
});
