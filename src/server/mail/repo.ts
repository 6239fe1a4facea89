import { randomUUID } from "node:crypto";
import { desc, eq, ilike, or, sql } from "drizzle-orm";
import { containing, type Db } from "../platform/db";
import { mailMessage } from "./tables";

export type MailRow = typeof mailMessage.$inferSelect;
/** A mail to record: its texts and, for a meeting invitation, the calendar part (kept in the outbox too). */
export type NewMail = Pick<typeof mailMessage.$inferInsert, "to" | "subject" | "text" | "html" | "ical">;

/** Several mails in one statement; their ids are drawn here so they come back in the order given. */
export async function insertMails(db: Db, mails: NewMail[]): Promise<string[]> {
  if (!mails.length) return [];
  const rows = mails.map((mail) => ({ ...mail, id: randomUUID(), status: "queued" }));
  await db.insert(mailMessage).values(rows);
  return rows.map((r) => r.id);
}

export async function findMail(db: Db, id: string): Promise<MailRow | undefined> {
  const [row] = await db.select().from(mailMessage).where(eq(mailMessage.id, id));
  return row;
}

export async function updateMailDelivery(
  db: Db,
  id: string,
  patch: { status: "sent" | "failed" | "outbox" | "queued"; lastError?: string | null },
): Promise<void> {
  await db
    .update(mailMessage)
    .set({
      status: patch.status,
      lastError: patch.lastError ?? null,
      attempts: sql`${mailMessage.attempts} + 1`,
      sentAt: patch.status === "sent" ? new Date() : undefined,
    })
    .where(eq(mailMessage.id, id));
}

/** Newest first; `q` matches the recipient or the subject. */
export async function listMail(db: Db, filter: { q?: string; limit: number; offset: number }) {
  const where = filter.q
    ? or(ilike(mailMessage.to, containing(filter.q)), ilike(mailMessage.subject, containing(filter.q)))
    : undefined;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(mailMessage)
      .where(where)
      .orderBy(desc(mailMessage.createdAt))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(mailMessage).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}
