import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, ilike, inArray, notExists, or, sql } from "drizzle-orm";
import type { ClsmRole, PlatformRole } from "../../contracts/accounts";
import type { Actor } from "../platform/access";
import { containing, type Db, qualified } from "../platform/db";
import { refRegion } from "../territory/tables";
import { clsm, clsmMembership } from "../workspaces/tables";
import { account, signInFailure, user, verification } from "./tables";

export type UserRow = typeof user.$inferSelect;

/** The person behind a session with all their memberships, in one query. */
export async function loadActor(db: Db, userId: string): Promise<Actor | undefined> {
  const rows = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      platformRole: user.platformRole,
      arsRegionCode: user.arsRegionCode,
      clsmId: clsmMembership.clsmId,
      role: clsmMembership.role,
      isChair: clsmMembership.isChair,
      isColead: clsmMembership.isColead,
    })
    .from(user)
    .leftJoin(clsmMembership, eq(clsmMembership.userId, user.id))
    .where(eq(user.id, userId));
  const first = rows[0];
  if (!first) return undefined;
  return {
    userId: first.id,
    name: first.name,
    email: first.email,
    platformRole: first.platformRole as PlatformRole | null,
    arsRegionCode: first.arsRegionCode,
    memberships: rows.flatMap((r) =>
      r.clsmId
        ? [{ clsmId: r.clsmId, role: r.role as ClsmRole, isChair: !!r.isChair, isColead: !!r.isColead }]
        : [],
    ),
  };
}

export async function membershipNames(db: Db, userId: string) {
  return db
    .select({
      clsmId: clsm.id,
      clsmName: clsm.name,
      role: clsmMembership.role,
      isChair: clsmMembership.isChair,
      isColead: clsmMembership.isColead,
    })
    .from(clsmMembership)
    .innerJoin(clsm, eq(clsm.id, clsmMembership.clsmId))
    .where(eq(clsmMembership.userId, userId))
    .orderBy(asc(clsm.name));
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(user).where(eq(user.email, email));
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(user).where(eq(user.id, id));
  return row;
}

export async function insertUser(
  db: Db,
  input: { name: string; email: string; platformRole?: PlatformRole | null; arsRegionCode?: string | null },
): Promise<UserRow> {
  const [row] = await db
    .insert(user)
    .values({ id: randomUUID(), name: input.name, email: input.email, ...roleColumns(input) })
    .returning();
  if (!row) throw new Error("user insert returned nothing");
  return row;
}

/** Creates the person unless the address is taken (even by a transaction committing at the same moment). */
export async function insertUserIfAbsent(
  db: Db,
  input: { name: string; email: string; platformRole?: PlatformRole | null; arsRegionCode?: string | null },
): Promise<UserRow | undefined> {
  const [row] = await db
    .insert(user)
    .values({ id: randomUUID(), name: input.name, email: input.email, ...roleColumns(input) })
    .onConflictDoNothing({ target: user.email })
    .returning();
  return row;
}

const roleColumns = (input: { platformRole?: PlatformRole | null; arsRegionCode?: string | null }) => ({
  platformRole: input.platformRole ?? null,
  arsRegionCode: input.platformRole === "ars" ? (input.arsRegionCode ?? null) : null,
});

export async function updateUser(
  db: Db,
  id: string,
  input: { name?: string; platformRole: PlatformRole | null; arsRegionCode: string | null },
): Promise<void> {
  await db
    .update(user)
    .set({ name: input.name, ...roleColumns(input), updatedAt: new Date() })
    .where(eq(user.id, id));
}

export async function listUsers(db: Db, options: { q?: string; limit: number; offset: number }) {
  const where = options.q
    ? or(ilike(user.name, containing(options.q)), ilike(user.email, containing(options.q)))
    : undefined;
  const hasPassword = sql<boolean>`exists (select 1 from ${account} where ${qualified(account.userId)} = ${qualified(user.id)} and ${qualified(account.providerId)} = 'credential')`;
  const clsmCount = sql<number>`(select count(*)::int from ${clsmMembership} where ${qualified(clsmMembership.userId)} = ${qualified(user.id)})`;
  const [items, [count]] = await Promise.all([
    db
      .select({
        id: user.id,
        name: user.name,
        email: user.email,
        platformRole: user.platformRole,
        arsRegionCode: user.arsRegionCode,
        arsRegionName: refRegion.name,
        createdAt: user.createdAt,
        hasPassword,
        clsmCount,
      })
      .from(user)
      .leftJoin(refRegion, eq(refRegion.code, user.arsRegionCode))
      .where(where)
      .orderBy(asc(user.name), asc(user.email))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(user).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/**
 * A "choose your password" token for an invited person. It is stored the way better-auth stores its
 * reset-password tokens, so the library's own reset endpoint consumes it (covered by the invitation test).
 */
export async function insertPasswordSetupToken(db: Db, userId: string, ttlSeconds: number): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.insert(verification).values({
    id: randomUUID(),
    identifier: `reset-password:${token}`,
    value: userId,
    expiresAt: new Date(Date.now() + ttlSeconds * 1000),
  });
  return token;
}

export async function findSignInFailure(db: Db, email: string) {
  const [row] = await db.select().from(signInFailure).where(eq(signInFailure.email, email));
  return row;
}

export async function recordSignInFailure(db: Db, email: string): Promise<void> {
  await db
    .insert(signInFailure)
    .values({ email, failures: 1, lastFailureAt: new Date() })
    .onConflictDoUpdate({
      target: signInFailure.email,
      set: { failures: sql`${signInFailure.failures} + 1`, lastFailureAt: new Date() },
    });
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailure).where(and(eq(signInFailure.email, email)));
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: refRegion.code }).from(refRegion).where(eq(refRegion.code, code));
  return !!row;
}

/** Of these people, those invited who have neither chosen a password nor signed in by link. */
export async function pendingInvitations(db: Db, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: user.id })
    .from(user)
    .where(
      and(
        inArray(user.id, userIds),
        eq(user.emailVerified, false),
        notExists(
          db
            .select({ one: sql`1` })
            .from(account)
            .where(and(eq(account.userId, user.id), eq(account.providerId, "credential"))),
        ),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
