import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../platform/db";
import { governanceInstance, governanceMembership } from "./tables";

export type InstanceRow = typeof governanceInstance.$inferSelect;
export type MembershipRow = typeof governanceMembership.$inferSelect;

const parent = alias(governanceInstance, "parent");

/** Kinds in the order a CLSM presents them: COPIL first, then the groups it created, the plénière… */
const kindOrder = sql`array_position(array['copil','groupe_travail','comite_technique','pleniere','autre'], ${governanceInstance.kind})`;

// ─── Instances ───────────────────────────────────────────────────────────────────────────────────────────

export async function listInstances(
  db: Db,
  clsmId: string,
  query: { kind?: string; archived: boolean; ids?: string[] },
) {
  return db
    .select({ instance: governanceInstance, parentName: parent.name })
    .from(governanceInstance)
    .leftJoin(parent, eq(parent.id, governanceInstance.parentId))
    .where(
      and(
        eq(governanceInstance.clsmId, clsmId),
        query.kind ? eq(governanceInstance.kind, query.kind) : undefined,
        query.archived ? isNotNull(governanceInstance.archivedAt) : isNull(governanceInstance.archivedAt),
      ),
    )
    .orderBy(kindOrder, asc(sql`lower(${governanceInstance.name})`), asc(governanceInstance.id));
}

export async function findInstance(db: Db, clsmId: string, id: string, forUpdate = false) {
  const q = db
    .select({ instance: governanceInstance, parentName: parent.name })
    .from(governanceInstance)
    .leftJoin(parent, eq(parent.id, governanceInstance.parentId))
    .where(and(eq(governanceInstance.clsmId, clsmId), eq(governanceInstance.id, id)))
    .$dynamic();
  // Locks the instance (not its parent) so that concurrent changes of one instance run one after the other.
  const [row] = await (forUpdate ? q.for("update", { of: governanceInstance }) : q);
  return row;
}

export async function instancesByIds(db: Db, clsmId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(governanceInstance)
    .where(and(eq(governanceInstance.clsmId, clsmId), inArray(governanceInstance.id, ids)));
}

export async function confidentialInstanceIds(db: Db, clsmId: string): Promise<string[]> {
  const rows = await db
    .select({ id: governanceInstance.id })
    .from(governanceInstance)
    .where(and(eq(governanceInstance.clsmId, clsmId), eq(governanceInstance.confidential, true)));
  return rows.map((r) => r.id);
}

export async function childrenOf(db: Db, id: string) {
  return db
    .select({
      id: governanceInstance.id,
      name: governanceInstance.name,
      archivedAt: governanceInstance.archivedAt,
    })
    .from(governanceInstance)
    .where(eq(governanceInstance.parentId, id))
    .orderBy(asc(sql`lower(${governanceInstance.name})`));
}

export async function insertInstance(db: Db, values: typeof governanceInstance.$inferInsert) {
  const [row] = await db.insert(governanceInstance).values(values).returning({ id: governanceInstance.id });
  if (!row) throw new Error("instance insert returned nothing");
  return row.id;
}

export async function updateInstance(
  db: Db,
  id: string,
  values: Partial<typeof governanceInstance.$inferInsert>,
) {
  await db
    .update(governanceInstance)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(governanceInstance.id, id));
}

export async function deleteInstance(db: Db, id: string) {
  await db.delete(governanceInstance).where(eq(governanceInstance.id, id));
}

// ─── Memberships ─────────────────────────────────────────────────────────────────────────────────────────

/** Current members (instance id, person id) of some instances of a CLSM, in one query. */
export async function currentMembers(db: Db, clsmId: string, instanceIds: string[]) {
  if (!instanceIds.length) return [];
  return db
    .select({ instanceId: governanceMembership.instanceId, personId: governanceMembership.personId })
    .from(governanceMembership)
    .where(
      and(
        eq(governanceMembership.clsmId, clsmId),
        inArray(governanceMembership.instanceId, instanceIds),
        isNull(governanceMembership.endDate),
      ),
    );
}

export async function membershipsOfInstance(db: Db, instanceId: string) {
  return db
    .select()
    .from(governanceMembership)
    .where(eq(governanceMembership.instanceId, instanceId))
    .orderBy(sql`${governanceMembership.endDate} desc nulls first`, asc(governanceMembership.startDate));
}

export async function findMembership(db: Db, instanceId: string, id: string) {
  const [row] = await db
    .select()
    .from(governanceMembership)
    .where(and(eq(governanceMembership.instanceId, instanceId), eq(governanceMembership.id, id)));
  return row;
}

export async function insertMemberships(db: Db, rows: (typeof governanceMembership.$inferInsert)[]) {
  if (!rows.length) return 0;
  // A person made a member meanwhile by someone else keeps that membership (the partial unique index).
  const inserted = await db
    .insert(governanceMembership)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: governanceMembership.id });
  return inserted.length;
}

export async function updateMembership(
  db: Db,
  id: string,
  values: Partial<Pick<MembershipRow, "role" | "startDate" | "endDate">>,
) {
  await db
    .update(governanceMembership)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(governanceMembership.id, id));
}

export async function deleteMembership(db: Db, id: string) {
  await db.delete(governanceMembership).where(eq(governanceMembership.id, id));
}

export async function membershipsOfPerson(db: Db, clsmId: string, personId: string) {
  return db
    .select({
      id: governanceMembership.id,
      instanceId: governanceInstance.id,
      instanceName: governanceInstance.name,
      kind: governanceInstance.kind,
      confidential: governanceInstance.confidential,
      role: governanceMembership.role,
      startDate: governanceMembership.startDate,
      endDate: governanceMembership.endDate,
    })
    .from(governanceMembership)
    .innerJoin(governanceInstance, eq(governanceInstance.id, governanceMembership.instanceId))
    .where(and(eq(governanceMembership.clsmId, clsmId), eq(governanceMembership.personId, personId)))
    .orderBy(
      sql`${governanceMembership.endDate} desc nulls first`,
      asc(sql`lower(${governanceInstance.name})`),
      desc(governanceMembership.startDate),
    );
}

/**
 * Merge of two directory records: the other's memberships move to the kept person, except a current one in an
 * instance where the kept person is already a current member (the kept membership stays, the other goes).
 */
export async function movePersonMemberships(db: Db, clsmId: string, fromId: string, toId: string) {
  await db.execute(sql`
    delete from ${governanceMembership} m
    where m.clsm_id = ${clsmId} and m.person_id = ${fromId} and m.end_date is null
      and exists (select 1 from ${governanceMembership} k
                  where k.instance_id = m.instance_id and k.person_id = ${toId} and k.end_date is null)`);
  await db
    .update(governanceMembership)
    .set({ personId: toId, updatedAt: new Date() })
    .where(and(eq(governanceMembership.clsmId, clsmId), eq(governanceMembership.personId, fromId)));
}
