import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { user } from "../../accounts/tables";
import type { Db } from "../../platform/db";
import { directoryImport, directoryImportUpdate } from "../import-tables";
import { directoryCollege, directoryPerson, directoryRole, directoryStructure } from "../tables";

// SQL of the import slice. Bulk writes go in batches: no query per row.

export type ImportRow = typeof directoryImport.$inferSelect;
const BATCH = 500;

function batches<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Drafts never committed keep personal data from a file: they are dropped after `days` days. */
export async function deleteStaleDrafts(db: Db, clsmId: string, days: number) {
  await db
    .delete(directoryImport)
    .where(
      and(
        eq(directoryImport.clsmId, clsmId),
        eq(directoryImport.status, "draft"),
        sql`${directoryImport.createdAt} < now() - make_interval(days => ${days})`,
      ),
    );
}

export async function insertImport(db: Db, values: typeof directoryImport.$inferInsert) {
  const [row] = await db.insert(directoryImport).values(values).returning({ id: directoryImport.id });
  return row as { id: string };
}

const summaryColumns = {
  id: directoryImport.id,
  fileName: directoryImport.fileName,
  kind: directoryImport.kind,
  status: directoryImport.status,
  createdById: directoryImport.createdBy,
  createdByName: user.name,
  createdAt: directoryImport.createdAt,
  committedAt: directoryImport.committedAt,
  undoneAt: directoryImport.undoneAt,
  totalRows: directoryImport.totalRows,
  processedRows: directoryImport.processedRows,
  createdCount: directoryImport.createdCount,
  updatedCount: directoryImport.updatedCount,
  skippedCount: directoryImport.skippedCount,
};

export type ImportSummaryRow = Awaited<ReturnType<typeof listImports>>["items"][number];

