import { and, asc, eq, inArray, isNotNull, isNull, lte, notInArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../platform/db";
import { clsm } from "../workspaces/tables";
import { followUp, meeting, meetingAgendaItem, meetingDecision } from "./tables";

// SQL of the minutes, decisions, follow-ups and search. Every function takes the Db it runs on.

export type DecisionRow = typeof meetingDecision.$inferSelect;
export type FollowUpRow = typeof followUp.$inferSelect;

type Execute = { rows: Record<string, unknown>[] };
const rowsOf = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as Execute).rows as T[];

/** Readers other than the coordination: only shared minutes, never a confidential instance's meetings. */
export interface Visibility {
  onlyShared: boolean;
  hiddenInstanceIds: string[];
}

function visible(v: Visibility) {
  return and(
    v.onlyShared ? isNotNull(meeting.minutesSharedAt) : undefined,
    v.hiddenInstanceIds.length
      ? or(isNull(meeting.instanceId), notInArray(meeting.instanceId, v.hiddenInstanceIds))
      : undefined,
  );
}

// ─── Minutes ─────────────────────────────────────────────────────────────────────────────────────────────

export async function saveMinutes(
  db: Db,
  meetingId: string,
  values: { minutes: unknown; minutesText: string; searchText: string; updatedBy: string; at: Date },
) {
  await db
    .update(meeting)
    .set({
      minutes: values.minutes,
      minutesText: values.minutesText,
      searchText: values.searchText,
      minutesUpdatedAt: values.at,
      minutesUpdatedBy: values.updatedBy,
    })
    .where(eq(meeting.id, meetingId));
}

export async function setMinutesShared(db: Db, meetingId: string, at: Date | null) {
  await db.update(meeting).set({ minutesSharedAt: at }).where(eq(meeting.id, meetingId));
}

export async function agendaTitles(db: Db, meetingId: string) {
  return db
    .select({ id: meetingAgendaItem.id, title: meetingAgendaItem.title })
    .from(meetingAgendaItem)
    .where(eq(meetingAgendaItem.meetingId, meetingId))
    .orderBy(asc(meetingAgendaItem.position), asc(meetingAgendaItem.createdAt));
}

// ─── Decisions ───────────────────────────────────────────────────────────────────────────────────────────

export async function decisionsOf(db: Db, meetingId: string) {
  return db
    .select({ decision: meetingDecision, agendaTitle: meetingAgendaItem.title })
    .from(meetingDecision)
    .leftJoin(meetingAgendaItem, eq(meetingAgendaItem.id, meetingDecision.agendaItemId))
    .where(eq(meetingDecision.meetingId, meetingId))
    .orderBy(asc(meetingDecision.position), asc(meetingDecision.createdAt), asc(meetingDecision.id));
}

export async function findDecision(db: Db, meetingId: string, id: string) {
  const [row] = await db
    .select()
    .from(meetingDecision)
    .where(and(eq(meetingDecision.meetingId, meetingId), eq(meetingDecision.id, id)));
  return row;
}

export async function insertDecision(db: Db, values: typeof meetingDecision.$inferInsert) {
  const [row] = await db
    .insert(meetingDecision)
    .values({
      ...values,
      position: sql`(select coalesce(max(${meetingDecision.position}) + 1, 0) from ${meetingDecision} where ${meetingDecision.meetingId} = ${values.meetingId})`,
    })
    .returning({ id: meetingDecision.id });
  if (!row) throw new Error("decision insert returned nothing");
  return row.id;
}

export async function updateDecision(
  db: Db,
  id: string,
  values: Partial<typeof meetingDecision.$inferInsert>,
) {
  await db
    .update(meetingDecision)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(meetingDecision.id, id));
}

export async function deleteDecision(db: Db, id: string) {
  await db.delete(meetingDecision).where(eq(meetingDecision.id, id));
}

// ─── Follow-ups ──────────────────────────────────────────────────────────────────────────────────────────

export interface FollowUpFilter extends Visibility {
  clsmId: string;
  ids?: string[];
  meetingId?: string;
  status: "open" | "done" | "all";
  assigneePersonId?: string;
  dueBefore?: string;
  /** Today in Europe/Paris: open follow-ups due before it are overdue. */
  today: string;
  limit: number;
  offset: number;
}

/**
 * One query: the follow-ups with their meeting's title and start, open ones first, by due date (the overdue, being
 * the earliest, come first; no date last), then by meeting; the total comes with each row.
 */
