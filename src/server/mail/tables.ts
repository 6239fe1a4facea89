import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A calendar invitation sent with a mail (nodemailer's icalEvent: a text/calendar part with its METHOD). */
export interface MailCalendarEvent {
  method: "REQUEST" | "CANCEL" | "PUBLISH";
  filename: string;
  content: string;
}

/**
 * Every mail the platform sends. With SMTP configured a job delivers it (status queued → sent or failed);
 * without SMTP it stays here with status "outbox", readable by admins, never silently dropped.
 */
export const mailMessage = pgTable(
  "mail_message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    ical: jsonb("ical").$type<MailCalendarEvent>(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("mail_message_created_idx").on(t.createdAt)],
);
