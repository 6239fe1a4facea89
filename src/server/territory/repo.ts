import { asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { type Db, qualified } from "../platform/db";
import { refCommune, refDepartement, refEpci, refRegion } from "./tables";

export type CommuneRow = typeof refCommune.$inferSelect;

const communeColumns = {
  code: refCommune.code,
  name: refCommune.name,
  departementCode: refCommune.departementCode,
  departementName: refDepartement.name,
  regionCode: refCommune.regionCode,
  epciCode: refCommune.epciCode,
  population: refCommune.population,
  postalCodes: refCommune.postalCodes,
};

/** Communes whose name contains the key, or whose INSEE or postal code is the query; best matches first. */
export async function searchCommunes(db: Db, key: string, code: string, limit: number) {
  const contains = `%${key}%`;
  return db
    .select(communeColumns)
    .from(refCommune)
    .innerJoin(refDepartement, eq(refDepartement.code, refCommune.departementCode))
    .where(
      or(
        sql`${refCommune.searchName} like ${contains}`,
        eq(refCommune.code, code),
        sql`${refCommune.postalCodes} @> array[${code}]::text[]`,
      ),
    )
    .orderBy(
      sql`case when ${refCommune.searchName} = ${key} or ${refCommune.code} = ${code} then 0
               when ${refCommune.searchName} like ${`${key}%`} then 1 else 2 end`,
      desc(refCommune.population),
    )
    .limit(limit);
}

export async function searchEpcis(db: Db, key: string, code: string, limit: number) {
  const contains = `%${key}%`;
  return db
    .select({
      code: refEpci.code,
      name: refEpci.name,
      population: refEpci.population,
      communeCount: sql<number>`(select count(*)::int from ${refCommune} where ${qualified(refCommune.epciCode)} = ${qualified(refEpci.code)})`,
      departementCodes: sql<
        string[]
      >`(select array_agg(distinct ${qualified(refCommune.departementCode)}) from ${refCommune} where ${qualified(refCommune.epciCode)} = ${qualified(refEpci.code)})`,
    })
    .from(refEpci)
    .where(or(sql`${refEpci.searchName} like ${contains}`, eq(refEpci.code, code)))
    .orderBy(
      sql`case when ${refEpci.searchName} like ${`${key}%`} or ${refEpci.code} = ${code} then 0 else 1 end`,
      desc(refEpci.population),
    )
    .limit(limit);
}

export async function findCommunes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select(communeColumns)
    .from(refCommune)
    .innerJoin(refDepartement, eq(refDepartement.code, refCommune.departementCode))
    .where(inArray(refCommune.code, codes))
    .orderBy(asc(refCommune.name));
}

export async function findEpci(db: Db, code: string) {
  const [row] = await db.select().from(refEpci).where(eq(refEpci.code, code));
  return row;
}

export async function findEpcis(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ code: refEpci.code, name: refEpci.name })
    .from(refEpci)
    .where(inArray(refEpci.code, codes));
}

export async function communesOfEpcis(db: Db, epciCodes: string[]) {
  if (epciCodes.length === 0) return [];
  return db
    .select(communeColumns)
    .from(refCommune)
    .innerJoin(refDepartement, eq(refDepartement.code, refCommune.departementCode))
    .where(inArray(refCommune.epciCode, epciCodes))
    .orderBy(asc(refCommune.name));
}

export async function allDepartements(db: Db) {
  return db
    .select({ code: refDepartement.code, name: refDepartement.name })
    .from(refDepartement)
    .orderBy(asc(refDepartement.code));
}

export async function allRegions(db: Db) {
  return db
    .select({ code: refRegion.code, name: refRegion.name })
    .from(refRegion)
    .orderBy(asc(refRegion.name));
}