export async function listFollowUps(db: Db, f: FollowUpFilter) {
  const where = and(
    eq(followUp.clsmId, f.clsmId),
    f.ids ? inArray(followUp.id, f.ids) : undefined,
    f.meetingId ? eq(followUp.meetingId, f.meetingId) : undefined,
    f.status === "all" ? undefined : eq(followUp.status, f.status),
    f.assigneePersonId ? eq(followUp.assigneePersonId, f.assigneePersonId) : undefined,
    f.dueBefore ? lte(followUp.dueDate, f.dueBefore) : undefined,
    visible(f),
  );
  const rows = await db
    .select({
      followUp,
      meetingTitle: meeting.title,
      meetingStartsAt: meeting.startsAt,
      overdue: sql<boolean>`coalesce(${followUp.status} = 'open' and ${followUp.dueDate} < ${f.today}::date, false)`,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(followUp)
    .innerJoin(meeting, eq(meeting.id, followUp.meetingId))
    .where(where)
    .orderBy(
      sql`(${followUp.status} = 'open') desc`,
      sql`${followUp.dueDate} asc nulls last`,
      asc(meeting.startsAt),
      asc(followUp.createdAt),
      asc(followUp.id),
    )
    .limit(f.limit)
    .offset(f.offset);
  let total = rows[0]?.total ?? 0;
  if (!rows.length && f.offset > 0) {
    // A page past the end: the window count came with no row.
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(followUp)
      .innerJoin(meeting, eq(meeting.id, followUp.meetingId))
      .where(where);
    total = row?.n ?? 0;
  }
  return { rows, total };
}

export async function findFollowUp(db: Db, clsmId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(followUp)
    .where(and(eq(followUp.clsmId, clsmId), eq(followUp.id, id)))
    .$dynamic();
  const [row] = await (forUpdate ? q.for("update") : q);
  return row;
}

export async function insertFollowUp(db: Db, values: typeof followUp.$inferInsert) {
  const [row] = await db.insert(followUp).values(values).returning({ id: followUp.id });
  if (!row) throw new Error("follow-up insert returned nothing");
  return row.id;
}

export async function updateFollowUp(db: Db, id: string, values: Partial<typeof followUp.$inferInsert>) {
  await db
    .update(followUp)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(followUp.id, id));
}

export async function deleteFollowUp(db: Db, id: string) {
  await db.delete(followUp).where(eq(followUp.id, id));
}

/** Merge of two directory records: the other's follow-ups go to the kept person. */
export async function moveFollowUps(db: Db, clsmId: string, fromId: string, toId: string) {
  await db
    .update(followUp)
    .set({ assigneePersonId: toId, updatedAt: new Date() })
    .where(and(eq(followUp.clsmId, clsmId), eq(followUp.assigneePersonId, fromId)));
}

export async function followUpsOfPerson(db: Db, clsmId: string, personId: string) {
  return db
    .select({ followUp, meetingTitle: meeting.title, meetingStartsAt: meeting.startsAt })
    .from(followUp)
    .innerJoin(meeting, eq(meeting.id, followUp.meetingId))
    .where(and(eq(followUp.clsmId, clsmId), eq(followUp.assigneePersonId, personId)))
    .orderBy(asc(meeting.startsAt), asc(followUp.createdAt));
}

// ─── Reminders ───────────────────────────────────────────────────────────────────────────────────────────

export interface ReminderCandidate {
  id: string;
  clsmId: string;
  clsmName: string;
  assigneePersonId: string;
  description: string;
  dueDate: string;
  meetingTitle: string;
  meetingStartsAt: Date;
  instanceId: string | null;
}

/**
 * Open follow-ups of shared minutes, with an assignee, due on `dueBy` or before (overdue ones included), not reminded
 * since `remindedBefore`; locked for the caller's transaction (another worker skips them). Keyset on the id.
 */
export async function reminderCandidates(
  db: Db,
  f: { dueBy: string; remindedBefore: Date; after: string | null; batch: number },
): Promise<ReminderCandidate[]> {
  return db
    .select({
      id: followUp.id,
      clsmId: followUp.clsmId,
      clsmName: clsm.name,
      assigneePersonId: sql<string>`${followUp.assigneePersonId}`,
      description: followUp.description,
      dueDate: sql<string>`${followUp.dueDate}`,
      meetingTitle: meeting.title,
      meetingStartsAt: meeting.startsAt,
      instanceId: meeting.instanceId,
    })
    .from(followUp)
    .innerJoin(meeting, eq(meeting.id, followUp.meetingId))
    .innerJoin(clsm, eq(clsm.id, followUp.clsmId))
    .where(
      and(
        eq(followUp.status, "open"),
        isNotNull(followUp.assigneePersonId),
        isNotNull(followUp.dueDate),
        lte(followUp.dueDate, f.dueBy),
        or(isNull(followUp.lastReminderAt), sql`${followUp.lastReminderAt} < ${f.remindedBefore}`),
        isNotNull(meeting.minutesSharedAt),
        f.after ? sql`${followUp.id} > ${f.after}` : undefined,
      ),
    )
    .orderBy(asc(followUp.id))
    .limit(f.batch)
    .for("update", { of: followUp, skipLocked: true });
}

export async function markReminded(db: Db, ids: string[], at: Date) {
  if (!ids.length) return;
  await db.update(followUp).set({ lastReminderAt: at }).where(inArray(followUp.id, ids));
}

// ─── Search ──────────────────────────────────────────────────────────────────────────────────────────────

export interface SearchHit {
  meetingId: string;
  title: string;
  startsAt: Date;
  kind: "minutes" | "decision";
  decisionId: string | null;
  body: string;
  headline: string;
  total: number;
}

/**
 * Minutes and decisions matching a web-search query (`websearch_to_tsquery` on accent-free words) through the GIN
 * indexes on `to_tsvector('french', search_text)`, best ranked first, one page; the page's excerpts are computed
 * after the page is cut (`ts_headline` is costly) on the text folded by `fold` (lower case, no accents, same length).
 */
export async function searchMinutes(
  db: Db,
  f: Visibility & {
    clsmId: string;
    query: string;
    fold: { from: string; to: string };
    headline: string;
    limit: number;
    offset: number;
  },
): Promise<SearchHit[]> {
  const seen = and(eq(meeting.clsmId, f.clsmId), visible(f));
  const tsq = sql`websearch_to_tsquery('french', ${f.query})`;
  const minutes = sql`
    select ${meeting.id} as meeting_id, ${meeting.title} as title, ${meeting.startsAt} as starts_at,
      'minutes' as kind, null::uuid as decision_id, ${meeting.minutesText} as body,
      ts_rank(to_tsvector('french', ${meeting.searchText}), ${tsq}) as rank
    from ${meeting}
    where ${seen} and ${meeting.minutesText} is not null
      and to_tsvector('french', ${meeting.searchText}) @@ ${tsq}`;
  const decisions = sql`
    select ${meeting.id}, ${meeting.title}, ${meeting.startsAt}, 'decision', ${meetingDecision.id},
      ${meetingDecision.text}, ts_rank(to_tsvector('french', ${meetingDecision.searchText}), ${tsq})
    from ${meetingDecision} join ${meeting} on ${meeting.id} = ${meetingDecision.meetingId}
    where ${seen} and ${meetingDecision.clsmId} = ${f.clsmId}
      and to_tsvector('french', ${meetingDecision.searchText}) @@ ${tsq}`;
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`
    select p.*, ts_headline('french', translate(lower(p.body), ${f.fold.from}, ${f.fold.to}), ${tsq}, ${f.headline}) as headline
    from (
      select h.*, (count(*) over ())::int as total
      from (${minutes} union all ${decisions}) h
      order by h.rank desc, h.starts_at desc, h.kind desc, h.decision_id
      limit ${f.limit} offset ${f.offset}
    ) p
    order by p.rank desc, p.starts_at desc, p.kind desc, p.decision_id`,
  );
  return rows.map((r) => ({
    meetingId: String(r.meeting_id),
    title: String(r.title),
    startsAt: new Date(r.starts_at as string | Date),
    kind: r.kind === "decision" ? "decision" : "minutes",
    decisionId: (r.decision_id as string | null) ?? null,
    body: String(r.body ?? ""),
    headline: String(r.headline ?? ""),
    total: Number(r.total ?? 0),
  }));
}

export async function countSearch(
  db: Db,
  f: Visibility & { clsmId: string; query: string },
): Promise<number> {
  const seen = and(eq(meeting.clsmId, f.clsmId), visible(f));
  const tsq = sql`websearch_to_tsquery('french', ${f.query})`;
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`select
      (select count(*) from ${meeting} where ${seen} and ${meeting.minutesText} is not null
         and to_tsvector('french', ${meeting.searchText}) @@ ${tsq})
    + (select count(*) from ${meetingDecision} join ${meeting} on ${meeting.id} = ${meetingDecision.meetingId}
         where ${seen} and to_tsvector('french', ${meetingDecision.searchText}) @@ ${tsq}) as n`,
  );
  return Number(row?.n ?? 0);
}
