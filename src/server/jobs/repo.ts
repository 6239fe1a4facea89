import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../platform/db";
import { job } from "./tables";

export type JobRow = typeof job.$inferSelect;

/** Jobs of one name, one per payload, in one statement. */
export async function insertJobs(
  db: Db,
  name: string,
  payloads: unknown[],
  options: { runAt?: Date; maxAttempts?: number } = {},
): Promise<void> {
  if (!payloads.length) return;
  await db
    .insert(job)
    .values(
      payloads.map((payload) => ({ name, payload, runAt: options.runAt, maxAttempts: options.maxAttempts })),
    );
}

/**
 * Inserts the job unless one of that name is already pending (the next run of a recurring job). A lock on the name,
 * held until the caller's transaction ends, keeps two instances from both inserting it.
 */
export async function insertJobUnlessPending(
  db: Db,
  name: string,
  payload: unknown,
  runAt: Date,
): Promise<boolean> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`job:${name}`}))`);
  const [pending] = await db
    .select({ id: job.id })
    .from(job)
    .where(and(eq(job.name, name), eq(job.status, "pending")))
    .limit(1);
  if (pending) return false;
  await insertJobs(db, name, [payload], { runAt });
  return true;
}

/** A running job not finished after this long is taken to have lost its worker, and is claimed again. */
export const STALE_JOB_MS = 5 * 60_000;

/** Claims the next due job, or one whose worker died more than five minutes ago. */
export async function claimNextJob(db: Db): Promise<JobRow | undefined> {
  const result = (await db.execute(sql`
    UPDATE ${job} SET status = 'running', locked_at = now(), attempts = attempts + 1
    WHERE id = (
      SELECT id FROM ${job}
      WHERE (status = 'pending' AND run_at <= now())
         OR (status = 'running' AND locked_at < now() - make_interval(secs => ${STALE_JOB_MS / 1000}))
      ORDER BY run_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`)) as unknown as { rows: { id: string }[] };
  const id = result.rows[0]?.id;
  if (!id) return undefined;
  const [claimed] = await db.select().from(job).where(eq(job.id, id));
  return claimed;
}

export async function markJobDone(db: Db, id: string): Promise<void> {
  await db.update(job).set({ status: "done", finishedAt: new Date(), lastError: null }).where(eq(job.id, id));
}

export async function markJobFailed(db: Db, row: JobRow, error: string, retryAt: Date | null): Promise<void> {
  await db
    .update(job)
    .set(
      retryAt
        ? { status: "pending", runAt: retryAt, lockedAt: null, lastError: error }
        : { status: "failed", finishedAt: new Date(), lastError: error },
    )
    .where(and(eq(job.id, row.id), eq(job.status, "running")));
}

export async function countJobs(db: Db, status: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(job).where(eq(job.status, status));
  return row?.n ?? 0;
}
