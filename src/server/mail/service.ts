import nodemailer from "nodemailer";
import type { JobQueue } from "../jobs/queue";
import type { Actor } from "../platform/access";
import { policies } from "../platform/access";
import type { Db } from "../platform/db";
import { forbidden } from "../platform/errors";
import { errorMessage } from "../platform/logger";
import { findMail, insertMails, listMail, type NewMail, updateMailDelivery } from "./repo";

export const SEND_MAIL_JOB = "mail.send";
const MAX_ATTEMPTS = 5;

/**
 * Nodemailer waits up to 2 min to connect and 10 min on a silent socket by default: a hung SMTP server would
 * hold the queue and outlive STALE_JOB_MS, so another instance would claim the job and send the mail twice.
 * These stay well below it (a value in SMTP_URL's query string, e.g. ?socketTimeout=5000, overrides them).
 */
export const SMTP_TIMEOUTS_MS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export interface MailService {
  /** Records the mail and schedules its delivery, inside the caller's transaction. */
  queue(tx: Db, mail: NewMail): Promise<string>;
  /** The same for several mails in two statements (convocations to a whole instance); ids in the order given. */
  queueMany(tx: Db, mails: NewMail[]): Promise<string[]>;
  list(actor: Actor, filter: { q?: string; limit: number; offset: number }): ReturnType<typeof listMail>;
}

export function createMailService(deps: {
  db: Db;
  jobs: JobQueue;
  smtpUrl?: string;
  from: string;
}): MailService {
  const transport = deps.smtpUrl
    ? nodemailer.createTransport({ ...SMTP_TIMEOUTS_MS, url: deps.smtpUrl })
    : undefined;

  deps.jobs.register(SEND_MAIL_JOB, async (payload, job) => {
    const { mailId } = payload as { mailId: string };
    const mail = await findMail(deps.db, mailId);
    if (!mail || mail.status === "sent") return;
    if (!transport) {
      // No SMTP server configured: the outbox is the delivery.
      await updateMailDelivery(deps.db, mailId, { status: "outbox" });
      return;
    }
    try {
      await transport.sendMail({
        from: deps.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        // A calendar invitation travels as a text/calendar part with its METHOD (and as an .ics attachment).
        icalEvent: mail.ical
          ? { method: mail.ical.method, filename: mail.ical.filename, content: mail.ical.content }
          : undefined,
      });
      await updateMailDelivery(deps.db, mailId, { status: "sent" });
    } catch (err) {
      const message = errorMessage(err);
      const final = job.attempts >= job.maxAttempts;
      await updateMailDelivery(deps.db, mailId, { status: final ? "failed" : "queued", lastError: message });
      throw err;
    }
  });

  return {
    async queue(tx, mail) {
      const [mailId] = await this.queueMany(tx, [mail]);
      return mailId as string;
    },
    async queueMany(tx, mails) {
      const mailIds = await insertMails(tx, mails);
      const payloads = mailIds.map((mailId) => ({ mailId }));
      await deps.jobs.enqueueMany(tx, SEND_MAIL_JOB, payloads, { maxAttempts: MAX_ATTEMPTS });
      return mailIds;
    },
    async list(actor, filter) {
      if (!policies.platform.readOutbox(actor)) throw forbidden();
      return listMail(deps.db, filter);
    },
  };
}
