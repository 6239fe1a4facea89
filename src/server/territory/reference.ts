import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import type { Db } from "../platform/db";
import { SEARCH_KEY_VERSION, searchKey } from "./normalize";
import { refCommune, refDataset, refDepartement, refEpci, refRegion } from "./tables";

// Loads the official communes, EPCI, départements and régions from @etalab/decoupage-administratif.
// The package is the source of truth; the tables are a copy refreshed whenever the package version changes.

const require = createRequire(import.meta.url);
const DATASET = "decoupage-administratif";

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  population?: number;
  codesPostaux?: string[];
}
interface RawEpci {
  code: string;
  nom: string;
  populationTotale?: number;
  membres: { code: string }[];
}

const packageVersion = (): string => require("@etalab/decoupage-administratif/package.json").version;

export async function ensureReferenceData(db: Db): Promise<{ loaded: boolean; version: string }> {
  // The search names depend on `searchKey` too: a change of either reloads the tables.
  const version = `${packageVersion()}+key${SEARCH_KEY_VERSION}`;
  const [current] = await db.select().from(refDataset).where(eq(refDataset.name, DATASET));
  if (current?.version === version) return { loaded: false, version };

  const regions: {
    code: string;
    nom: string;
  }[] = require("@etalab/decoupage-administratif/data/regions.json");
  const departements: {
    code: string;
    nom: string;
    region: string;
  }[] = require("@etalab/decoupage-administratif/data/departements.json");
  const epcis: RawEpci[] = require("@etalab/decoupage-administratif/data/epci.json");
  const communes: RawCommune[] = require("@etalab/decoupage-administratif/data/communes.json");

  const epciOfCommune = new Map<string, string>();
  for (const e of epcis) for (const m of e.membres) epciOfCommune.set(m.code, e.code);

  // Current communes, plus the arrondissements of Paris, Lyon and Marseille, where CLSMs are often per arrondissement.
  const communeRows = communes
    .filter((c) => c.type === "commune-actuelle" || c.type === "arrondissement-municipal")
    .map((c) => ({
      code: c.code,
      name: c.nom,
      searchName: searchKey(c.nom),
      departementCode: c.departement,
      regionCode: c.region,
      epciCode: epciOfCommune.get(c.code) ?? null,
      population: c.population ?? 0,
      postalCodes: c.codesPostaux ?? [],
    }));

  await db.transaction(async (tx) => {
    await tx.delete(refCommune);
    await tx.delete(refEpci);
    await tx.delete(refDepartement);
    await tx.delete(refRegion);
    await tx.insert(refRegion).values(regions.map((r) => ({ code: r.code, name: r.nom })));
    await tx
      .insert(refDepartement)
      .values(departements.map((d) => ({ code: d.code, name: d.nom, regionCode: d.region })));
    for (const batch of chunks(epcis, 500)) {
      await tx.insert(refEpci).values(
        batch.map((e) => ({
          code: e.code,
          name: e.nom,
          searchName: searchKey(e.nom),
          population: e.populationTotale ?? 0,
        })),
      );
    }
    for (const batch of chunks(communeRows, 1000)) await tx.insert(refCommune).values(batch);
    await tx
      .insert(refDataset)
      .values({ name: DATASET, version })
      .onConflictDoUpdate({ target: refDataset.name, set: { version } });
  });
  return { loaded: true, version };
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
