import { and, asc, count, desc, eq, ilike, inArray, isNull, like, or, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, type PgSelect, QueryBuilder } from "drizzle-orm/pg-core";
import type { PersonListQuery, StructureListQuery } from "../../contracts/directory";
import { containing, type Db, positionIn, qualified } from "../platform/db";
import { searchKey } from "../territory/normalize";
import { clsm } from "../workspaces/tables";
import {
  directoryCollege,
  directoryPerson,
  directoryRole,
  directorySettings,
  directoryStructure,
} from "./tables";

export type CollegeRow = typeof directoryCollege.$inferSelect;
export type StructureRow = typeof directoryStructure.$inferSelect;
export type PersonRow = typeof directoryPerson.$inferSelect;
export type RoleRow = typeof directoryRole.$inferSelect;

const accented = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœ";
const plain = "aaaaaaceeeeiiiinooooouuuuyyae";
/**
 * A column's text in an order that ignores case and French accents whatever the database collation
 * ("Évenou" between "Dupont" and "Guillou", not after "Z"). Ligatures sort as their first letter.
 */
const sortable = (column: AnyPgColumn) => sql`translate(lower(${column}), ${accented}, ${plain})`;

// ─── Settings and collèges ───────────────────────────────────────────────────────────────────────────────

export async function findSettings(db: Db, clsmId: string) {
  const [row] = await db.select().from(directorySettings).where(eq(directorySettings.clsmId, clsmId));
  return row;
}

/** Creates the settings row once; true when this call created it (the caller then adds the default collèges). */
export async function claimInitialisation(db: Db, clsmId: string): Promise<boolean> {
  const rows = await db
    .insert(directorySettings)
    .values({ clsmId })
    .onConflictDoNothing()
    .returning({ clsmId: directorySettings.clsmId });
  return rows.length > 0;
}

export async function updateSettings(db: Db, clsmId: string, values: { contactsVisibleToMembers: boolean }) {
  await db
    .update(directorySettings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(directorySettings.clsmId, clsmId));
}

export async function listColleges(db: Db, clsmId: string) {
  return db
    .select({
      id: directoryCollege.id,
      name: directoryCollege.name,
      pillar: directoryCollege.pillar,
      position: directoryCollege.position,
      personCount: sql<number>`(select count(*)::int from ${directoryPerson} where ${qualified(directoryPerson.collegeId)} = ${qualified(directoryCollege.id)})`,
    })
    .from(directoryCollege)
    .where(eq(directoryCollege.clsmId, clsmId))
    .orderBy(asc(directoryCollege.position), asc(directoryCollege.name), asc(directoryCollege.id));
}

export async function findCollege(db: Db, clsmId: string, id: string): Promise<CollegeRow | undefined> {
  const [row] = await db
    .select()
    .from(directoryCollege)
    .where(and(eq(directoryCollege.clsmId, clsmId), eq(directoryCollege.id, id)));
  return row;
}

export async function insertColleges(db: Db, values: (typeof directoryCollege.$inferInsert)[]) {
  return db.insert(directoryCollege).values(values).returning();
}

