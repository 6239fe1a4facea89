import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  notInArray,
  or,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db, positionIn, qualified } from "../platform/db";
import { meeting, meetingAgendaItem, meetingInvitee } from "./tables";

export type MeetingRow = typeof meeting.$inferSelect;
export type InviteeRow = typeof meetingInvitee.$inferSelect;
export type AgendaItemRow = typeof meetingAgendaItem.$inferSelect;

// ─── Meetings ────────────────────────────────────────────────────────────────────────────────────────────

export interface MeetingFilter {
  clsmId: string;
  /** [from, to) in UTC. */
  range?: { from: Date; to: Date };
  when: "upcoming" | "past";
  instanceId?: string;
  includeCancelled: boolean;
  /** Instances the reader may not see (confidential ones, for members). */
  hiddenInstanceIds: string[];
  limit: number;
  offset: number;
}

const inviteeCount = sql<number>`(select count(*)::int from ${meetingInvitee} where ${qualified(meetingInvitee.meetingId)} = ${qualified(meeting.id)})`;

/** A meeting under way is still "upcoming" until its end. */
const endsAt = sql`${meeting.startsAt} + ${meeting.durationMinutes} * interval '1 minute'`;

export async function listMeetings(db: Db, f: MeetingFilter) {
  const now = new Date();
  const where = and(
    eq(meeting.clsmId, f.clsmId),
    f.range
      ? and(gte(meeting.startsAt, f.range.from), lt(meeting.startsAt, f.range.to))
      : f.when === "upcoming"
        ? sql`${endsAt} > ${now}`
        : sql`${endsAt} <= ${now}`,
    f.instanceId ? eq(meeting.instanceId, f.instanceId) : undefined,
    f.includeCancelled ? undefined : eq(meeting.status, "scheduled"),
    f.hiddenInstanceIds.length
      ? or(isNull(meeting.instanceId), notInArray(meeting.instanceId, f.hiddenInstanceIds))
      : undefined,
  );
  const order =
    f.range || f.when === "upcoming"
      ? [asc(meeting.startsAt), asc(meeting.id)]
      : [desc(meeting.startsAt), desc(meeting.id)];
  const [items, [total]] = await Promise.all([
    db
      .select({ meeting, inviteeCount })
      .from(meeting)
      .where(where)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(meeting).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findMeeting(db: Db, clsmId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(meeting)
    .where(and(eq(meeting.clsmId, clsmId), eq(meeting.id, id)))
    .$dynamic();
  const [row] = await (forUpdate ? q.for("update") : q);
  return row;
}

/** Some meetings of the CLSM (unknown ids left out), in one query. */
export async function findMeetings(db: Db, clsmId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(meeting)
    .where(and(eq(meeting.clsmId, clsmId), inArray(meeting.id, ids)));
}

export async function insertMeetings(db: Db, rows: (typeof meeting.$inferInsert)[]) {
  return db.insert(meeting).values(rows).returning({ id: meeting.id, startsAt: meeting.startsAt });
}

export async function updateMeeting(db: Db, id: string, values: Partial<typeof meeting.$inferInsert>) {
  await db
    .update(meeting)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(meeting.id, id));
}

/** The scheduled meetings of a series that start after `after`. */
const laterInSeries = (clsmId: string, seriesId: string, after: Date) =>
  and(
    eq(meeting.clsmId, clsmId),
    eq(meeting.seriesId, seriesId),
    eq(meeting.status, "scheduled"),
    gt(meeting.startsAt, after),
  );

/** The scheduled meetings of a series after a start, soonest first, locked for a change. */
export async function seriesAfterForUpdate(db: Db, clsmId: string, seriesId: string, after: Date) {
  return db
    .select()
    .from(meeting)
    .where(laterInSeries(clsmId, seriesId, after))
    .orderBy(asc(meeting.startsAt))
    .for("update");
}

/** How many scheduled meetings of a series come after a start. */
export async function countSeriesAfter(db: Db, clsmId: string, seriesId: string, after: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(meeting)
    .where(laterInSeries(clsmId, seriesId, after));
  return row?.n ?? 0;
}

export async function deleteMeeting(db: Db, id: string) {
  await db.delete(meeting).where(eq(meeting.id, id));
}

/** The next scheduled meeting of an instance after a given start (where postponed agenda items go). */
export async function nextMeetingOf(db: Db, clsmId: string, instanceId: string, after: Date) {
  const [row] = await db
    .select({ id: meeting.id })
    .from(meeting)
    .where(
      and(
        eq(meeting.clsmId, clsmId),
        eq(meeting.instanceId, instanceId),
        eq(meeting.status, "scheduled"),
        sql`${meeting.startsAt} > ${after}`,
      ),
    )
    .orderBy(asc(meeting.startsAt))
    .limit(1);
  return row;
}

/** Meetings held (started, not cancelled) and planned per instance over [from, to). */
export async function countsByInstance(db: Db, clsmId: string, from: Date, to: Date) {
  return db
    .select({
      instanceId: meeting.instanceId,
      held: sql<number>`count(*) filter (where ${meeting.startsAt} < now())::int`,
      planned: sql<number>`count(*) filter (where ${meeting.startsAt} >= now())::int`,
    })
    .from(meeting)
    .where(
      and(
        eq(meeting.clsmId, clsmId),
        eq(meeting.status, "scheduled"),
        isNotNull(meeting.instanceId),
        gte(meeting.startsAt, from),
        lt(meeting.startsAt, to),
      ),
    )
    .groupBy(meeting.instanceId);
}

// ─── Invitees ────────────────────────────────────────────────────────────────────────────────────────────

export async function inviteesOf(db: Db, meetingId: string) {
  return db
    .select()
    .from(meetingInvitee)
    .where(eq(meetingInvitee.meetingId, meetingId))
    .orderBy(
      desc(meetingInvitee.fromInstance),
      asc(sql`lower(${meetingInvitee.name})`),
      asc(meetingInvitee.id),
    );
}

export async function insertInvitees(db: Db, rows: (typeof meetingInvitee.$inferInsert)[]) {
  if (!rows.length) return 0;
  // A directory person already invited keeps their invitation (the partial unique index).
  const inserted = await db
    .insert(meetingInvitee)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: meetingInvitee.id });
  return inserted.length;
}

