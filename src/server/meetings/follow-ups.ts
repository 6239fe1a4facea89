import type {
  FollowUp,
  FollowUpBody,
  FollowUpListQuery,
  FollowUpStatus,
  UpdateFollowUpBody,
} from "../../contracts/meetings-minutes";
import type { DirectoryService, PersonLinks } from "../directory/service";
import type { GovernanceService } from "../governance/service";
import type { JobQueue } from "../jobs/queue";
import type { MailService } from "../mail/service";
import type { Actor } from "../platform/access";
import { addDays, parisParts, parisToday, parisToUtc } from "../platform/dates";
import type { Db } from "../platform/db";
import { badRequest, conflict, notFound } from "../platform/errors";
import type { MeetingAccess, MeetingReader } from "./access";
import { meetingsMessages } from "./messages";
import { minutesMessages as m } from "./minutes-messages";
import * as repo from "./minutes-repo";

export type FollowUpsService = ReturnType<typeof createFollowUpsService>;

export const FOLLOW_UP_REMINDERS_JOB = "meetings.followUpReminders";
/** Reminders go for open follow-ups due within this many days, overdue ones included… */
export const REMIND_DAYS_BEFORE = 3;
/** …at most once in this many days per follow-up. */
export const REMIND_EVERY_DAYS = 7;
/** The daily run, in Europe/Paris. */
const REMINDER_TIME = "07:00";
const BATCH = 200;

const blank = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);

