import { randomBytes } from "node:crypto";
import {
  type AddInvitationsBody,
  type AddInvitationsResult,
  anonymitySentence,
  type InvitationList,
  type InvitationListQuery,
  type InvitationStatus,
  type SendInvitationsBody,
  type SendInvitationsResult,
} from "../../../contracts/survey-answers";
import { surveyState } from "../../../contracts/surveys";
import type { DirectoryService, PersonLinks } from "../../directory/service";
import type { GovernanceService } from "../../governance/service";
import type { JobQueue } from "../../jobs/queue";
import type { MailService } from "../../mail/service";
import type { Actor } from "../../platform/access";
import { addDays, parisParts, parisToUtc } from "../../platform/dates";
import type { Db } from "../../platform/db";
import { badRequest, conflict, notFound } from "../../platform/errors";
import type { WorkspacesService } from "../../workspaces/service";
import type { DiagnosticAccess } from "../access";
import { questionColumns } from "../results/export";
import { findSurvey, type SurveyRow } from "../surveys/repo";
import { type InvitationMailKind, invitationMail } from "./mails";
import { answeringMessages as m } from "./messages";
import * as repo from "./repo";
import { invitationUrl } from "./service";

// The coordination invites directory contacts to answer a survey through personal links: it adds people (or an
// instance's current members), sends the mails, reminds those who have not answered, and the platform reminds them
// once more on its own three days before the closing. Mails go through the outbox and its jobs, written in the
// transaction that marks the invitations.

export const REMINDER_JOB = "survey.invitations.reminder";
/** The automatic reminder goes at 9:00 (Paris), this many days before the closing day. */
export const REMINDER_DAYS_BEFORE = 3;
/** Whoever was reminded less than this ago is not reminded again by the automatic reminder. */
const REMINDED_RECENTLY_MS = 24 * 3600_000;

interface ReminderPayload {
  clsmId: string;
  surveyId: string;
}

const statusOf = (i: repo.InvitationRow): InvitationStatus =>
  i.answeredAt ? "answered" : i.sentAt ? "sent" : "pending";

export const reminderAt = (closesAt: Date) =>
  parisToUtc(addDays(parisParts(closesAt).date, -REMINDER_DAYS_BEFORE), "09:00");

export type InvitationsService = ReturnType<typeof createInvitationsService>;

