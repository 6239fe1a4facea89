import { and, asc, count, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { InvitationStatus } from "../../../contracts/survey-answers";
import type { Db } from "../../platform/db";
import { clsm } from "../../workspaces/tables";
import { survey, surveyBrowserMark, surveyInvitation, surveyResponse } from "../tables";

// SQL of collecting answers: the survey a link opens, answers and browser marks, invitations. Every query of the
// coordination is scoped by the CLSM; the public ones start from a token.

export type InvitationRow = typeof surveyInvitation.$inferSelect;

/** The survey of a public link, with its CLSM's name. */
export async function findByPublicToken(db: Db, token: string) {
  const [row] = await db
    .select({ survey, clsmName: clsm.name })
    .from(survey)
    .innerJoin(clsm, eq(clsm.id, survey.clsmId))
    .where(eq(survey.publicToken, token));
  return row;
}

/** The invitation of a personal link, its survey and its CLSM's name; `forUpdate` locks the invitation. */
export async function findInvitationForAnswer(db: Db, invitationId: string, forUpdate = false) {
  const q = db
    .select({ invitation: surveyInvitation, survey, clsmName: clsm.name })
    .from(surveyInvitation)
    .innerJoin(survey, eq(survey.id, surveyInvitation.surveyId))
    .innerJoin(clsm, eq(clsm.id, surveyInvitation.clsmId))
    .where(eq(surveyInvitation.id, invitationId))
    .$dynamic();
  const [row] = await (forUpdate ? q.for("update", { of: surveyInvitation }) : q);
  return row;
}

export async function clsmName(db: Db, clsmId: string): Promise<string> {
  const [row] = await db.select({ name: clsm.name }).from(clsm).where(eq(clsm.id, clsmId));
  return row?.name ?? "";
}

/**
 * The survey an answer is written to, locked FOR SHARE until the answer's transaction ends: the builder changes a
 * questionnaire's structure only while it has no answers, and checks that with the row locked FOR UPDATE.
 */
export async function lockSurveyForAnswer(db: Db, surveyId: string) {
  const [row] = await db.select().from(survey).where(eq(survey.id, surveyId)).for("share");
  return row;
}

/** Records the browser's mark; false when this browser already answered the survey. */
export async function insertBrowserMark(db: Db, surveyId: string, keyHash: string): Promise<boolean> {
  const inserted = await db
    .insert(surveyBrowserMark)
    .values({ surveyId, keyHash })
    .onConflictDoNothing()
    .returning({ surveyId: surveyBrowserMark.surveyId });
  return inserted.length > 0;
}

export async function insertResponse(db: Db, values: typeof surveyResponse.$inferInsert): Promise<void> {
  await db.insert(surveyResponse).values(values);
}

/** Marks an invitation answered (its `updated_at` is left as it was: it would tell the time of the answer). */
export async function markAnswered(db: Db, invitationId: string, at: Date): Promise<void> {
  await db.update(surveyInvitation).set({ answeredAt: at }).where(eq(surveyInvitation.id, invitationId));
}

// ─── Invitations (the coordination) ──────────────────────────────────────────────────────────────────────

const ofSurvey = (clsmId: string, surveyId: string) =>
  and(eq(surveyInvitation.clsmId, clsmId), eq(surveyInvitation.surveyId, surveyId));

const statusCondition: Record<InvitationStatus, SQL | undefined> = {
  answered: isNotNull(surveyInvitation.answeredAt),
  sent: and(isNull(surveyInvitation.answeredAt), isNotNull(surveyInvitation.sentAt)),
  pending: and(isNull(surveyInvitation.answeredAt), isNull(surveyInvitation.sentAt)),
};

/**
 * A survey's invitations (of one status), all of them: the page is cut once they are sorted by the people's names,
 * which the directory holds. They are directory people, so their number stays that of a directory.
 */
export async function invitationsOf(db: Db, clsmId: string, surveyId: string, status?: InvitationStatus) {
  return db
    .select()
    .from(surveyInvitation)
    .where(and(ofSurvey(clsmId, surveyId), status ? statusCondition[status] : undefined));
}

/** How many invitations the survey has in each status, in one query. */
export async function invitationCounts(db: Db, clsmId: string, surveyId: string) {
  const [row] = await db
    .select({
      total: count(),
      answered: sql<number>`(count(*) filter (where ${statusCondition.answered}))::int`,
      sent: sql<number>`(count(*) filter (where ${statusCondition.sent}))::int`,
      pending: sql<number>`(count(*) filter (where ${statusCondition.pending}))::int`,
    })
    .from(surveyInvitation)
    .where(ofSurvey(clsmId, surveyId));
  return row ?? { total: 0, answered: 0, sent: 0, pending: 0 };
}

/** Invites people not yet invited (one statement); returns the invitations created. */
export async function insertInvitations(
  db: Db,
  rows: { clsmId: string; surveyId: string; personId: string; tokenNonce: string }[],
): Promise<InvitationRow[]> {
  if (!rows.length) return [];
  return db
    .insert(surveyInvitation)
    .values(rows)
    .onConflictDoNothing({ target: [surveyInvitation.surveyId, surveyInvitation.personId] })
    .returning();
}

/** Invitations never mailed and not answered. */
export async function invitationsToSend(db: Db, clsmId: string, surveyId: string) {
  return db
    .select()
    .from(surveyInvitation)
    .where(and(ofSurvey(clsmId, surveyId), statusCondition.pending))
    .orderBy(asc(surveyInvitation.createdAt));
}

/** Invitations mailed and not answered; with `remindedBefore`, only those not reminded since then. */
export async function invitationsToRemind(db: Db, clsmId: string, surveyId: string, remindedBefore?: Date) {
  return db
    .select()
    .from(surveyInvitation)
    .where(
      and(
        ofSurvey(clsmId, surveyId),
        statusCondition.sent,
        remindedBefore
          ? or(isNull(surveyInvitation.remindedAt), lt(surveyInvitation.remindedAt, remindedBefore))
          : undefined,
      ),
    )
    .orderBy(asc(surveyInvitation.createdAt));
}

/** Records that invitations were mailed (`sent_at`) or reminded (`reminded_at`), in one statement. */
export async function markMailed(db: Db, ids: string[], column: "sentAt" | "remindedAt", at: Date) {
  if (!ids.length) return;
  await db
    .update(surveyInvitation)
    .set({ [column]: at, updatedAt: at })
    .where(inArray(surveyInvitation.id, ids));
}

export async function findInvitation(db: Db, clsmId: string, surveyId: string, id: string) {
  const [row] = await db
    .select()
    .from(surveyInvitation)
    .where(and(ofSurvey(clsmId, surveyId), eq(surveyInvitation.id, id)))
    .for("update");
  return row;
}

export async function deleteInvitation(db: Db, id: string): Promise<void> {
  await db.delete(surveyInvitation).where(eq(surveyInvitation.id, id));
}

/**
 * Two directory people merged: `fromId`'s invitations become `toId`'s. Where both were invited to a survey, one
 * invitation stays: the answered one, else `toId`'s.
 */
export async function movePersonInvitations(db: Db, clsmId: string, fromId: string, toId: string) {
  await db.execute(sql`
    delete from ${surveyInvitation} t
    where t.clsm_id = ${clsmId} and t.person_id = ${toId} and t.answered_at is null
      and exists (select 1 from ${surveyInvitation} f
                  where f.survey_id = t.survey_id and f.person_id = ${fromId} and f.answered_at is not null)`);
  await db.execute(sql`
    delete from ${surveyInvitation} f
    where f.clsm_id = ${clsmId} and f.person_id = ${fromId}
      and exists (select 1 from ${surveyInvitation} t where t.survey_id = f.survey_id and t.person_id = ${toId})`);
  await db
    .update(surveyInvitation)
    .set({ personId: toId })
    .where(and(eq(surveyInvitation.clsmId, clsmId), eq(surveyInvitation.personId, fromId)));
}

/**
 * A person's invitations with their survey and, on a named survey, the answer that came through the link (an
 * anonymous survey's answer does not point at its invitation), for their personal-data export.
 */
export async function invitationsOfPerson(db: Db, clsmId: string, personId: string) {
  return db
    .select({
      title: survey.title,
      anonymous: survey.anonymous,
      definition: survey.definition,
      sentAt: surveyInvitation.sentAt,
      remindedAt: surveyInvitation.remindedAt,
      answeredAt: surveyInvitation.answeredAt,
      answers: surveyResponse.answers,
      others: surveyResponse.others,
    })
    .from(surveyInvitation)
    .innerJoin(survey, eq(survey.id, surveyInvitation.surveyId))
    .leftJoin(surveyResponse, eq(surveyResponse.invitationId, surveyInvitation.id))
    .where(and(eq(surveyInvitation.clsmId, clsmId), eq(surveyInvitation.personId, personId)))
    .orderBy(asc(survey.createdAt));
}
