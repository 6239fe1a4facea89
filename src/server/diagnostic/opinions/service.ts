import type {
  AdoptOpinionBody,
  CreateOpinionBody,
  OpinionDetail,
  OpinionListItem,
  OpinionStatus,
  OpinionSubject,
  SendOpinionBody,
  UpdateOpinionBody,
} from "../../../contracts/diagnostic-opinions";
import type { MeetingAccess, MeetingReader } from "../../meetings/access";
import type { Actor } from "../../platform/access";
import { parisParts, parisToday } from "../../platform/dates";
import type { Db } from "../../platform/db";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import type { DiagnosticAccess } from "../access";
import { docxFileName } from "../page/docx-kit";
import { opinionDocx } from "./docx";
import { opinionsMessages as m } from "./messages";
import * as repo from "./repo";

export type OpinionsService = ReturnType<typeof createOpinionsService>;

type Page = { limit: number; offset: number };
type MeetingShown = OpinionDetail["meeting"];

/**
 * The avis on the PTSM or the diagnostic territorial partagé: draft → adopted (at a meeting of the CLSM, the text
 * then frozen) → sent. The coordination writes; every reader of the CLSM reads. The meeting goes through the
 * meetings' access rules: a confidential instance's meeting is not shown to those who may not see it.
 */
