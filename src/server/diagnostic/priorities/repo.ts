import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Db, positionIn, qualified } from "../../platform/db";
import { diagnosticNeed, priorityBallot, priorityCandidate, priorityConsultation } from "../tables";

// SQL of the priority consultations: consultations, candidates, ballots and their totals. Every query is scoped
// by the CLSM or by a consultation already found in it.

export type ConsultationRow = typeof priorityConsultation.$inferSelect;

type Execute = { rows: Record<string, unknown>[] };
const rowsOf = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as Execute).rows as T[];

const candidateCount = sql<number>`(select count(*)::int from ${priorityCandidate}
  where ${priorityCandidate.consultationId} = ${qualified(priorityConsultation.id)})`;
const ballotCount = sql<number>`(select count(*)::int from ${priorityBallot}
  where ${priorityBallot.consultationId} = ${qualified(priorityConsultation.id)})`;

// ─── Consultations ───────────────────────────────────────────────────────────────────────────────────────

/** A page of a CLSM's consultations, newest first, with their counts and the total. */
export async function listConsultations(db: Db, clsmId: string, page: { limit: number; offset: number }) {
  return db
    .select({
      consultation: priorityConsultation,
      candidateCount,
      ballotCount,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(priorityConsultation)
    .where(eq(priorityConsultation.clsmId, clsmId))
    .orderBy(desc(priorityConsultation.createdAt), desc(priorityConsultation.id))
    .limit(page.limit)
    .offset(page.offset);
}

/**
 * One consultation of a CLSM. `lock`: "update" for changes of the consultation itself (one after the other),
 * "share" for a ballot (ballots go on side by side, but not across a closing).
 */
export async function findConsultation(db: Db, clsmId: string, id: string, lock?: "update" | "share") {
  const q = db
    .select({ consultation: priorityConsultation, candidateCount, ballotCount })
    .from(priorityConsultation)
    .where(and(eq(priorityConsultation.clsmId, clsmId), eq(priorityConsultation.id, id)))
    .$dynamic();
  const [row] = await (lock ? q.for(lock) : q);
  return row;
}

export async function insertConsultation(db: Db, values: typeof priorityConsultation.$inferInsert) {
  const [row] = await db
    .insert(priorityConsultation)
    .values(values)
    .returning({ id: priorityConsultation.id });
  if (!row) throw new Error("consultation insert returned nothing");
  return row.id;
}

export async function updateConsultation(
  db: Db,
  id: string,
  values: Partial<typeof priorityConsultation.$inferInsert>,
) {
  await db
    .update(priorityConsultation)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(priorityConsultation.id, id));
}

export async function deleteConsultation(db: Db, id: string) {
  await db.delete(priorityConsultation).where(eq(priorityConsultation.id, id));
}

// ─── Candidates ──────────────────────────────────────────────────────────────────────────────────────────

/** The candidates of a consultation in their order, with the title of the need each answers. */
export async function candidatesOf(db: Db, consultationId: string) {
  return db
    .select({ candidate: priorityCandidate, needTitle: diagnosticNeed.title })
    .from(priorityCandidate)
    .leftJoin(diagnosticNeed, eq(diagnosticNeed.id, priorityCandidate.needId))
    .where(eq(priorityCandidate.consultationId, consultationId))
    .orderBy(asc(priorityCandidate.position), asc(priorityCandidate.createdAt));
}

export async function findCandidate(db: Db, consultationId: string, id: string) {
  const [row] = await db
    .select()
    .from(priorityCandidate)
    .where(and(eq(priorityCandidate.consultationId, consultationId), eq(priorityCandidate.id, id)));
  return row;
}

/** Whether a need of the diagnostic belongs to the CLSM. */
export async function needExists(db: Db, clsmId: string, needId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: diagnosticNeed.id })
    .from(diagnosticNeed)
    .where(and(eq(diagnosticNeed.clsmId, clsmId), eq(diagnosticNeed.id, needId)));
  return row !== undefined;
}

/** Adds a candidate at the end of the list. */
export async function insertCandidate(
  db: Db,
  values: Omit<typeof priorityCandidate.$inferInsert, "position">,
) {
  const [row] = await db
    .insert(priorityCandidate)
    .values({
      ...values,
      position: sql`(select coalesce(max(${priorityCandidate.position}) + 1, 0) from ${priorityCandidate}
        where ${priorityCandidate.consultationId} = ${values.consultationId})`,
    })
    .returning({ id: priorityCandidate.id });
  if (!row) throw new Error("candidate insert returned nothing");
  return row.id;
}

