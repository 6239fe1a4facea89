import { type Rsvp, rsvpLabels } from "../../contracts/meetings";
import type { SendConvocationsBody, SendConvocationsResult } from "../../contracts/meetings-convocations";
import type { DirectoryService } from "../directory/service";
import type { JobQueue } from "../jobs/queue";
import type { NewMail } from "../mail/repo";
import type { MailService } from "../mail/service";
import type { Actor } from "../platform/access";
import { addDays, parisParts, parisToUtc } from "../platform/dates";
import type { Db } from "../platform/db";
import { conflict } from "../platform/errors";
import type { MeetingAccess } from "./access";
import { type MeetingMailKind, meetingMail } from "./convocation-mails";
import { convocationsMessages as m } from "./convocations-messages";
import * as convRepo from "./convocations-repo";
import { type CalendarMeeting, invitationIcs, mailAddress } from "./ics";
import * as repo from "./repo";
import { rsvpUrlFor } from "./rsvp";
import type { MeetingsService } from "./service";

// Convocations: one mail per invitee with the meeting's calendar event (.ics, METHOD:REQUEST), written with its
// delivery job in one transaction; the same mail, for invitees convened with an older version, is the update.
// Cancelling sends METHOD:CANCEL to those already convened; reminders are durable jobs (docs/decisions/006).

export const REMINDER_JOB = "meeting.reminder";

export interface ReminderPayload {
  meetingId: string;
  /** The start the reminder was scheduled for: a meeting moved since has another job. */
  startsAt: string;
  daysBefore: number;
}

/**
 * When the reminder goes: N days before at the same Paris time; on the day itself (N = 0) at 8:00, or two hours
 * before a meeting that starts before 10:00.
 */
export function reminderAt(startsAt: Date, daysBefore: number): Date {
  const { date, time } = parisParts(startsAt);
  if (daysBefore > 0) return parisToUtc(addDays(date, -daysBefore), time);
  const morning = parisToUtc(date, "08:00");
  const early = new Date(startsAt.getTime() - 2 * 3600_000);
  return morning.getTime() < early.getTime() ? morning : early;
}

export type ConvocationsService = ReturnType<typeof createConvocationsService>;

