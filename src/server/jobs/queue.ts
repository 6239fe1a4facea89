import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../platform/db";
import { errorMessage } from "../platform/logger";
import {
  claimNextJob,
  insertJobs,
  insertJobUnlessPending,
  type JobRow,
  markJobDone,
  markJobFailed,
} from "./repo";

export type JobHandler = (payload: unknown, job: JobRow) => Promise<void>;

/** Delay before retry n (1-based): 30 s, 2 min, 8 min, 32 min… capped at 6 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 4 ** (attempt - 1), 6 * 3600_000);
}

/**
 * A small durable queue on the `job` table (works on PGlite and PostgreSQL alike).
 * Jobs are enqueued inside the caller's transaction, so a job exists if and only if its cause was committed.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  register(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  enqueue(tx: Db, name: string, payload: unknown, options?: { runAt?: Date; maxAttempts?: number }) {
    return this.enqueueMany(tx, name, [payload], options);
  }

  /** One job per payload, inserted together (a batch of mails, say). */
  enqueueMany(tx: Db, name: string, payloads: unknown[], options?: { runAt?: Date; maxAttempts?: number }) {
    if (!this.handlers.has(name)) throw new Error(`No handler registered for job "${name}"`);
    return insertJobs(tx, name, payloads, options);
  }

  /**
   * For a recurring job (a daily run): enqueues it at `runAt` unless a run of it is already pending. Call it in a
   * transaction, at start and from the job's own handler for the next run: a retried run, or several instances
   * starting together, leave one pending run. Returns whether it enqueued one.
   */
  scheduleOnce(tx: Db, name: string, payload: unknown, runAt: Date): Promise<boolean> {
    if (!this.handlers.has(name)) throw new Error(`No handler registered for job "${name}"`);
    return insertJobUnlessPending(tx, name, payload, runAt);
  }

  start(pollMs: number): void {
    if (this.timer || pollMs === 0) return;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.runDue().finally(() => (this.running = undefined));
    }, pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs every due job, one at a time; returns how many ran. Tests call it to drain the queue. */
  async runDue(max = 100): Promise<number> {
    let ran = 0;
    while (ran < max) {
      const row = await claimNextJob(this.db);
      if (!row) break;
      ran++;
      await this.runOne(row);
    }
    return ran;
  }

  private async runOne(row: JobRow): Promise<void> {
    if (row.attempts > row.maxAttempts) {
      // Claimed again after its worker died on every attempt (e.g. the job crashes the process): stop there.
      this.log.error({ jobId: row.id, job: row.name, attempts: row.attempts }, "job abandoned");
      await markJobFailed(
        this.db,
        row,
        "abandonné : le traitement s'est interrompu à chaque tentative",
        null,
      );
      return;
    }
    const handler = this.handlers.get(row.name);
    try {
      if (!handler) throw new Error(`No handler for job "${row.name}"`);
      await handler(row.payload, row);
      await markJobDone(this.db, row.id);
    } catch (err) {
      const message = errorMessage(err);
      const retryAt =
        row.attempts < row.maxAttempts ? new Date(Date.now() + retryDelayMs(row.attempts)) : null;
      this.log.warn({ jobId: row.id, job: row.name, attempt: row.attempts, err: message }, "job failed");
      await markJobFailed(this.db, row, message, retryAt);
    }
  }
}