export async function listImports(db: Db, clsmId: string, limit: number, offset: number) {
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(directoryImport)
      .innerJoin(user, eq(user.id, directoryImport.createdBy))
      .where(eq(directoryImport.clsmId, clsmId))
      .orderBy(desc(directoryImport.createdAt))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(directoryImport).where(eq(directoryImport.clsmId, clsmId)),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findImportSummary(db: Db, clsmId: string, id: string) {
  const [row] = await db
    .select({ ...summaryColumns, headers: directoryImport.headers, mapping: directoryImport.mapping })
    .from(directoryImport)
    .innerJoin(user, eq(user.id, directoryImport.createdBy))
    .where(and(eq(directoryImport.clsmId, clsmId), eq(directoryImport.id, id)));
  return row;
}

/** The whole import with its rows; `lock` takes a row lock (inside a transaction) against concurrent commits. */
export async function findImport(db: Db, clsmId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(directoryImport)
    .where(and(eq(directoryImport.clsmId, clsmId), eq(directoryImport.id, id)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function updateImport(db: Db, id: string, values: Partial<typeof directoryImport.$inferInsert>) {
  await db.update(directoryImport).set(values).where(eq(directoryImport.id, id));
}

export async function colleges(db: Db, clsmId: string) {
  return db
    .select({ id: directoryCollege.id, name: directoryCollege.name, pillar: directoryCollege.pillar })
    .from(directoryCollege)
    .where(eq(directoryCollege.clsmId, clsmId));
}

export async function structures(db: Db, clsmId: string) {
  return db
    .select({ id: directoryStructure.id, name: directoryStructure.name })
    .from(directoryStructure)
    .where(eq(directoryStructure.clsmId, clsmId));
}

/** People of the CLSM with their current structures (one row per current role, or one without). */
export async function peopleForMatching(db: Db, clsmId: string) {
  return db
    .select({
      id: directoryPerson.id,
      firstName: directoryPerson.firstName,
      lastName: directoryPerson.lastName,
      email: directoryPerson.email,
      structureName: directoryStructure.name,
    })
    .from(directoryPerson)
    .leftJoin(
      directoryRole,
      and(eq(directoryRole.personId, directoryPerson.id), isNull(directoryRole.endDate)),
    )
    .leftJoin(directoryStructure, eq(directoryStructure.id, directoryRole.structureId))
    .where(and(eq(directoryPerson.clsmId, clsmId), isNull(directoryPerson.anonymisedAt)));
}

export async function insertStructures(db: Db, values: (typeof directoryStructure.$inferInsert)[]) {
  const out: { id: string; name: string }[] = [];
  for (const batch of batches(values)) {
    out.push(
      ...(await db
        .insert(directoryStructure)
        .values(batch)
        .returning({ id: directoryStructure.id, name: directoryStructure.name })),
    );
  }
  return out;
}

/** Inserts people (ids chosen by the caller, so roles can be written without reading anything back). */
export async function insertPeople(db: Db, values: (typeof directoryPerson.$inferInsert)[]) {
  for (const batch of batches(values)) await db.insert(directoryPerson).values(batch);
}

export async function insertRoles(db: Db, values: (typeof directoryRole.$inferInsert)[]) {
  for (const batch of batches(values)) await db.insert(directoryRole).values(batch);
}

export type PersonRow = typeof directoryPerson.$inferSelect;

export async function peopleByIds(db: Db, clsmId: string, ids: string[]) {
  const out: PersonRow[] = [];
  for (const batch of batches(ids, 1000)) {
    out.push(
      ...(await db
        .select()
        .from(directoryPerson)
        .where(and(eq(directoryPerson.clsmId, clsmId), inArray(directoryPerson.id, batch)))),
    );
  }
  return out;
}

/** The editable columns an import writes on a person, in the order of the VALUES list below. */
export interface PersonPatch {
  id: string;
  civility: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  collegeId: string | null;
  pillar: string | null;
  notes: string | null;
  searchKey: string;
  updatedBy: string | null;
  updatedAt: Date;
}

/** One UPDATE … FROM (VALUES …) per batch. */
export async function updatePeople(db: Db, patches: PersonPatch[]) {
  for (const batch of batches(patches)) {
    const values = sql.join(
      batch.map(
        (p) =>
          sql`(${p.id}::uuid, ${p.civility}::text, ${p.firstName}::text, ${p.lastName}::text, ${p.email}::text, ${p.phone}::text, ${p.collegeId}::uuid, ${p.pillar}::text, ${p.notes}::text, ${p.searchKey}::text, ${p.updatedBy}::text, ${p.updatedAt.toISOString()}::timestamptz)`,
      ),
      sql`, `,
    );
    await db.execute(sql`update directory_person p set
      civility = v.civility, first_name = v.first_name, last_name = v.last_name, email = v.email,
      phone = v.phone, college_id = v.college_id, pillar = v.pillar, notes = v.notes,
      search_key = v.search_key, updated_by = v.updated_by, updated_at = v.updated_at
      from (values ${values}) as v(id, civility, first_name, last_name, email, phone, college_id, pillar, notes, search_key, updated_by, updated_at)
      where p.id = v.id`);
  }
}

export async function insertUpdates(db: Db, values: (typeof directoryImportUpdate.$inferInsert)[]) {
  for (const batch of batches(values)) await db.insert(directoryImportUpdate).values(batch);
}

export async function updatesOf(db: Db, importId: string) {
  return db.select().from(directoryImportUpdate).where(eq(directoryImportUpdate.importId, importId));
}

/** Rows the import created that were changed after it (updated_at later than the commit). */
export async function editedSince(db: Db, clsmId: string, importId: string, committedAt: Date) {
  const [people, structs] = await Promise.all([
    db
      .select({ n: count() })
      .from(directoryPerson)
      .where(
        and(
          eq(directoryPerson.clsmId, clsmId),
          eq(directoryPerson.importId, importId),
          sql`${directoryPerson.updatedAt} > ${committedAt.toISOString()}::timestamptz`,
        ),
      ),
    db
      .select({ n: count() })
      .from(directoryStructure)
      .where(
        and(
          eq(directoryStructure.clsmId, clsmId),
          eq(directoryStructure.importId, importId),
          sql`${directoryStructure.updatedAt} > ${committedAt.toISOString()}::timestamptz`,
        ),
      ),
  ]);
  return (people[0]?.n ?? 0) + (structs[0]?.n ?? 0);
}

export async function deleteCreated(db: Db, clsmId: string, importId: string) {
  await db
    .delete(directoryPerson)
    .where(and(eq(directoryPerson.clsmId, clsmId), eq(directoryPerson.importId, importId)));
  await db
    .delete(directoryStructure)
    .where(and(eq(directoryStructure.clsmId, clsmId), eq(directoryStructure.importId, importId)));
}

export async function deleteRoles(db: Db, ids: string[]) {
  for (const batch of batches(ids, 1000))
    await db.delete(directoryRole).where(inArray(directoryRole.id, batch));
}