export function createConvocationsService(deps: {
  db: Db;
  access: MeetingAccess;
  meetings: MeetingsService;
  directory: DirectoryService;
  mail: MailService;
  jobs: JobQueue;
  baseUrl: string;
  mailFrom: string;
  secret: string;
}) {
  const { db, access, directory, mail, jobs } = deps;
  const organizer = (clsmName: string) => ({ name: clsmName, email: mailAddress(deps.mailFrom) });

  /** The meeting as calendars and mails show it: its agenda without the items moved to another meeting. */
  async function calendarMeeting(tx: Db, row: repo.MeetingRow): Promise<CalendarMeeting> {
    const agenda = await repo.agendaOf(tx, row.id);
    return {
      ...row,
      agenda: agenda
        .filter(({ item }) => item.outcome !== "postponed")
        .map(({ item }) => ({
          title: item.title,
          durationMinutes: item.durationMinutes,
          presenter: item.presenter,
        })),
    };
  }

  /** Each invitee's address now: the directory record's current one, else the one given at the invitation. */
  async function addresses(tx: Db, clsmId: string, invitees: repo.InviteeRow[]) {
    const people = await directory.summaries(
      tx,
      clsmId,
      invitees.flatMap((i) => (i.personId ? [i.personId] : [])),
    );
    const byId = new Map(people.map((p) => [p.id, p.email]));
    return new Map(
      invitees.map((i) => [i.id, (i.personId ? byId.get(i.personId) : undefined) ?? i.email ?? null]),
    );
  }

  /** One invitee's mail (with its calendar part for a convocation, update or cancellation). */
  function mailFor(input: {
    kind: MeetingMailKind;
    meeting: CalendarMeeting;
    clsmName: string;
    invitee: repo.InviteeRow;
    to: string;
    message?: string;
  }): NewMail {
    const { kind, meeting, invitee } = input;
    const rsvpUrl = rsvpUrlFor(deps.baseUrl, deps.secret, invitee);
    const content = meetingMail({
      kind,
      meeting,
      clsmName: input.clsmName,
      inviteeName: invitee.name,
      message: input.message,
      rsvpUrl,
      answer: invitee.rsvp === "pending" ? null : rsvpLabels[invitee.rsvp as Rsvp],
    });
    const method = kind === "cancellation" ? "CANCEL" : "REQUEST";
    const ical =
      kind === "reminder"
        ? null
        : ({
            method,
            filename: kind === "cancellation" ? "annulation.ics" : "invitation.ics",
            content: invitationIcs({
              meeting,
              method,
              organizer: organizer(input.clsmName),
              attendee: { name: invitee.name, email: input.to, rsvp: invitee.rsvp as Rsvp },
              rsvpUrl,
            }),
          } as const);
    return { to: input.to, ...content, ical };
  }

  /**
   * Queues the mails of a meeting to those invitees who have an address (kind per invitee) and records on each
   * the mail sent — and, with `sequence`, the version they were convened with — in a few statements whatever
   * their number. Returns how many were sent and how many had no address.
   */
  async function mailInvitees(
    tx: Db,
    input: {
      row: repo.MeetingRow;
      clsmName: string;
      invitees: repo.InviteeRow[];
      kind: (invitee: repo.InviteeRow) => MeetingMailKind;
      message?: string;
      convoked?: { sequence: number; at: Date };
    },
  ) {
    const to = await addresses(tx, input.row.clsmId, input.invitees);
    const reached = input.invitees.filter((i) => to.get(i.id));
    const meeting = await calendarMeeting(tx, input.row);
    const mails = reached.map((invitee) =>
      mailFor({
        kind: input.kind(invitee),
        meeting,
        clsmName: input.clsmName,
        invitee,
        to: to.get(invitee.id) as string,
        message: input.message,
      }),
    );
    const mailIds = await mail.queueMany(tx, mails);
    await convRepo.markConvoked(
      tx,
      reached.map((invitee, i) => ({ inviteeId: invitee.id, mailId: mailIds[i] as string })),
      input.convoked,
    );
    return { sent: reached.length, withoutEmail: input.invitees.length - reached.length };
  }

  // A cancelled meeting: those who received its event get METHOD:CANCEL (same UID, the raised SEQUENCE).
  deps.meetings.onCancelled(async (tx, clsmId, meetingId) => {
    const row = await convRepo.findMeetingById(tx, meetingId);
    if (!row) return;
    const invitees = (await repo.inviteesOf(tx, meetingId)).filter((i) => i.convokedAt !== null);
    if (!invitees.length) return;
    await mailInvitees(tx, {
      row,
      clsmName: await convRepo.clsmName(tx, clsmId),
      invitees,
      kind: () => "cancellation",
      convoked: { sequence: row.sequence, at: new Date() },
    });
  });

  // A meeting scheduled, moved, or whose reminder changed: a job for the reminder (the old ones find it stale).
  deps.meetings.onScheduled(async (tx, _clsmId, meetingId) => {
    const row = await convRepo.findMeetingById(tx, meetingId);
    if (row?.status !== "scheduled" || row.reminderDaysBefore === null || row.reminderSentAt) return;
    if (row.startsAt.getTime() <= Date.now()) return;
    const payload: ReminderPayload = {
      meetingId,
      startsAt: row.startsAt.toISOString(),
      daysBefore: row.reminderDaysBefore,
    };
    await jobs.enqueue(tx, REMINDER_JOB, payload, {
      runAt: reminderAt(row.startsAt, row.reminderDaysBefore),
      maxAttempts: 5,
    });
  });

  // The reminder: re-read, and send only if it is still due for this very start (idempotent: reminder_sent_at is
  // written in the transaction of the mails).
  jobs.register(REMINDER_JOB, async (raw) => {
    const payload = raw as ReminderPayload;
    await db.transaction(async (tx) => {
      const row = await convRepo.findMeetingById(tx, payload.meetingId, true);
      if (
        row?.status !== "scheduled" ||
        row.reminderSentAt !== null ||
        row.reminderDaysBefore !== payload.daysBefore ||
        row.startsAt.toISOString() !== payload.startsAt ||
        row.startsAt.getTime() <= Date.now()
      )
        return;
      // Those convened who did not say they would not come.
      const invitees = (await repo.inviteesOf(tx, row.id)).filter(
        (i) => i.convokedAt !== null && i.rsvp !== "no",
      );
      await mailInvitees(tx, {
        row,
        clsmName: await convRepo.clsmName(tx, row.clsmId),
        invitees,
        kind: () => "reminder",
      });
      await convRepo.markReminded(tx, row.id);
    });
  });

  return {
    /**
     * Sends the convocations: to every invitee with an address (all), or to those not yet convened with the
     * meeting's current version (pending) — after a change of time or place, that is the update.
     */
    async send(
      actor: Actor,
      clsmId: string,
      meetingId: string,
      input: SendConvocationsBody,
    ): Promise<SendConvocationsResult> {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = await access.meeting(tx, r, meetingId, true);
        if (row.status === "cancelled") throw conflict(m.cancelledNoConvocation);
        const all = await repo.inviteesOf(tx, meetingId);
        const scope = input.scope === "all" ? all : all.filter((i) => i.convokedSequence !== row.sequence);
        // Those convened with an older version get the update; the others their first convocation.
        return mailInvitees(tx, {
          row,
          clsmName: r.clsmName,
          invitees: scope,
          kind: (i) =>
            i.convokedSequence !== null && i.convokedSequence !== row.sequence ? "update" : "convocation",
          message: input.message?.trim() || undefined,
          convoked: { sequence: row.sequence, at: new Date() },
        });
      });
    },
  };
}
