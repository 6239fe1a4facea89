import { and, asc, eq, gte, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import { directoryPerson } from "../directory/tables";
import type { Db } from "../platform/db";
import { clsm } from "../workspaces/tables";
import { calendarFeed, meeting, meetingInvitee } from "./tables";

// SQL of the convocations, the public answers and the calendar feeds (the meetings' own repo stays the CRUD's).

export type FeedRow = typeof calendarFeed.$inferSelect;
export type FeedKind = "clsm" | "personal";

/** An invitee by id alone (the public answer link), with its meeting and the CLSM's name. */
export async function findInviteeForAnswer(db: Db, inviteeId: string, forUpdate = false) {
  const q = db
    .select({ invitee: meetingInvitee, meeting, clsmName: clsm.name })
    .from(meetingInvitee)
    .innerJoin(meeting, eq(meeting.id, meetingInvitee.meetingId))
    .innerJoin(clsm, eq(clsm.id, meetingInvitee.clsmId))
    .where(eq(meetingInvitee.id, inviteeId))
    .$dynamic();
  const [row] = await (forUpdate ? q.for("update", { of: meetingInvitee }) : q);
  return row;
}

/**
 * Records on several invitees the mail just queued for each and, for a convocation, update or cancellation, the
 * meeting version they now hold and when (a reminder leaves those as they are). One statement.
 */
export async function markConvoked(
  db: Db,
  rows: { inviteeId: string; mailId: string }[],
  convoked?: { sequence: number; at: Date },
) {
  if (!rows.length) return;
  const values = sql.join(
    rows.map((r) => sql`(${r.inviteeId}::uuid, ${r.mailId}::uuid)`),
    sql`, `,
  );
  const version = convoked
    ? sql`, convoked_at = ${convoked.at.toISOString()}::timestamptz, convoked_sequence = ${convoked.sequence}::int`
    : sql``;
  await db.execute(sql`
    update ${meetingInvitee} set last_mail_id = v.mail_id, updated_at = now() ${version}
    from (values ${values}) as v(id, mail_id)
    where ${meetingInvitee.id} = v.id`);
}

/** The CLSM's name (read-only: the mails and calendars are signed with it). */
export async function clsmName(db: Db, clsmId: string): Promise<string> {
  const [row] = await db.select({ name: clsm.name }).from(clsm).where(eq(clsm.id, clsmId));
  return row?.name ?? "";
}

/** The reminder went out for the meeting's current start (not `updated_at`: nothing changed in the meeting). */
export async function markReminded(db: Db, meetingId: string) {
  await db.update(meeting).set({ reminderSentAt: new Date() }).where(eq(meeting.id, meetingId));
}

export async function findMeetingById(db: Db, meetingId: string, forUpdate = false) {
  const q = db.select().from(meeting).where(eq(meeting.id, meetingId)).$dynamic();
  const [row] = await (forUpdate ? q.for("update") : q);
  return row;
}

// ─── Calendar feeds ──────────────────────────────────────────────────────────────────────────────────────

const ownedBy = (userId: string, kind: FeedKind, clsmId: string | null) =>
  and(
    eq(calendarFeed.userId, userId),
    eq(calendarFeed.kind, kind),
    clsmId ? eq(calendarFeed.clsmId, clsmId) : isNull(calendarFeed.clsmId),
    isNull(calendarFeed.revokedAt),
  );

export async function activeFeed(db: Db, userId: string, kind: FeedKind, clsmId: string | null) {
  const [row] = await db
    .select()
    .from(calendarFeed)
    .where(ownedBy(userId, kind, clsmId))
    .orderBy(sql`${calendarFeed.createdAt} desc`)
    .limit(1);
  return row;
}

export async function revokeFeeds(db: Db, userId: string, kind: FeedKind, clsmId: string | null) {
  await db
    .update(calendarFeed)
    .set({ revokedAt: new Date() })
    .where(ownedBy(userId, kind, clsmId));
}

export async function insertFeed(
  db: Db,
  values: { userId: string; kind: FeedKind; clsmId: string | null; tokenHash: string },
) {
  const [row] = await db.insert(calendarFeed).values(values).returning();
  if (!row) throw new Error("calendar feed insert returned nothing");
  return row;
}

export async function findFeedByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select()
    .from(calendarFeed)
    .where(and(eq(calendarFeed.tokenHash, tokenHash), isNull(calendarFeed.revokedAt)));
  return row;
}

/** How far back a feed goes: calendars keep what they already have. */
const FEED_PAST_DAYS = 366;
const FEED_MAX = 1000;

/** A CLSM's meetings for its feed: the last year and all to come, cancelled ones too, none of hidden instances. */
export async function meetingsForClsmFeed(db: Db, clsmId: string, hiddenInstanceIds: string[]) {
  return db
    .select()
    .from(meeting)
    .where(
      and(
        eq(meeting.clsmId, clsmId),
        gte(meeting.startsAt, new Date(Date.now() - FEED_PAST_DAYS * 86_400_000)),
        hiddenInstanceIds.length
          ? or(isNull(meeting.instanceId), notInArray(meeting.instanceId, hiddenInstanceIds))
          : undefined,
      ),
    )
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .limit(FEED_MAX);
}

/**
 * The meetings a person is invited to in some CLSMs, matched by e-mail: the invitee's address, or the current
 * address of the directory record invited (read-only join: the directory owns that table).
 */
export async function meetingsForPersonalFeed(db: Db, clsmIds: string[], email: string) {
  if (!clsmIds.length) return [];
  const address = email.trim().toLowerCase();
  const rows = await db
    .selectDistinctOn([meeting.startsAt, meeting.id], {
      meeting,
      clsmName: clsm.name,
      rsvp: meetingInvitee.rsvp,
    })
    .from(meetingInvitee)
    .innerJoin(meeting, eq(meeting.id, meetingInvitee.meetingId))
    .innerJoin(clsm, eq(clsm.id, meeting.clsmId))
    .leftJoin(directoryPerson, eq(directoryPerson.id, meetingInvitee.personId))
    .where(
      and(
        inArray(meetingInvitee.clsmId, clsmIds),
        gte(meeting.startsAt, new Date(Date.now() - FEED_PAST_DAYS * 86_400_000)),
        or(
          sql`lower(${meetingInvitee.email}) = ${address}`,
          sql`lower(${directoryPerson.email}) = ${address}`,
        ),
      ),
    )
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .limit(FEED_MAX);
  return rows;
}
