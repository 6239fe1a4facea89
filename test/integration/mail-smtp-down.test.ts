import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { JobQueue } from "../../src/server/jobs/queue";
import { STALE_JOB_MS } from "../../src/server/jobs/repo";
import { job } from "../../src/server/jobs/tables";
import { createMailService, SMTP_TIMEOUTS_MS } from "../../src/server/mail/service";
import { mailMessage } from "../../src/server/mail/tables";
import { lastMailTo, setupApp } from "../support/app";
import { closedSmtpUrl, silentSmtp } from "../support/smtp";

// The SMTP server is down: each attempt is recorded, the job is retried later, and after the last
// attempt the mail is marked failed (never silently dropped).

const t = await setupApp({ SMTP_URL: await closedSmtpUrl() });
const db = t.database.db;

async function mailJobFor(mailId: string) {
  const [row] = await db.select().from(job).where(sql`${job.payload}->>'mailId' = ${mailId}`);
  if (!row) throw new Error(`no job for mail ${mailId}`);
  return row;
}

/** Makes the job due now, as if its retry time had come. */
const makeDue = (id: string) =>
  db
    .update(job)
    .set({ runAt: new Date(Date.now() - 1000) })
    .where(eq(job.id, id));

async function queuedMail() {
  const person = await t.createUser();
  await t.app.inject({ method: "POST", url: "/api/password/forgot", payload: { email: person.email } });
  const mail = await lastMailTo(t, person.email);
  if (!mail) throw new Error("no mail queued");
  return mail;
}

describe("when the SMTP server hangs", () => {
  it("gives up well before a running job is taken as abandoned (no double send by another instance)", () => {
    const worstCase =
      SMTP_TIMEOUTS_MS.connectionTimeout + SMTP_TIMEOUTS_MS.greetingTimeout + SMTP_TIMEOUTS_MS.socketTimeout;
    expect(worstCase).toBeLessThan(STALE_JOB_MS / 2);
  });

  it("records a timeout and retries later instead of blocking the queue", async () => {
    const silent = await silentSmtp();
    try {
      const queue = new JobQueue(db, t.app.log);
      const mail = createMailService({
        db,
        jobs: queue,
        smtpUrl: `${silent.url}/?greetingTimeout=200`,
        from: "x@y.test",
      });
      const id = await mail.queue(db, {
        to: "attente@exemple.test",
        subject: "Test",
        text: "Test",
        html: null,
      });
      await queue.runDue();
      const [after] = await db.select().from(mailMessage).where(eq(mailMessage.id, id));
      expect(after).toMatchObject({ status: "queued", attempts: 1 });
      expect(after?.lastError).toMatch(/greeting|timeout/i);
      expect((await mailJobFor(id)).status).toBe("pending");
    } finally {
      await silent.close();
    }
  });
});

describe("when the SMTP server is down", () => {
  it("records the attempt, puts the mail back in the queue with the error, and retries later", async () => {
    const mail = await queuedMail();
    const before = Date.now();
    await t.services.jobs.runDue();

    const [after] = await db.select().from(mailMessage).where(eq(mailMessage.id, mail.id));
    expect(after).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(after?.lastError).toMatch(/ECONNREFUSED|connect/i);

    const row = await mailJobFor(mail.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lockedAt: null });
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(before + 29_000);
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);

    expect(await t.services.jobs.runDue()).toBe(0); // not due yet
    expect((await mailJobFor(mail.id)).attempts).toBe(1);
  });

  it("waits longer before each retry", async () => {
    const mail = await queuedMail();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const start = Date.now();
      await t.services.jobs.runDue();
      const row = await mailJobFor(mail.id);
      delays.push(Math.round((row.runAt.getTime() - start) / 1000));
      await makeDue(row.id);
    }
    expect(delays[0]).toBeGreaterThanOrEqual(29);
    expect(delays[1]).toBeGreaterThanOrEqual(119);
    expect(delays[2]).toBeGreaterThanOrEqual(479);
  });

  it("marks the mail and its job failed after the last attempt, and stops trying", async () => {
    const mail = await queuedMail();
    const { maxAttempts } = await mailJobFor(mail.id);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await makeDue((await mailJobFor(mail.id)).id);
      await t.services.jobs.runDue();
    }
    const [failed] = await db.select().from(mailMessage).where(eq(mailMessage.id, mail.id));
    expect(failed).toMatchObject({ status: "failed", attempts: maxAttempts });
    expect(failed?.lastError).toBeTruthy();
    const row = await mailJobFor(mail.id);
    expect(row).toMatchObject({ status: "failed", attempts: maxAttempts });
    expect(row.finishedAt).not.toBeNull();

    await makeDue(row.id);
    expect(await t.services.jobs.runDue()).toBe(0);

    const admin = await t.signedIn({ platformRole: "admin" });
    const listed = (await t.request(admin, { method: "GET", url: "/api/admin/mail" })).json();
    expect(listed.items.find((m: { id: string }) => m.id === mail.id)).toMatchObject({ status: "failed" });
  });
});