export async function findInvitee(db: Db, meetingId: string, id: string) {
  const [row] = await db
    .select()
    .from(meetingInvitee)
    .where(and(eq(meetingInvitee.meetingId, meetingId), eq(meetingInvitee.id, id)));
  return row;
}

export async function updateInvitee(db: Db, id: string, values: Partial<typeof meetingInvitee.$inferInsert>) {
  await db
    .update(meetingInvitee)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(meetingInvitee.id, id));
}

/** The attendance of several invitees in one statement (the sign-in sheet typed back). */
export async function setAttendance(
  db: Db,
  rows: { id: string; attendance: string | null; representedBy: string | null | undefined }[],
) {
  if (!rows.length) return;
  const values = sql.join(
    rows.map((r) => sql`(${r.id}::uuid, ${r.attendance}::text, ${r.representedBy ?? null}::text)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${meetingInvitee} set attendance = v.attendance, represented_by = v.represented_by, updated_at = now()
    from (values ${values}) as v(id, attendance, represented_by)
    where ${meetingInvitee.id} = v.id`);
}

export async function deleteInvitee(db: Db, id: string) {
  await db.delete(meetingInvitee).where(eq(meetingInvitee.id, id));
}

/** Merge of two directory records: invitations of the other move to the kept person, unless already invited. */
export async function moveInvitations(db: Db, clsmId: string, fromId: string, toId: string) {
  await db.execute(sql`
    delete from ${meetingInvitee} m
    where m.clsm_id = ${clsmId} and m.person_id = ${fromId}
      and exists (select 1 from ${meetingInvitee} k where k.meeting_id = m.meeting_id and k.person_id = ${toId})`);
  await db
    .update(meetingInvitee)
    .set({ personId: toId, updatedAt: new Date() })
    .where(and(eq(meetingInvitee.clsmId, clsmId), eq(meetingInvitee.personId, fromId)));
}

export async function invitationsOfPerson(db: Db, clsmId: string, personId: string) {
  return db
    .select({
      title: meeting.title,
      startsAt: meeting.startsAt,
      rsvp: meetingInvitee.rsvp,
      attendance: meetingInvitee.attendance,
      representedBy: meetingInvitee.representedBy,
    })
    .from(meetingInvitee)
    .innerJoin(meeting, eq(meeting.id, meetingInvitee.meetingId))
    .where(and(eq(meetingInvitee.clsmId, clsmId), eq(meetingInvitee.personId, personId)))
    .orderBy(desc(meeting.startsAt));
}

// ─── Agenda ──────────────────────────────────────────────────────────────────────────────────────────────

const source = alias(meetingAgendaItem, "source");
const sourceMeeting = alias(meeting, "source_meeting");

export async function agendaOf(db: Db, meetingId: string) {
  return db
    .select({
      item: meetingAgendaItem,
      fromMeetingId: sourceMeeting.id,
      fromStartsAt: sourceMeeting.startsAt,
    })
    .from(meetingAgendaItem)
    .leftJoin(source, eq(source.id, meetingAgendaItem.carriedFromId))
    .leftJoin(sourceMeeting, eq(sourceMeeting.id, source.meetingId))
    .where(eq(meetingAgendaItem.meetingId, meetingId))
    .orderBy(asc(meetingAgendaItem.position), asc(meetingAgendaItem.createdAt));
}

export async function findAgendaItem(db: Db, meetingId: string, id: string) {
  const [row] = await db
    .select()
    .from(meetingAgendaItem)
    .where(and(eq(meetingAgendaItem.meetingId, meetingId), eq(meetingAgendaItem.id, id)));
  return row;
}

export async function insertAgendaItems(db: Db, rows: (typeof meetingAgendaItem.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(meetingAgendaItem).values(rows).returning({ id: meetingAgendaItem.id });
}

export async function nextAgendaPosition(db: Db, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${meetingAgendaItem.position}) + 1, 0)::int` })
    .from(meetingAgendaItem)
    .where(eq(meetingAgendaItem.meetingId, meetingId));
  return row?.n ?? 0;
}

export async function updateAgendaItem(
  db: Db,
  id: string,
  values: Partial<typeof meetingAgendaItem.$inferInsert>,
) {
  await db
    .update(meetingAgendaItem)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(meetingAgendaItem.id, id));
}

export async function deleteAgendaItem(db: Db, id: string) {
  await db.delete(meetingAgendaItem).where(eq(meetingAgendaItem.id, id));
}

/** Sets every item's position from its place in `ids`, in one statement. */
export async function orderAgenda(db: Db, meetingId: string, ids: string[]) {
  await db
    .update(meetingAgendaItem)
    .set({ position: positionIn(meetingAgendaItem.id, ids), updatedAt: new Date() })
    .where(and(eq(meetingAgendaItem.meetingId, meetingId), inArray(meetingAgendaItem.id, ids)));
}
