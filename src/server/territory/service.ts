import type { TerritoryHit } from "../../contracts/territory";
import type { Db } from "../platform/db";
import { notFound } from "../platform/errors";
import { communeShapes } from "./geo";
import { searchKey } from "./normalize";
import * as repo from "./repo";

export type TerritoryService = ReturnType<typeof createTerritoryService>;
export type ResolvedCommune = Awaited<ReturnType<typeof repo.findCommunes>>[number];

const toCommuneHit = (c: ResolvedCommune) => ({
  kind: "commune" as const,
  code: c.code,
  name: c.name,
  departementCode: c.departementCode,
  departementName: c.departementName,
  population: c.population,
  postalCodes: c.postalCodes,
});

/** Reference geography: reading it needs no particular right, only a signed-in person (checked by the route). */
export function createTerritoryService(deps: { db: Db }) {
  const { db } = deps;
  // Département and région names do not change while the process runs (reference data is refreshed at start,
  // before the app is built), so they are read once and then answered from memory.
  let cached:
    | Promise<{
        departements: Map<string, string>;
        regions: Map<string, string>;
        regionList: { code: string; name: string }[];
      }>
    | undefined;
  const names = () => {
    cached ??= Promise.all([repo.allDepartements(db), repo.allRegions(db)]).then(
      ([departements, regions]) => ({
        departements: new Map(departements.map((d) => [d.code, d.name])),
        regions: new Map(regions.map((r) => [r.code, r.name])),
        regionList: regions,
      }),
    );
    return cached;
  };
  return {
    async search(q: string, limit: number): Promise<TerritoryHit[]> {
      const key = searchKey(q);
      // Nothing left to look for once accents and punctuation are gone ("%%", "--"): no match, not every row.
      if (!key) return [];
      const code = q.trim().toUpperCase();
      const [communes, epcis] = await Promise.all([
        repo.searchCommunes(db, key, code, limit),
        repo.searchEpcis(db, key, code, Math.ceil(limit / 3)),
      ]);
      const epciHits: TerritoryHit[] = epcis.map((e) => ({
        kind: "epci",
        code: e.code,
        name: e.name,
        population: e.population,
        communeCount: e.communeCount,
        departementCodes: e.departementCodes ?? [],
      }));
      // EPCI whose name starts with the query come first, then communes in their own order.
      const leading = epciHits.filter((e) => searchKey(e.name).startsWith(key));
      const trailing = epciHits.filter((e) => !leading.includes(e));
      return [...leading, ...communes.map(toCommuneHit), ...trailing].slice(0, limit);
    },

    async epciDetail(code: string) {
      const epci = await repo.findEpci(db, code);
      if (!epci) throw notFound("EPCI introuvable.");
      const communes = await repo.communesOfEpcis(db, [code]);
      return {
        code: epci.code,
        name: epci.name,
        population: epci.population,
        communes: communes.map(toCommuneHit),
      };
    },

    regions: async () => (await names()).regionList,
    /** Names of the given départements, in code order; unknown codes keep their code as name. */
    departementsNamed: async (codes: string[]) => {
      const { departements } = await names();
      return [...codes].sort().map((code) => ({ code, name: departements.get(code) ?? code }));
    },
    regionsNamed: async (codes: string[]) => {
      const { regions } = await names();
      return codes
        .map((code) => ({ code, name: regions.get(code) ?? code }))
        .sort((a, b) => a.name.localeCompare(b.name, "fr"));
    },

    // Used by the workspaces service (inside its transaction).
    findCommunes: (tx: Db, codes: string[]) => repo.findCommunes(tx, codes),
    findEpcis: (tx: Db, codes: string[]) => repo.findEpcis(tx, codes),
    communesOfEpcis: (tx: Db, codes: string[]) => repo.communesOfEpcis(tx, codes),
    communeShapes,
  };
}