export async function updateCandidate(
  db: Db,
  id: string,
  values: Partial<Pick<typeof priorityCandidate.$inferInsert, "title" | "description" | "needId" | "chosen">>,
) {
  await db
    .update(priorityCandidate)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(priorityCandidate.id, id));
}

export async function deleteCandidate(db: Db, id: string) {
  await db.delete(priorityCandidate).where(eq(priorityCandidate.id, id));
}

export async function orderCandidates(db: Db, consultationId: string, ids: string[]) {
  await db
    .update(priorityCandidate)
    .set({ position: positionIn(priorityCandidate.id, ids), updatedAt: new Date() })
    .where(and(eq(priorityCandidate.consultationId, consultationId), inArray(priorityCandidate.id, ids)));
}

// ─── Ballots ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Casts or replaces a member's ballot in one statement: the unique index (consultation, user) makes two
 * simultaneous submissions end in one ballot, the later one's choices.
 */
export async function upsertBallot(
  db: Db,
  values: {
    clsmId: string;
    consultationId: string;
    userId: string;
    choices: Record<string, number> | string[];
  },
) {
  const [row] = await db
    .insert(priorityBallot)
    .values(values)
    .onConflictDoUpdate({
      target: [priorityBallot.consultationId, priorityBallot.userId],
      set: { choices: sql`excluded.choices`, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error("ballot upsert returned nothing");
  return row;
}

export async function findBallot(db: Db, consultationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(priorityBallot)
    .where(and(eq(priorityBallot.consultationId, consultationId), eq(priorityBallot.userId, userId)));
  return row;
}

/** Dot vote: the dots each candidate received, summed in the database (candidates without dots are absent). */
export async function dotTotals(db: Db, consultationId: string): Promise<Map<string, number>> {
  const rows = await rowsOf<{ candidate_id: string; dots: number }>(
    db,
    sql`
    select d.key as candidate_id, sum(d.value::int)::int as dots
    from ${priorityBallot} b, jsonb_each_text(b.choices) d
    where b.consultation_id = ${consultationId} and jsonb_typeof(b.choices) = 'object'
    group by d.key`,
  );
  return new Map(rows.map((r) => [r.candidate_id, Number(r.dots)]));
}

/** Ranking: for each candidate, the sum of the ranks it was given (1 = first) and on how many ballots. */
export async function rankTotals(db: Db, consultationId: string) {
  const rows = await rowsOf<{ candidate_id: string; rank_sum: number; n: number }>(
    db,
    sql`
    select r.value as candidate_id, sum(r.ordinality)::int as rank_sum, count(*)::int as n
    from ${priorityBallot} b, jsonb_array_elements_text(b.choices) with ordinality r
    where b.consultation_id = ${consultationId} and jsonb_typeof(b.choices) = 'array'
    group by r.value`,
  );
  return new Map(rows.map((r) => [r.candidate_id, { rankSum: Number(r.rank_sum), n: Number(r.n) }]));
}

// ─── Chosen priorities ───────────────────────────────────────────────────────────────────────────────────

/** The CLSM's chosen priorities across consultations: latest consultation first, then in candidate order. */
export async function chosenPriorities(db: Db, clsmId: string, page: { limit: number; offset: number }) {
  return db
    .select({
      candidate: priorityCandidate,
      needTitle: diagnosticNeed.title,
      consultation: {
        id: priorityConsultation.id,
        title: priorityConsultation.title,
        closedAt: priorityConsultation.closedAt,
        closesAt: priorityConsultation.closesAt,
      },
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(priorityCandidate)
    .innerJoin(priorityConsultation, eq(priorityConsultation.id, priorityCandidate.consultationId))
    .leftJoin(diagnosticNeed, eq(diagnosticNeed.id, priorityCandidate.needId))
    .where(and(eq(priorityCandidate.clsmId, clsmId), eq(priorityCandidate.chosen, true)))
    .orderBy(
      desc(sql`coalesce(${priorityConsultation.closedAt}, ${priorityConsultation.closesAt})`),
      asc(priorityConsultation.id),
      asc(priorityCandidate.position),
    )
    .limit(page.limit)
    .offset(page.offset);
}