export function createOpinionsService(deps: {
  db: Db;
  access: DiagnosticAccess;
  meetingAccess: MeetingAccess;
}) {
  const { db, access, meetingAccess } = deps;

  async function found(tx: Db, clsmId: string, id: string, forUpdate = false) {
    const row = await repo.findOpinion(tx, clsmId, id, forUpdate);
    if (!row) throw notFound(m.opinionNotFound);
    return row;
  }

  /** The meeting as this reader may see it; null when it is hidden from them. */
  async function meetingShown(tx: Db, reader: MeetingReader, id: string | null): Promise<MeetingShown> {
    if (!id) return null;
    try {
      const row = await meetingAccess.meeting(tx, reader, id);
      return { id: row.id, title: row.title, date: parisParts(row.startsAt).date };
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 404) return null;
      throw error;
    }
  }

  const listItem = (o: repo.OpinionRow): OpinionListItem => ({
    id: o.id,
    subject: o.subject as OpinionSubject,
    title: o.title,
    status: o.status as OpinionStatus,
    adoptedOn: o.adoptedOn,
    sentOn: o.sentOn,
    updatedAt: o.updatedAt.toISOString(),
  });

  async function detail(tx: Db, reader: MeetingReader, o: repo.OpinionRow): Promise<OpinionDetail> {
    return {
      ...listItem(o),
      body: o.body,
      meeting: await meetingShown(tx, reader, o.meetingId),
      sentTo: o.sentTo,
      createdAt: o.createdAt.toISOString(),
      can: { manage: reader.manage, edit: reader.manage && o.status === "draft" },
    };
  }

  /** Runs a change of one avis by the coordination, locked, and answers its new detail. */
  async function change(
    actor: Actor,
    clsmId: string,
    id: string,
    apply: (tx: Db, row: repo.OpinionRow, reader: MeetingReader) => Promise<void>,
  ) {
    await access.manager(actor, clsmId);
    const reader = await meetingAccess.reader(actor, clsmId);
    return db.transaction(async (tx) => {
      await apply(tx, await found(tx, clsmId, id, true), reader);
      return detail(tx, reader, await found(tx, clsmId, id));
    });
  }

  return {
    async list(actor: Actor, clsmId: string, page: Page) {
      const reader = await access.reader(actor, clsmId);
      const rows = await repo.listOpinions(db, clsmId, page);
      return {
        items: rows.map((r) => listItem(r.opinion)),
        total: rows[0]?.total ?? 0,
        can: { manage: reader.manage },
      };
    },

    async get(actor: Actor, clsmId: string, id: string) {
      await access.reader(actor, clsmId);
      const reader = await meetingAccess.reader(actor, clsmId);
      return detail(db, reader, await found(db, clsmId, id));
    },

    async create(actor: Actor, clsmId: string, input: CreateOpinionBody) {
      await access.manager(actor, clsmId);
      const reader = await meetingAccess.reader(actor, clsmId);
      return db.transaction(async (tx) => {
        const id = await repo.insertOpinion(tx, {
          clsmId,
          subject: input.subject,
          title: input.title,
          body: input.body,
          createdBy: actor.userId,
        });
        return detail(tx, reader, await found(tx, clsmId, id));
      });
    },

    update: (actor: Actor, clsmId: string, id: string, input: UpdateOpinionBody) =>
      change(actor, clsmId, id, async (tx, row) => {
        if (row.status !== "draft") throw conflict(m.frozen);
        await repo.updateOpinion(tx, id, input);
      }),

    /** Adopted at a meeting of the CLSM that has taken place; the text is frozen from then on. */
    adopt: (actor: Actor, clsmId: string, id: string, input: AdoptOpinionBody) =>
      change(actor, clsmId, id, async (tx, row, reader) => {
        if (row.status !== "draft") throw conflict(m.notDraft);
        if (!row.body.trim()) throw conflict(m.emptyBody);
        const meeting = await meetingAccess.meeting(tx, reader, input.meetingId);
        if (meeting.status === "cancelled")
          throw badRequest(m.meetingCancelled, { meetingId: m.meetingCancelled });
        const meetingDay = parisParts(meeting.startsAt).date;
        const today = parisToday();
        if (meetingDay > today) throw badRequest(m.meetingNotHeld, { meetingId: m.meetingNotHeld });
        const adoptedOn = input.adoptedOn ?? meetingDay;
        if (adoptedOn > today) throw badRequest(m.adoptedInFuture, { adoptedOn: m.adoptedInFuture });
        if (adoptedOn < meetingDay)
          throw badRequest(m.adoptedBeforeMeeting, { adoptedOn: m.adoptedBeforeMeeting });
        await repo.updateOpinion(tx, id, { status: "adopted", meetingId: meeting.id, adoptedOn });
      }),

    send: (actor: Actor, clsmId: string, id: string, input: SendOpinionBody) =>
      change(actor, clsmId, id, async (tx, row) => {
        if (row.status !== "adopted") throw conflict(m.notAdopted);
        const sentOn = input.sentOn ?? parisToday();
        if (sentOn > parisToday()) throw badRequest(m.sentInFuture, { sentOn: m.sentInFuture });
        if (row.adoptedOn && sentOn < row.adoptedOn)
          throw badRequest(m.sentBeforeAdopted, { sentOn: m.sentBeforeAdopted });
        await repo.updateOpinion(tx, id, { status: "sent", sentOn, sentTo: input.sentTo });
      }),

    /** Back to a draft (to amend before a new adoption): the adoption is forgotten. Not once sent. */
    reopen: (actor: Actor, clsmId: string, id: string) =>
      change(actor, clsmId, id, async (tx, row) => {
        if (row.status === "sent") throw conflict(m.reopenSent);
        if (row.status === "draft") throw conflict(m.reopenDraft);
        await repo.updateOpinion(tx, id, { status: "draft", meetingId: null, adoptedOn: null });
      }),

    async remove(actor: Actor, clsmId: string, id: string) {
      await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        const row = await found(tx, clsmId, id, true);
        if (row.status !== "draft") throw conflict(m.deleteOnlyDraft);
        await repo.deleteOpinion(tx, id);
      });
    },

    /** The avis as a Word document, for whoever reads it. */
    async docx(actor: Actor, clsmId: string, id: string) {
      const { clsmName } = await access.reader(actor, clsmId);
      const reader = await meetingAccess.reader(actor, clsmId);
      const opinion = await detail(db, reader, await found(db, clsmId, id));
      return {
        fileName: docxFileName("avis", clsmName, opinion.adoptedOn ?? parisToday()),
        content: await opinionDocx(clsmName, opinion),
      };
    },

    /** For the diagnostic page (access already checked): the latest avis of the CLSM, if any. */
    async latestFor(tx: Db, reader: MeetingReader) {
      const [row] = await repo.listOpinions(tx, reader.clsmId, { limit: 1, offset: 0 });
      return row ? detail(tx, reader, row.opinion) : null;
    },
  };
}
