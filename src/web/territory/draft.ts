import type { TerritoryInput, TerritorySummary } from "../../contracts/workspaces";

/** A commune chosen in the territory picker. */
export interface PickedCommune {
  code: string;
  name: string;
  population: number;
  departementCode: string;
  departementName: string;
}

/** An EPCI chosen in the picker: it brings all its communes. */
export interface PickedEpci {
  code: string;
  name: string;
  population: number;
  communes: PickedCommune[];
}

export interface QuartierDraft {
  /** Stable key for React while editing. */
  key: string;
  name: string;
  communeCode: string | null;
  population: number;
}

export interface TerritoryDraft {
  communes: PickedCommune[];
  epcis: PickedEpci[];
  quartiers: QuartierDraft[];
}

export const emptyDraft: TerritoryDraft = { communes: [], epcis: [], quartiers: [] };

let counter = 0;
export const newQuartierKey = () => `q${++counter}`;

/** Every commune of the territory, once each (an EPCI's communes and the communes chosen one by one). */
export function allCommunes(draft: TerritoryDraft): PickedCommune[] {
  const byCode = new Map<string, PickedCommune>();
  for (const epci of draft.epcis) for (const c of epci.communes) byCode.set(c.code, c);
  for (const c of draft.communes) if (!byCode.has(c.code)) byCode.set(c.code, c);
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

/** The population the server will compute: the quartiers' sum for an infra-communal CLSM, else the communes'. */
export function draftPopulation(draft: TerritoryDraft): number {
  if (draft.quartiers.length > 0) {
    return draft.quartiers.reduce((sum, q) => sum + (Number.isFinite(q.population) ? q.population : 0), 0);
  }
  return allCommunes(draft).reduce((sum, c) => sum + c.population, 0);
}

export const isDraftEmpty = (draft: TerritoryDraft) => draft.communes.length + draft.epcis.length === 0;

/** The EPCI that already brings this commune, if any. */
export const epciHolding = (draft: TerritoryDraft, communeCode: string) =>
  draft.epcis.find((e) => e.communes.some((c) => c.code === communeCode));

export function toTerritoryInput(draft: TerritoryDraft): TerritoryInput {
  return {
    communeCodes: draft.communes.map((c) => c.code),
    epciCodes: draft.epcis.map((e) => e.code),
    quartiers: draft.quartiers.map((q) => ({
      name: q.name.trim(),
      communeCode: q.communeCode ?? "",
      population: Number.isFinite(q.population) ? q.population : 0,
    })),
  };
}

/** The draft of an existing CLSM's territory (to edit it). */
export function draftFromSummary(t: TerritorySummary): TerritoryDraft {
  const departements = new Map(t.departements.map((d) => [d.code, d.name]));
  const picked = (c: TerritorySummary["communes"][number]): PickedCommune => ({
    code: c.code,
    name: c.name,
    population: c.population,
    departementCode: c.departementCode,
    departementName: departements.get(c.departementCode) ?? c.departementCode,
  });
  const epciCodes = new Set(t.epcis.map((e) => e.code));
  const epcis = t.epcis.map((e) => {
    const communes = t.communes.filter((c) => c.epciCode === e.code).map(picked);
    return {
      code: e.code,
      name: e.name,
      population: communes.reduce((s, c) => s + c.population, 0),
      communes,
    };
  });
  return {
    epcis,
    communes: t.communes.filter((c) => !c.epciCode || !epciCodes.has(c.epciCode)).map(picked),
    quartiers: t.quartiers.map((q) => ({
      key: newQuartierKey(),
      name: q.name,
      communeCode: q.communeCode,
      population: q.population,
    })),
  };
}
