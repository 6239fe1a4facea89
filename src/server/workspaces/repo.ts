import { and, arrayContains, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { user } from "../accounts/tables";
import type { ClsmVisibility } from "../platform/access";
import { containing, type Db, qualified } from "../platform/db";
import { clsm, clsmCommune, clsmMembership, clsmQuartier } from "./tables";

// `user` is joined read-only to show members' names: identity is the shared kernel every domain may read.

export type ClsmRow = typeof clsm.$inferSelect;

function visibilityWhere(visibility: ClsmVisibility): SQL | undefined {
  switch (visibility.kind) {
    case "all":
      return undefined;
    case "region":
      return visibility.memberOf.length
        ? or(arrayContains(clsm.regionCodes, [visibility.regionCode]), inArray(clsm.id, visibility.memberOf))
        : arrayContains(clsm.regionCodes, [visibility.regionCode]);
    case "memberOf":
      return visibility.ids.length ? inArray(clsm.id, visibility.ids) : sql`false`;
  }
}

export async function listClsms(
  db: Db,
  visibility: ClsmVisibility,
  filter: { q?: string; status?: string; regionCode?: string; limit: number; offset: number },
) {
  const where = and(
    visibilityWhere(visibility),
    filter.q ? ilike(clsm.name, containing(filter.q)) : undefined,
    filter.status ? eq(clsm.status, filter.status) : undefined,
    filter.regionCode ? arrayContains(clsm.regionCodes, [filter.regionCode]) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: clsm.id,
        name: clsm.name,
        status: clsm.status,
        scale: clsm.scale,
        population: clsm.population,
        regionCodes: clsm.regionCodes,
        departementCodes: clsm.departementCodes,
        communeCount: sql<number>`(select count(*)::int from ${clsmCommune} where ${qualified(clsmCommune.clsmId)} = ${qualified(clsm.id)})`,
        memberCount: sql<number>`(select count(*)::int from ${clsmMembership} where ${qualified(clsmMembership.clsmId)} = ${qualified(clsm.id)})`,
      })
      .from(clsm)
      .where(where)
      .orderBy(asc(clsm.name), asc(clsm.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(clsm).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/**
 * Locks the CLSM's row until the end of the transaction, so that writes to one CLSM (its territory, its
 * members) run one after the other: checks such as "keep one coordinator" then see the other's result.
 */
export async function lockClsm(tx: Db, id: string): Promise<void> {
  await tx.select({ id: clsm.id }).from(clsm).where(eq(clsm.id, id)).for("update");
}

export async function findClsm(db: Db, id: string): Promise<ClsmRow | undefined> {
  const [row] = await db.select().from(clsm).where(eq(clsm.id, id));
  return row;
}

export async function insertClsm(db: Db, values: typeof clsm.$inferInsert): Promise<ClsmRow> {
  const [row] = await db.insert(clsm).values(values).returning();
  if (!row) throw new Error("clsm insert returned nothing");
  return row;
}

export async function updateClsm(
  db: Db,
  id: string,
  values: Partial<typeof clsm.$inferInsert>,
): Promise<void> {
  await db
    .update(clsm)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(clsm.id, id));
}

export async function territoryRows(db: Db, clsmId: string) {
  const [communes, quartiers] = await Promise.all([
    db.select().from(clsmCommune).where(eq(clsmCommune.clsmId, clsmId)),
    db.select().from(clsmQuartier).where(eq(clsmQuartier.clsmId, clsmId)).orderBy(asc(clsmQuartier.name)),
  ]);
  return { communes, quartiers };
}

/** Replaces the whole territory: callers run it in a transaction with the recomputed CLSM figures. */
export async function replaceTerritory(
  db: Db,
  clsmId: string,
  communes: { communeCode: string; viaEpciCode: string | null }[],
  quartiers: { communeCode: string; name: string; population: number }[],
): Promise<void> {
  await db.delete(clsmCommune).where(eq(clsmCommune.clsmId, clsmId));
  await db.delete(clsmQuartier).where(eq(clsmQuartier.clsmId, clsmId));
  for (let i = 0; i < communes.length; i += 1000) {
    await db.insert(clsmCommune).values(communes.slice(i, i + 1000).map((c) => ({ ...c, clsmId })));
  }
  if (quartiers.length) await db.insert(clsmQuartier).values(quartiers.map((q) => ({ ...q, clsmId })));
}

export async function countMembers(db: Db, clsmId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(clsmMembership).where(eq(clsmMembership.clsmId, clsmId));
  return row?.n ?? 0;
}

export async function listMembers(
  db: Db,
  clsmId: string,
  filter: { q?: string; limit: number; offset: number },
) {
  const where = and(
    eq(clsmMembership.clsmId, clsmId),
    filter.q
      ? or(ilike(user.name, containing(filter.q)), ilike(user.email, containing(filter.q)))
      : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        userId: user.id,
        name: user.name,
        email: user.email,
        role: clsmMembership.role,
        isChair: clsmMembership.isChair,
        isColead: clsmMembership.isColead,
        joinedAt: clsmMembership.createdAt,
      })
      .from(clsmMembership)
      .innerJoin(user, eq(user.id, clsmMembership.userId))
      .where(where)
      .orderBy(sql`${clsmMembership.role} = 'coordinator' desc`, asc(user.name), asc(user.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ n: count() })
      .from(clsmMembership)
      .innerJoin(user, eq(user.id, clsmMembership.userId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findMembership(db: Db, clsmId: string, userId: string) {
  const [row] = await db
    .select()
    .from(clsmMembership)
    .where(and(eq(clsmMembership.clsmId, clsmId), eq(clsmMembership.userId, userId)));
  return row;
}

export async function insertMembership(db: Db, values: typeof clsmMembership.$inferInsert): Promise<void> {
  await db.insert(clsmMembership).values(values);
}

export async function updateMembership(
  db: Db,
  clsmId: string,
  userId: string,
  values: { role?: string; isChair?: boolean; isColead?: boolean },
): Promise<void> {
  // An empty patch is a no-op (Drizzle refuses an UPDATE without columns).
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return;
  await db
    .update(clsmMembership)
    .set(set)
    .where(and(eq(clsmMembership.clsmId, clsmId), eq(clsmMembership.userId, userId)));
}

export async function deleteMembership(db: Db, clsmId: string, userId: string): Promise<void> {
  await db
    .delete(clsmMembership)
    .where(and(eq(clsmMembership.clsmId, clsmId), eq(clsmMembership.userId, userId)));
}

export async function countCoordinators(db: Db, clsmId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(clsmMembership)
    .where(and(eq(clsmMembership.clsmId, clsmId), eq(clsmMembership.role, "coordinator")));
  return row?.n ?? 0;
}