export async function nextCollegePosition(db: Db, clsmId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${directoryCollege.position}) + 1, 0)::int` })
    .from(directoryCollege)
    .where(eq(directoryCollege.clsmId, clsmId));
  return row?.n ?? 0;
}

/** Gives each collège its index in `ids` as position, in one statement. */
export async function reorderColleges(db: Db, clsmId: string, ids: string[]) {
  if (ids.length === 0) return;
  await db
    .update(directoryCollege)
    .set({ position: positionIn(directoryCollege.id, ids), updatedAt: new Date() })
    .where(and(eq(directoryCollege.clsmId, clsmId), inArray(directoryCollege.id, ids)));
}

export async function updateCollege(
  db: Db,
  clsmId: string,
  id: string,
  values: Partial<Pick<CollegeRow, "name" | "pillar" | "position">>,
) {
  await db
    .update(directoryCollege)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(directoryCollege.clsmId, clsmId), eq(directoryCollege.id, id)));
}

export async function collegeUsage(db: Db, id: string): Promise<number> {
  const [people] = await db
    .select({ n: count() })
    .from(directoryPerson)
    .where(eq(directoryPerson.collegeId, id));
  const [structures] = await db
    .select({ n: count() })
    .from(directoryStructure)
    .where(eq(directoryStructure.collegeId, id));
  return (people?.n ?? 0) + (structures?.n ?? 0);
}

export async function deleteCollege(db: Db, clsmId: string, id: string) {
  await db
    .delete(directoryCollege)
    .where(and(eq(directoryCollege.clsmId, clsmId), eq(directoryCollege.id, id)));
}

// ─── Structures ──────────────────────────────────────────────────────────────────────────────────────────

const currentPeopleCount = sql<number>`(select count(distinct ${qualified(directoryRole.personId)})::int from ${directoryRole} where ${qualified(directoryRole.structureId)} = ${qualified(directoryStructure.id)} and ${qualified(directoryRole.endDate)} is null)`;

export const structureSearchKey = (s: { name: string; communeName: string | null }) =>
  searchKey(`${s.name} ${s.communeName ?? ""}`);

export async function listStructures(db: Db, clsmId: string, query: StructureListQuery) {
  const where = and(
    eq(directoryStructure.clsmId, clsmId),
    query.q && searchKey(query.q)
      ? like(directoryStructure.searchKey, containing(searchKey(query.q)))
      : undefined,
    query.type ? eq(directoryStructure.type, query.type) : undefined,
    query.collegeId ? eq(directoryStructure.collegeId, query.collegeId) : undefined,
    query.communeCode ? eq(directoryStructure.communeCode, query.communeCode) : undefined,
  );
  const order =
    query.sort === "updated"
      ? [desc(directoryStructure.updatedAt), asc(directoryStructure.id)]
      : [asc(sortable(directoryStructure.name)), asc(directoryStructure.id)];
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: directoryStructure.id,
        name: directoryStructure.name,
        type: directoryStructure.type,
        collegeId: directoryStructure.collegeId,
        collegeName: directoryCollege.name,
        postalCode: directoryStructure.postalCode,
        communeCode: directoryStructure.communeCode,
        communeName: directoryStructure.communeName,
        phone: directoryStructure.phone,
        email: directoryStructure.email,
        personCount: currentPeopleCount,
        updatedAt: directoryStructure.updatedAt,
      })
      .from(directoryStructure)
      .leftJoin(directoryCollege, eq(directoryCollege.id, directoryStructure.collegeId))
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(directoryStructure).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findStructure(db: Db, clsmId: string, id: string) {
  const [row] = await db
    .select({ structure: directoryStructure, collegeName: directoryCollege.name })
    .from(directoryStructure)
    .leftJoin(directoryCollege, eq(directoryCollege.id, directoryStructure.collegeId))
    .where(and(eq(directoryStructure.clsmId, clsmId), eq(directoryStructure.id, id)));
  return row;
}

export async function findStructures(db: Db, clsmId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(directoryStructure)
    .where(and(eq(directoryStructure.clsmId, clsmId), inArray(directoryStructure.id, ids)));
}

export async function currentPeopleOfStructure(db: Db, structureId: string) {
  return db
    .select({
      personId: directoryPerson.id,
      roleId: directoryRole.id,
      firstName: directoryPerson.firstName,
      lastName: directoryPerson.lastName,
      function: directoryRole.function,
    })
    .from(directoryRole)
    .innerJoin(directoryPerson, eq(directoryPerson.id, directoryRole.personId))
    .where(and(eq(directoryRole.structureId, structureId), isNull(directoryRole.endDate)))
    .orderBy(asc(directoryPerson.lastName), asc(directoryPerson.firstName));
}

export async function insertStructure(db: Db, values: typeof directoryStructure.$inferInsert) {
  const [row] = await db.insert(directoryStructure).values(values).returning();
  if (!row) throw new Error("structure insert returned nothing");
  return row;
}

export async function updateStructure(
  db: Db,
  clsmId: string,
  id: string,
  values: Partial<typeof directoryStructure.$inferInsert>,
) {
  await db
    .update(directoryStructure)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(directoryStructure.clsmId, clsmId), eq(directoryStructure.id, id)));
}

export async function deleteStructure(db: Db, clsmId: string, id: string) {
  await db
    .delete(directoryStructure)
    .where(and(eq(directoryStructure.clsmId, clsmId), eq(directoryStructure.id, id)));
}

/** People with a role (current or past) in the structure: their search keys mention it. */
export async function peopleOfStructure(db: Db, structureId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: directoryRole.personId })
    .from(directoryRole)
    .where(eq(directoryRole.structureId, structureId));
  return rows.map((r) => r.id);
}

export async function moveStructureRoles(db: Db, fromId: string, toId: string) {
  await db.update(directoryRole).set({ structureId: toId }).where(eq(directoryRole.structureId, fromId));
}

// ─── People ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The person's current role: no end date, the most recent start first. Joined `lateral`, it is read person by
 * person through `directory_role_person_idx`: a list reads its own people's roles, never those of every CLSM
 * (a `role.id = (subquery)` join hashed the whole table: bench/RESULTS.md, national dataset).
 */
const currentRole = new QueryBuilder()
  .select({ function: directoryRole.function, structureId: directoryRole.structureId })
  .from(directoryRole)
  .where(and(eq(directoryRole.personId, directoryPerson.id), isNull(directoryRole.endDate)))
  .orderBy(desc(directoryRole.startDate), desc(directoryRole.createdAt))
  .limit(1)
  .as("person_current_role");
const currentStructure = eq(directoryStructure.id, currentRole.structureId);

const personColumns = {
  id: directoryPerson.id,
  civility: directoryPerson.civility,
  firstName: directoryPerson.firstName,
  lastName: directoryPerson.lastName,
  email: directoryPerson.email,
  phone: directoryPerson.phone,
  collegeId: directoryPerson.collegeId,
  collegeName: directoryCollege.name,
  pillar: directoryPerson.pillar,
  function: currentRole.function,
  structureId: directoryStructure.id,
  structureName: directoryStructure.name,
  structureType: directoryStructure.type,
  communeName: directoryStructure.communeName,
  consentToContact: directoryPerson.consentToContact,
  anonymisedAt: directoryPerson.anonymisedAt,
  updatedAt: directoryPerson.updatedAt,
};

/** Names, structures, communes and functions by search key; e-mails as typed, only for those who see them. */
function personSearch(q: string | undefined, searchEmails: boolean): SQL | undefined {
  if (!q) return undefined;
  const key = searchKey(q);
  return (
    or(
      key ? like(directoryPerson.searchKey, containing(key)) : undefined,
      searchEmails ? ilike(directoryPerson.email, containing(q)) : undefined,
    ) ?? sql`false`
  );
}

function personQuery(db: Db, columns: typeof personColumns) {
  return db
    .select(columns)
    .from(directoryPerson)
    .leftJoin(directoryCollege, eq(directoryCollege.id, directoryPerson.collegeId))
    .leftJoinLateral(currentRole, sql`true`)
    .leftJoin(directoryStructure, currentStructure);
}

export async function listPeople(
  db: Db,
  clsmId: string,
  query: Omit<PersonListQuery, "sort" | "limit" | "offset" | "instanceId"> & {
    sort?: PersonListQuery["sort"];
    limit: number;
    offset: number;
    ids?: string[];
    /** false when the reader may not see e-mails: searching must not reveal them either. */
    searchEmails?: boolean;
  },
) {
  const where = and(
    eq(directoryPerson.clsmId, clsmId),
    personSearch(query.q, query.searchEmails ?? true),
    query.collegeId ? eq(directoryPerson.collegeId, query.collegeId) : undefined,
    query.pillar ? eq(directoryPerson.pillar, query.pillar) : undefined,
    query.structureId ? eq(directoryStructure.id, query.structureId) : undefined,
    query.structureType ? eq(directoryStructure.type, query.structureType) : undefined,
    query.communeCode ? eq(directoryStructure.communeCode, query.communeCode) : undefined,
    query.ids ? (query.ids.length ? inArray(directoryPerson.id, query.ids) : sql`false`) : undefined,
  );
  const byName = [
    asc(sortable(directoryPerson.lastName)),
    asc(sortable(directoryPerson.firstName)),
    asc(directoryPerson.id),
  ];
  const order: SQL[] =
    query.sort === "updatedAt"
      ? [desc(directoryPerson.updatedAt), asc(directoryPerson.id)]
      : query.sort === "structure"
        ? [sql`${sortable(directoryStructure.name)} asc nulls last`, ...byName]
        : byName;
  // The page's ids first, reading the current structures only when a filter or the order needs them; then the
  // columns of those rows (a large directory sorted by name never reads every person's role).
  const structureFilter = Boolean(query.structureId || query.structureType || query.communeCode);
  const withStructure = <Q extends PgSelect>(q: Q, needed: boolean) =>
    needed ? q.leftJoinLateral(currentRole, sql`true`).leftJoin(directoryStructure, currentStructure) : q;
  const page = withStructure(
    db.select({ id: directoryPerson.id }).from(directoryPerson).$dynamic(),
    structureFilter || query.sort === "structure",
  )
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset);
  const [items, [total]] = await Promise.all([
    personQuery(db, personColumns)
      .where(inArray(directoryPerson.id, page))
      .orderBy(...order),
    withStructure(db.select({ n: count() }).from(directoryPerson).$dynamic(), structureFilter).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findPersonItem(db: Db, clsmId: string, id: string) {
  const [row] = await personQuery(db, personColumns).where(
    and(eq(directoryPerson.clsmId, clsmId), eq(directoryPerson.id, id)),
  );
  return row;
}

export async function findPerson(db: Db, clsmId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(directoryPerson)
    .where(and(eq(directoryPerson.clsmId, clsmId), eq(directoryPerson.id, id)));
  return row;
}

export async function findPersonByEmail(db: Db, clsmId: string, email: string) {
  const [row] = await db
    .select({ id: directoryPerson.id })
    .from(directoryPerson)
    .where(
      and(eq(directoryPerson.clsmId, clsmId), sql`lower(${directoryPerson.email}) = ${email.toLowerCase()}`),
    );
  return row;
}

export async function insertPerson(db: Db, values: typeof directoryPerson.$inferInsert) {
  const [row] = await db.insert(directoryPerson).values(values).returning();
  if (!row) throw new Error("person insert returned nothing");
  return row;
}

export async function updatePerson(
  db: Db,
  clsmId: string,
  id: string,
  values: Partial<typeof directoryPerson.$inferInsert>,
) {
  await db
    .update(directoryPerson)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(directoryPerson.clsmId, clsmId), eq(directoryPerson.id, id)));
}

export async function deletePerson(db: Db, clsmId: string, id: string) {
  await db.delete(directoryPerson).where(and(eq(directoryPerson.clsmId, clsmId), eq(directoryPerson.id, id)));
}

// ─── Roles ───────────────────────────────────────────────────────────────────────────────────────────────

export async function rolesOf(db: Db, personId: string) {
  return db
    .select({
      id: directoryRole.id,
      function: directoryRole.function,
      structureId: directoryRole.structureId,
      structureName: directoryStructure.name,
      communeName: directoryStructure.communeName,
      startDate: directoryRole.startDate,
      endDate: directoryRole.endDate,
    })
    .from(directoryRole)
    .leftJoin(directoryStructure, eq(directoryStructure.id, directoryRole.structureId))
    .where(eq(directoryRole.personId, personId))
    .orderBy(
      sql`${directoryRole.endDate} desc nulls first`,
      desc(directoryRole.startDate),
      desc(directoryRole.createdAt),
    );
}

export async function findRole(db: Db, personId: string, id: string): Promise<RoleRow | undefined> {
  const [row] = await db
    .select()
    .from(directoryRole)
    .where(and(eq(directoryRole.personId, personId), eq(directoryRole.id, id)));
  return row;
}

export async function currentRoles(db: Db, personId: string) {
  return db
    .select()
    .from(directoryRole)
    .where(and(eq(directoryRole.personId, personId), isNull(directoryRole.endDate)));
}

export async function insertRole(db: Db, values: typeof directoryRole.$inferInsert) {
  const [row] = await db.insert(directoryRole).values(values).returning();
  if (!row) throw new Error("role insert returned nothing");
  return row;
}

export async function updateRole(db: Db, id: string, values: Partial<typeof directoryRole.$inferInsert>) {
  await db
    .update(directoryRole)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(directoryRole.id, id));
}

export async function deleteRole(db: Db, id: string) {
  await db.delete(directoryRole).where(eq(directoryRole.id, id));
}

export async function moveRoles(db: Db, fromPersonId: string, toPersonId: string) {
  await db
    .update(directoryRole)
    .set({ personId: toPersonId })
    .where(eq(directoryRole.personId, fromPersonId));
}

/**
 * A person's search key: names, then the function, structure and commune of each current role. E-mails are not
 * in it (they are matched apart, only for readers who may see them). Whoever writes people (the import) uses it.
 */
export function personSearchKey(
  person: { firstName: string; lastName: string },
  currentRoles: { function: string; structureName: string | null; communeName: string | null }[],
): string {
  const parts = [person.firstName, person.lastName];
  for (const r of currentRoles) parts.push(r.function, r.structureName ?? "", r.communeName ?? "");
  return searchKey(parts.join(" "));
}

/**
 * Recomputes the people's search keys (names, e-mail, and the structures, communes and functions of their
 * roles) after a change to them, their roles or a structure they belong to.
 */
export async function refreshPersonSearchKeys(db: Db, personIds: string[]) {
  if (!personIds.length) return;
  const people = await db
    .select({
      id: directoryPerson.id,
      firstName: directoryPerson.firstName,
      lastName: directoryPerson.lastName,
      email: directoryPerson.email,
    })
    .from(directoryPerson)
    .where(inArray(directoryPerson.id, personIds));
  const roles = await db
    .select({
      personId: directoryRole.personId,
      function: directoryRole.function,
      structureName: directoryStructure.name,
      communeName: directoryStructure.communeName,
    })
    .from(directoryRole)
    .leftJoin(directoryStructure, eq(directoryStructure.id, directoryRole.structureId))
    .where(and(inArray(directoryRole.personId, personIds), isNull(directoryRole.endDate)));
  for (const p of people) {
    const key = personSearchKey(
      p,
      roles.filter((r) => r.personId === p.id),
    );
    await db.update(directoryPerson).set({ searchKey: key }).where(eq(directoryPerson.id, p.id));
  }
}

// ─── Pillars ─────────────────────────────────────────────────────────────────────────────────────────────

/** People per pillar (anonymised records left out), optionally among some people only (an instance). */
export async function pillarCounts(db: Db, clsmId: string, personIds?: string[]) {
  return db
    .select({ pillar: directoryPerson.pillar, n: count() })
    .from(directoryPerson)
    .where(
      and(
        eq(directoryPerson.clsmId, clsmId),
        isNull(directoryPerson.anonymisedAt),
        sql`${directoryPerson.pillar} is not null`,
        personIds ? (personIds.length ? inArray(directoryPerson.id, personIds) : sql`false`) : undefined,
      ),
    )
    .groupBy(directoryPerson.pillar);
}

export async function pillarPeople(db: Db, clsmId: string, pillar: string, personIds?: string[]) {
  return personQuery(db, personColumns)
    .where(
      and(
        eq(directoryPerson.clsmId, clsmId),
        eq(directoryPerson.pillar, pillar),
        isNull(directoryPerson.anonymisedAt),
        personIds ? (personIds.length ? inArray(directoryPerson.id, personIds) : sql`false`) : undefined,
      ),
    )
    .orderBy(asc(directoryPerson.lastName), asc(directoryPerson.firstName), asc(directoryPerson.id))
    .limit(5);
}

// ─── The CLSM ────────────────────────────────────────────────────────────────────────────────────────────

/** The CLSM's id, name and régions, read-only, for the access policies (the identity kernel's `clsm` row). */
export async function findClsmScope(db: Db, id: string) {
  const [row] = await db
    .select({ id: clsm.id, name: clsm.name, regionCodes: clsm.regionCodes })
    .from(clsm)
    .where(eq(clsm.id, id));
  return row;
}
