import { eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { job } from "../../src/server/jobs/tables";
import { mailMessage } from "../../src/server/mail/tables";
import type { Database } from "../../src/server/platform/db";
import { buildTestApp, TEST_PASSWORD } from "../support/app";
import { persistentTestDatabase } from "../support/databases";

// Jobs live in the database: one enqueued by a process that stops is run by the next one, and one whose
// worker died while running it is taken up again.

const store = await persistentTestDatabase(inject("testRunId"));
afterAll(() => store.dispose());

/** Runs `body` with an app on the persistent database, then closes both, as a process that stops. */
async function inProcess<T>(
  body: (built: Awaited<ReturnType<typeof buildTestApp>>, db: Database) => Promise<T>,
) {
  const database = store.open();
  const built = await buildTestApp(database);
  const ran: unknown[] = [];
  built.services.jobs.register("test.remember", async (payload) => {
    ran.push(payload);
  });
  built.services.jobs.register("test.polled", async () => {});
  try {
    return { result: await body(built, database), ran };
  } finally {
    await built.app.close();
    await database.close();
  }
}

describe("jobs across a restart", () => {
  it("a mail queued just before a stop is delivered by the next process", async () => {
    const { result: mailId } = await inProcess(async ({ app }, { db }) => {
      const { hashPassword } = await import("better-auth/crypto");
      const { account, user } = await import("../../src/server/accounts/tables");
      await db.insert(user).values({ id: "u-restart", name: "Relance", email: "relance@exemple.test" });
      await db.insert(account).values({
        id: "a-restart",
        accountId: "u-restart",
        providerId: "credential",
        userId: "u-restart",
        password: await hashPassword(TEST_PASSWORD),
      });
      await app.inject({
        method: "POST",
        url: "/api/password/forgot",
        payload: { email: "relance@exemple.test" },
      });
      const [mail] = await db.select().from(mailMessage).where(eq(mailMessage.to, "relance@exemple.test"));
      expect(mail?.status).toBe("queued");
      return mail?.id ?? "";
    });

    await inProcess(async ({ services }, { db }) => {
      expect(await services.jobs.runDue()).toBeGreaterThanOrEqual(1);
      const [mail] = await db.select().from(mailMessage).where(eq(mailMessage.id, mailId));
      expect(mail?.status).toBe("outbox");
    });
  });

  it("a job scheduled for later keeps its time and payload, and runs once due", async () => {
    const runAt = new Date(Date.now() + 3600_000);
    await inProcess(async ({ services }, { db }) => {
      await services.jobs.enqueue(db, "test.remember", { reminder: "COPIL jeudi" }, { runAt });
    });
    const second = await inProcess(async ({ services }, { db }) => {
      expect(await services.jobs.runDue()).toBe(0);
      const [row] = await db.select().from(job).where(eq(job.name, "test.remember"));
      expect(row).toMatchObject({ status: "pending", payload: { reminder: "COPIL jeudi" } });
      expect(row?.runAt.getTime()).toBe(runAt.getTime());
      await db
        .update(job)
        .set({ runAt: new Date(Date.now() - 1000) })
        .where(eq(job.id, row?.id ?? ""));
      expect(await services.jobs.runDue()).toBe(1);
      const [done] = await db
        .select()
        .from(job)
        .where(eq(job.id, row?.id ?? ""));
      expect(done?.status).toBe("done");
    });
    expect(second.ran).toEqual([{ reminder: "COPIL jeudi" }]);
  });

  it("takes up a job whose worker died (running, locked over five minutes ago), not a recent one", async () => {
    const { ran } = await inProcess(async ({ services }, { db }) => {
      const lockedAt = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
      await db.insert(job).values([
        {
          name: "test.remember",
          payload: { worker: "mort" },
          status: "running",
          attempts: 1,
          lockedAt: lockedAt(6),
        },
        {
          name: "test.remember",
          payload: { worker: "vivant" },
          status: "running",
          attempts: 1,
          lockedAt: lockedAt(1),
        },
      ]);
      expect(await services.jobs.runDue()).toBe(1);
      const rows = await db.select().from(job).where(eq(job.name, "test.remember"));
      const dead = rows.find((r) => (r.payload as { worker: string }).worker === "mort");
      const alive = rows.find((r) => (r.payload as { worker: string }).worker === "vivant");
      expect(dead).toMatchObject({ status: "done", attempts: 2 });
      expect(alive).toMatchObject({ status: "running", attempts: 1 });
    });
    expect(ran).toEqual([{ worker: "mort" }]);
  });

  it("gives up a job whose worker died on every attempt, instead of taking it up forever", async () => {
    const { ran } = await inProcess(async ({ services }, { db }) => {
      const [row] = await db
        .insert(job)
        .values({
          name: "test.remember",
          payload: { worker: "plante" },
          status: "running",
          attempts: 5,
          maxAttempts: 5,
          lockedAt: new Date(Date.now() - 6 * 60_000),
        })
        .returning();
      expect(await services.jobs.runDue()).toBe(1);
      const [after] = await db
        .select()
        .from(job)
        .where(eq(job.id, row?.id ?? ""));
      expect(after).toMatchObject({ status: "failed", attempts: 6 });
      expect(after?.lastError).toMatch(/abandonné/);
      expect(await services.jobs.runDue()).toBe(0);
    });
    expect(ran).toEqual([]);
  });

  it("the polling worker runs due jobs by itself", async () => {
    await inProcess(async ({ services }, { db }) => {
      await services.jobs.enqueue(db, "test.polled", {});
      services.jobs.start(20);
      let status: string | undefined;
      for (let i = 0; i < 100 && status !== "done"; i++) {
        await new Promise((r) => setTimeout(r, 20));
        [{ status } = { status: undefined }] = await db.select().from(job).where(eq(job.name, "test.polled"));
      }
      await services.jobs.stop();
      expect(status).toBe("done");
    });
  });
});