/** "12 mai 2026" from "2026-05-12". */
export const frenchDate = (date: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** The reminder mail: the person's follow-ups due soon or overdue, with a link to the follow-up page. */
export function followUpReminderMail(input: {
  name: string;
  clsmName: string;
  url: string;
  items: { description: string; dueDate: string; overdue: boolean; meeting: string; meetingDate: string }[];
}) {
  const many = input.items.length > 1;
  const intro = `${many ? "Voici les actions qui vous sont confiées" : "Voici l'action qui vous est confiée"} par le ${input.clsmName}, dont l'échéance approche ou est passée :`;
  const line = (i: (typeof input.items)[number]) =>
    `${i.description} — ${i.overdue ? "en retard, échéance" : "échéance"} le ${frenchDate(i.dueDate)} (réunion « ${i.meeting} » du ${frenchDate(i.meetingDate)})`;
  const outro =
    "Si c'est fait, prévenez la coordination du CLSM pour qu'elle la note comme faite. Vous recevrez au plus un rappel par semaine pour chaque action.";
  const subject = many
    ? `${input.items.length} actions à suivre pour le ${input.clsmName}`
    : `Action à suivre pour le ${input.clsmName}`;
  const text = `Bonjour ${input.name},\n\n${intro}\n\n${input.items.map((i) => `- ${line(i)}`).join("\n")}\n\n${outro}\n\nLe suivi des actions : ${input.url}\n`;
  const html = `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1b2a2f">
<p>Bonjour ${escapeHtml(input.name)},</p>
<p>${escapeHtml(intro)}</p>
<ul>${input.items.map((i) => `<li>${escapeHtml(line(i))}</li>`).join("")}</ul>
<p>${escapeHtml(outro)}</p>
<p><a href="${escapeHtml(input.url)}" style="display:inline-block;padding:10px 16px;background:#0f5c63;color:#fff;border-radius:6px;text-decoration:none">Voir le suivi des actions</a></p>
</body></html>`;
  return { subject, text, html };
}

/**
 * The actions to follow decided in meetings: who carries them, by when, done or not. The coordination writes them;
 * members read those of shared minutes (never a confidential instance's). A daily job reminds the assignees by mail.
 */
export function createFollowUpsService(deps: {
  db: Db;
  access: MeetingAccess;
  directory: DirectoryService;
  governance: GovernanceService;
  jobs: JobQueue;
  mail: MailService;
  baseUrl: string;
}) {
  const { db, access, directory, governance, jobs, mail } = deps;

  async function visibility(tx: Db, r: MeetingReader) {
    return { onlyShared: !r.manage, hiddenInstanceIds: await access.hiddenInstanceIds(tx, r) };
  }

  /** The rows as the API shows them: assignee names come from the directory in one call. */
  async function items(
    tx: Db,
    r: MeetingReader,
    filter: Omit<repo.FollowUpFilter, "clsmId" | "today" | "onlyShared" | "hiddenInstanceIds">,
  ): Promise<{ items: FollowUp[]; total: number }> {
    const { rows, total } = await repo.listFollowUps(tx, {
      ...filter,
      ...(await visibility(tx, r)),
      clsmId: r.clsmId,
      today: parisToday(),
    });
    const people = await directory.summaries(tx, r.clsmId, [
      ...new Set(rows.flatMap((x) => (x.followUp.assigneePersonId ? [x.followUp.assigneePersonId] : []))),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    return {
      total,
      items: rows.map(({ followUp: f, meetingTitle, meetingStartsAt, overdue }) => {
        const name = f.assigneePersonId ? names.get(f.assigneePersonId) : undefined;
        return {
          id: f.id,
          meeting: { id: f.meetingId, title: meetingTitle, date: parisParts(meetingStartsAt).date },
          decisionId: f.decisionId,
          description: f.description,
          assignee: f.assigneePersonId && name ? { id: f.assigneePersonId, name } : null,
          dueDate: f.dueDate,
          status: f.status as FollowUpStatus,
          overdue,
          closedAt: f.closedAt?.toISOString() ?? null,
          closedByName: f.closedByName,
          createdAt: f.createdAt.toISOString(),
        };
      }),
    };
  }

  async function one(tx: Db, r: MeetingReader, id: string): Promise<FollowUp> {
    const { items: found } = await items(tx, r, { ids: [id], status: "all", limit: 1, offset: 0 });
    if (!found[0]) throw notFound(m.followUpNotFound);
    return found[0];
  }

  async function assertAssignee(tx: Db, clsmId: string, personId: string | null | undefined) {
    if (!personId) return;
    const [person] = await directory.summaries(tx, clsmId, [personId]);
    if (!person) throw badRequest(m.unknownAssignee, { assigneePersonId: m.unknownAssignee });
  }

  async function assertDecision(tx: Db, meetingId: string, decisionId: string | null | undefined) {
    if (!decisionId) return;
    if (!(await repo.findDecision(tx, meetingId, decisionId)))
      throw badRequest(m.unknownDecision, { decisionId: m.unknownDecision });
  }

  /** Next run of the daily reminders: today at 07:00 (Paris) if still ahead, tomorrow otherwise. */
  function nextRun(now = new Date()) {
    const today = parisToday();
    const at = parisToUtc(today, REMINDER_TIME);
    return at > now ? at : parisToUtc(addDays(today, 1), REMINDER_TIME);
  }

  /**
   * Mails each assignee their open follow-ups due within three days or overdue, at most once a week per follow-up.
   * Idempotent: a follow-up is marked reminded in the transaction that queues its mail, so a second run (or a
   * retry) finds nothing to send. Batches of 200, each in its own transaction.
   */
  async function sendReminders(now = new Date()) {
    const dueBy = addDays(parisToday(), REMIND_DAYS_BEFORE);
    const remindedBefore = new Date(now.getTime() - REMIND_EVERY_DAYS * 86_400_000);
    let after: string | null = null;
    let sent = 0;
    for (;;) {
      const batch: repo.ReminderCandidate[] = await db.transaction(async (tx) => {
        const rows = await repo.reminderCandidates(tx, { dueBy, remindedBefore, after, batch: BATCH });
        const byClsm = new Map<string, repo.ReminderCandidate[]>();
        for (const row of rows) byClsm.set(row.clsmId, [...(byClsm.get(row.clsmId) ?? []), row]);
        const reminded: string[] = [];
        for (const [clsmId, list] of byClsm) {
          const hidden = new Set(await governance.confidentialInstanceIds(tx, clsmId));
          // A confidential instance's actions are the coordination's: no mail describes them.
          const shown = list.filter((x) => !x.instanceId || !hidden.has(x.instanceId));
          const people = await directory.summaries(tx, clsmId, [
            ...new Set(shown.map((x) => x.assigneePersonId)),
          ]);
          for (const person of people) {
            if (!person.email) continue;
            const mine = shown.filter((x) => x.assigneePersonId === person.id);
            const today = parisToday();
            const content = followUpReminderMail({
              name: person.name,
              clsmName: mine[0]?.clsmName ?? "",
              url: `${deps.baseUrl}/clsm/${clsmId}/suivi`,
              items: mine
                .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
                .map((x) => ({
                  description: x.description,
                  dueDate: x.dueDate,
                  overdue: x.dueDate < today,
                  meeting: x.meetingTitle,
                  meetingDate: parisParts(x.meetingStartsAt).date,
                })),
            });
            await mail.queue(tx, { to: person.email, ...content });
            reminded.push(...mine.map((x) => x.id));
            sent++;
          }
        }
        await repo.markReminded(tx, reminded, now);
        return rows;
      });
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1]?.id ?? null;
    }
    return sent;
  }

  jobs.register(FOLLOW_UP_REMINDERS_JOB, async () => {
    // The next day's run first, so that a failing run does not end the chain (a retry finds it already pending).
    await db.transaction((tx) => jobs.scheduleOnce(tx, FOLLOW_UP_REMINDERS_JOB, {}, nextRun()));
    await sendReminders();
  });

  return {
    sendReminders,

    /** Makes sure the daily reminders are scheduled (at start; each run then schedules the next). */
    async scheduleReminders() {
      await db.transaction((tx) => jobs.scheduleOnce(tx, FOLLOW_UP_REMINDERS_JOB, {}, nextRun()));
    },

    /** The directory's hooks: a merge moves follow-ups to the kept person; the export lists them. */
    personLinks: {
      movePerson: repo.moveFollowUps,
      async exportPerson(tx, clsmId, personId) {
        const rows = await repo.followUpsOfPerson(tx, clsmId, personId);
        return {
          followUps: rows.map(({ followUp: f, meetingTitle, meetingStartsAt }) => ({
            meeting: meetingTitle,
            date: parisParts(meetingStartsAt).date,
            description: f.description,
            dueDate: f.dueDate,
            status: f.status,
            closedAt: f.closedAt?.toISOString() ?? null,
          })),
        };
      },
    } satisfies PersonLinks,

    /** The follow-ups of one meeting, for its minutes (the reader may read them: checked by the caller). */
    async ofMeeting(tx: Db, r: MeetingReader, meetingId: string) {
      return (await items(tx, r, { meetingId, status: "all", limit: 1000, offset: 0 })).items;
    },

    async list(actor: Actor, clsmId: string, query: FollowUpListQuery) {
      const r = await access.reader(actor, clsmId);
      const { items: found, total } = await items(db, r, query);
      return { items: found, total, can: { manage: r.manage } };
    },

    async create(actor: Actor, clsmId: string, meetingId: string, input: FollowUpBody) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = await access.meeting(tx, r, meetingId, true);
        if (row.status === "cancelled") throw conflict(meetingsMessages.meetingCancelled);
        await assertAssignee(tx, clsmId, input.assigneePersonId);
        await assertDecision(tx, meetingId, input.decisionId);
        const id = await repo.insertFollowUp(tx, {
          clsmId,
          meetingId,
          description: input.description,
          assigneePersonId: input.assigneePersonId ?? null,
          dueDate: input.dueDate ?? null,
          decisionId: input.decisionId ?? null,
          createdBy: actor.userId,
        });
        return one(tx, r, id);
      });
    },

    /** Edits a follow-up; `status: done` closes it recording who and when, `open` reopens it. */
    async update(actor: Actor, clsmId: string, id: string, input: UpdateFollowUpBody) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = await repo.findFollowUp(tx, clsmId, id, true);
        if (!row) throw notFound(m.followUpNotFound);
        await assertAssignee(tx, clsmId, input.assigneePersonId);
        await assertDecision(tx, row.meetingId, input.decisionId);
        const closing = input.status === "done" && row.status !== "done";
        const reopening = input.status === "open" && row.status !== "open";
        const dueChanged = input.dueDate !== undefined && input.dueDate !== row.dueDate;
        await repo.updateFollowUp(tx, id, {
          description: blank(input.description) ?? undefined,
          assigneePersonId: input.assigneePersonId,
          dueDate: input.dueDate,
          decisionId: input.decisionId,
          status: input.status,
          ...(closing ? { closedAt: new Date(), closedBy: actor.userId, closedByName: actor.name } : {}),
          ...(reopening ? { closedAt: null, closedBy: null, closedByName: null } : {}),
          // A new date or a new person deserves a reminder of its own.
          ...(dueChanged ||
          (input.assigneePersonId !== undefined && input.assigneePersonId !== row.assigneePersonId)
            ? { lastReminderAt: null }
            : {}),
        });
        return one(tx, r, id);
      });
    },

    async remove(actor: Actor, clsmId: string, id: string) {
      await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        if (!(await repo.findFollowUp(tx, clsmId, id, true))) throw notFound(m.followUpNotFound);
        await repo.deleteFollowUp(tx, id);
      });
    },
  };
}
