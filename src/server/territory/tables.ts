import { index, integer, pgTable, text } from "drizzle-orm/pg-core";

// Reference data from @etalab/decoupage-administratif, loaded at start when its version changes.
// Codes are INSEE codes (communes, départements, régions) and SIREN numbers (EPCI).

export const refRegion = pgTable("ref_region", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

export const refDepartement = pgTable("ref_departement", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  regionCode: text("region_code").notNull(),
});

export const refEpci = pgTable("ref_epci", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  /** Lower-case, accent-free name used by the search. */
  searchName: text("search_name").notNull(),
  population: integer("population").notNull(),
});

export const refCommune = pgTable(
  "ref_commune",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    searchName: text("search_name").notNull(),
    departementCode: text("departement_code").notNull(),
    regionCode: text("region_code").notNull(),
    epciCode: text("epci_code"),
    population: integer("population").notNull(),
    postalCodes: text("postal_codes").array().notNull(),
  },
  (t) => [index("ref_commune_epci_idx").on(t.epciCode), index("ref_commune_search_idx").on(t.searchName)],
);

/** Which version of the reference package is loaded, so a restart does not reload it. */
export const refDataset = pgTable("ref_dataset", {
  name: text("name").primaryKey(),
  version: text("version").notNull(),
});