export function createInvitationsService(deps: {
  db: Db;
  access: DiagnosticAccess;
  directory: Pick<DirectoryService, "summaries">;
  governance: Pick<GovernanceService, "instancesByIds" | "currentMemberIds">;
  mail: MailService;
  jobs: JobQueue;
  workspaces: Pick<WorkspacesService, "territoryCommuneNames">;
  baseUrl: string;
  secret: string;
}) {
  const { db, access, directory, jobs } = deps;

  async function surveyOf(tx: Db, clsmId: string, surveyId: string, forUpdate = false) {
    const row = await findSurvey(tx, clsmId, surveyId, forUpdate);
    if (!row) throw notFound(m.surveyNotFound);
    return row;
  }

  /** Mails one invitation or reminder to each invitation's person who has an address, in a few statements. */
  async function mailInvitations(
    tx: Db,
    kind: InvitationMailKind,
    survey: SurveyRow,
    clsmName: string,
    invitations: repo.InvitationRow[],
    message?: string,
  ) {
    const people = new Map(
      (
        await directory.summaries(
          tx,
          survey.clsmId,
          invitations.map((i) => i.personId),
        )
      ).map((p) => [p.id, p]),
    );
    const mailed: string[] = [];
    const withoutEmail: SendInvitationsResult["withoutEmail"] = [];
    const mails = invitations.flatMap((invitation) => {
      const person = people.get(invitation.personId);
      if (!person?.email) {
        withoutEmail.push({ personId: invitation.personId, name: person?.name ?? "" });
        return [];
      }
      mailed.push(invitation.id);
      const content = invitationMail({
        kind,
        title: survey.title,
        clsmName,
        personName: person.name,
        opensAt: survey.opensAt,
        closesAt: survey.closesAt,
        anonymity: anonymitySentence(survey.anonymous, true),
        url: invitationUrl(deps.baseUrl, deps.secret, invitation),
        message,
      });
      return [{ to: person.email, ...content }];
    });
    await deps.mail.queueMany(tx, mails);
    await repo.markMailed(tx, mailed, kind === "invitation" ? "sentAt" : "remindedAt", new Date());
    return { sent: mailed.length, withoutEmail };
  }

  /** The automatic reminder of a survey, due three days before its closing (none without a closing date). */
  async function scheduleReminder(tx: Db, survey: SurveyRow) {
    if (!survey.closesAt) return;
    const runAt = reminderAt(survey.closesAt);
    if (runAt.getTime() <= Date.now()) return;
    const payload: ReminderPayload = { clsmId: survey.clsmId, surveyId: survey.id };
    await jobs.enqueue(tx, REMINDER_JOB, payload, { runAt, maxAttempts: 5 });
  }

  // The automatic reminder, re-checked when it runs: the survey still open, its reminder due for its closing date
  // as it is now (a later closing gets a job of its own). Those reminded in the last day are left alone, so the
  // jobs of several sendings remind each person once.
  jobs.register(REMINDER_JOB, async (raw) => {
    const { clsmId, surveyId } = raw as ReminderPayload;
    await db.transaction(async (tx) => {
      const survey = await findSurvey(tx, clsmId, surveyId, true);
      if (!survey?.closesAt || surveyState(survey) !== "open") return;
      if (reminderAt(survey.closesAt).getTime() > Date.now()) {
        await scheduleReminder(tx, survey);
        return;
      }
      const due = await repo.invitationsToRemind(
        tx,
        clsmId,
        surveyId,
        new Date(Date.now() - REMINDED_RECENTLY_MS),
      );
      await mailInvitations(tx, "reminder", survey, await repo.clsmName(tx, clsmId), due);
    });
  });

  /** The person's invitations for their personal-data export, with what they answered on named surveys. */
  async function exportPerson(tx: Db, clsmId: string, personId: string) {
    const rows = await repo.invitationsOfPerson(tx, clsmId, personId);
    const communes = rows.some((r) => r.answers)
      ? await deps.workspaces.territoryCommuneNames(tx, clsmId)
      : new Map<string, string>();
    const surveys = rows.map((r) => {
      const named = !r.anonymous;
      const answers: { question: string; answer: string }[] = [];
      if (named && r.answers) {
        const columns = questionColumns(r.definition, communes);
        const cells = columns.cells(r.answers, r.others ?? {});
        columns.headers.forEach((question, k) => {
          const cell = cells[k];
          if (cell !== null && cell !== undefined && cell !== "")
            answers.push({ question, answer: String(cell) });
        });
      }
      return {
        survey: r.title,
        anonymous: r.anonymous,
        sentAt: r.sentAt?.toISOString() ?? null,
        remindedAt: r.remindedAt?.toISOString() ?? null,
        answeredOn: named && r.answeredAt ? parisParts(r.answeredAt).date : null,
        answered: Boolean(r.answeredAt),
        answers,
      };
    });
    return { surveys };
  }

  return {
    /** Merging two directory people keeps their invitations; their export lists them. */
    personLinks: {
      movePerson: repo.movePersonInvitations,
      exportPerson,
    } satisfies PersonLinks,

    async list(
      actor: Actor,
      clsmId: string,
      surveyId: string,
      query: InvitationListQuery,
    ): Promise<InvitationList> {
      await access.manager(actor, clsmId);
      const survey = await surveyOf(db, clsmId, surveyId);
      const [rows, counts] = await Promise.all([
        repo.invitationsOf(db, clsmId, surveyId, query.status),
        repo.invitationCounts(db, clsmId, surveyId),
      ]);
      // The directory gives the people sorted by name: the page is cut from that order.
      const people = await directory.summaries(
        db,
        clsmId,
        rows.map((r) => r.personId),
      );
      const byPerson = new Map(rows.map((r) => [r.personId, r]));
      const page = people.slice(query.offset, query.offset + query.limit);
      const state = surveyState(survey);
      return {
        items: page.map((person) => {
          // Every person listed was asked for through an invitation.
          const i = byPerson.get(person.id) as repo.InvitationRow;
          return {
            id: i.id,
            personId: i.personId,
            name: person.name,
            function: person.function,
            structureName: person.structureName,
            email: person.email,
            status: statusOf(i),
            sentAt: i.sentAt?.toISOString() ?? null,
            remindedAt: i.remindedAt?.toISOString() ?? null,
            answeredOn: i.answeredAt && !survey.anonymous ? parisParts(i.answeredAt).date : null,
          };
        }),
        total: people.length,
        counts,
        can: {
          add: state !== "closed",
          send: state === "scheduled" || state === "open",
          remind: state === "open",
        },
      };
    },

    /** Invites people of the directory, or an instance's current members; those already invited stay as they are. */
    async add(
      actor: Actor,
      clsmId: string,
      surveyId: string,
      input: AddInvitationsBody,
    ): Promise<AddInvitationsResult> {
      await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const survey = await surveyOf(tx, clsmId, surveyId, true);
        if (surveyState(survey) === "closed") throw conflict(m.closedNoInvitation);
        let personIds: string[];
        if (input.instanceId) {
          const [instance] = await deps.governance.instancesByIds(tx, clsmId, [input.instanceId]);
          if (!instance) throw badRequest(m.instanceNotFound, { instanceId: m.instanceNotFound });
          personIds = await deps.governance.currentMemberIds(tx, clsmId, instance.id);
        } else personIds = [...new Set(input.personIds)];
        const people = await directory.summaries(tx, clsmId, personIds);
        if (people.length !== personIds.length)
          throw badRequest(m.personNotFound, { personIds: m.personNotFound });
        const created = await repo.insertInvitations(
          tx,
          personIds.map((personId) => ({
            clsmId,
            surveyId,
            personId,
            tokenNonce: randomBytes(18).toString("base64url"),
          })),
        );
        const added = new Set(created.map((i) => i.personId));
        return {
          added: created.length,
          alreadyInvited: personIds.length - created.length,
          withoutEmail: people
            .filter((p) => added.has(p.id) && !p.email)
            .map((p) => ({ personId: p.id, name: p.name })),
        };
      });
    },

    /** Mails the invitations not sent yet; schedules the automatic reminder. */
    async send(
      actor: Actor,
      clsmId: string,
      surveyId: string,
      input: SendInvitationsBody,
    ): Promise<SendInvitationsResult> {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const survey = await surveyOf(tx, clsmId, surveyId, true);
        const state = surveyState(survey);
        if (state === "draft") throw conflict(m.draftNoMail);
        if (state === "closed") throw conflict(m.closedNoMail);
        const pending = await repo.invitationsToSend(tx, clsmId, surveyId);
        const result = await mailInvitations(
          tx,
          "invitation",
          survey,
          r.clsmName,
          pending,
          input.message?.trim() || undefined,
        );
        if (result.sent) await scheduleReminder(tx, survey);
        return result;
      });
    },

    /** Reminds everyone who received the invitation and has not answered (each call reminds them once). */
    async remind(
      actor: Actor,
      clsmId: string,
      surveyId: string,
      input: SendInvitationsBody,
    ): Promise<SendInvitationsResult> {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const survey = await surveyOf(tx, clsmId, surveyId, true);
        if (surveyState(survey) !== "open") throw conflict(m.notOpenNoReminder);
        const due = await repo.invitationsToRemind(tx, clsmId, surveyId);
        return mailInvitations(tx, "reminder", survey, r.clsmName, due, input.message?.trim() || undefined);
      });
    },

    /** Withdraws an invitation not answered yet: its link stops working. */
    async remove(actor: Actor, clsmId: string, surveyId: string, invitationId: string): Promise<void> {
      await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        await surveyOf(tx, clsmId, surveyId);
        const invitation = await repo.findInvitation(tx, clsmId, surveyId, invitationId);
        if (!invitation) throw notFound(m.invitationNotFound);
        if (invitation.answeredAt) throw conflict(m.answeredNoDelete);
        await repo.deleteInvitation(tx, invitation.id);
      });
    },
  };
}
