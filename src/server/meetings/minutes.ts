import type {
  Decision,
  DecisionBody,
  MinutesBlock,
  MinutesDoc,
  MinutesView,
  PutMinutesBody,
} from "../../contracts/meetings-minutes";
import { minutesDoc } from "../../contracts/meetings-minutes";
import type { Actor } from "../platform/access";
import { parisParts } from "../platform/dates";
import type { Db } from "../platform/db";
import { badRequest, conflict, forbidden, notFound } from "../platform/errors";
import { searchKey } from "../territory/normalize";
import type { MeetingAccess, MeetingReader } from "./access";
import type { FollowUpsService } from "./follow-ups";
import { meetingsMessages } from "./messages";
import { minutesMessages as m } from "./minutes-messages";
import * as repo from "./minutes-repo";
import type { MeetingRow } from "./repo";

export type MinutesService = ReturnType<typeof createMinutesService>;

/** The plain text of a document: one line per paragraph, heading or list entry (what search and excerpts read). */
export function minutesPlainText(doc: MinutesDoc): string {
  const lines: string[] = [];
  const walk = (blocks: MinutesBlock[]) => {
    for (const b of blocks) {
      if (b.type === "paragraph" || b.type === "heading")
        lines.push((b.content ?? []).map((n) => (n.type === "text" ? n.text : "\n")).join(""));
      else for (const item of b.content) walk(item.content);
    }
  };
  walk(doc.content);
  return lines.join("\n").trim();
}

/** What full-text search reads for a meeting: its title and its minutes, accent-free. */
export const meetingSearchText = (title: string, text: string) => searchKey(`${title}\n${text}`);

/**
 * The minutes of a meeting and its decisions. The coordination writes them; members read them once shared
 * (`minutes_shared_at`); a confidential instance's meetings stay hidden from members (404) as everywhere else.
 */
export function createMinutesService(deps: { db: Db; access: MeetingAccess; followUps: FollowUpsService }) {
  const { db, access, followUps } = deps;

  /** The meeting if the reader may read its minutes: members get 403 before they are shared. */
  async function readable(tx: Db, r: MeetingReader, meetingId: string) {
    const row = await access.meeting(tx, r, meetingId);
    if (!r.manage && !row.minutesSharedAt) throw forbidden(m.notShared);
    return row;
  }

  async function editable(tx: Db, r: MeetingReader, meetingId: string) {
    const row = await access.meeting(tx, r, meetingId, true);
    if (row.status === "cancelled") throw conflict(meetingsMessages.meetingCancelled);
    return row;
  }

  async function decisionsOf(tx: Db, meetingId: string): Promise<Decision[]> {
    const rows = await repo.decisionsOf(tx, meetingId);
    return rows.map(({ decision, agendaTitle }) => ({
      id: decision.id,
      text: decision.text,
      agendaItem:
        decision.agendaItemId && agendaTitle !== null
          ? { id: decision.agendaItemId, title: agendaTitle }
          : null,
      position: decision.position,
    }));
  }

  async function view(tx: Db, r: MeetingReader, row: MeetingRow): Promise<MinutesView> {
    const [agenda, decisions, actions] = await Promise.all([
      repo.agendaTitles(tx, row.id),
      decisionsOf(tx, row.id),
      followUps.ofMeeting(tx, r, row.id),
    ]);
    const local = parisParts(row.startsAt);
    const parsed = row.minutes === null ? null : minutesDoc.safeParse(row.minutes);
    return {
      meeting: {
        id: row.id,
        title: row.title,
        date: local.date,
        time: local.time,
        status: row.status as MinutesView["meeting"]["status"],
      },
      doc: parsed?.success ? parsed.data : null,
      sharedAt: row.minutesSharedAt?.toISOString() ?? null,
      updatedAt: row.minutesUpdatedAt?.toISOString() ?? null,
      updatedByName: row.minutesUpdatedBy,
      agenda,
      decisions,
      followUps: actions,
      can: { edit: r.manage, share: r.manage },
    };
  }

  async function assertAgendaItem(tx: Db, meetingId: string, id: string | null | undefined) {
    if (!id) return;
    const agenda = await repo.agendaTitles(tx, meetingId);
    if (!agenda.some((a) => a.id === id))
      throw badRequest(m.unknownAgendaItem, { agendaItemId: m.unknownAgendaItem });
  }

  async function decision(tx: Db, meetingId: string, id: string) {
    const row = await repo.findDecision(tx, meetingId, id);
    if (!row) throw notFound(m.decisionNotFound);
    return row;
  }

  async function decisionById(tx: Db, meetingId: string, id: string): Promise<Decision> {
    const found = (await decisionsOf(tx, meetingId)).find((d) => d.id === id);
    if (!found) throw notFound(m.decisionNotFound);
    return found;
  }

  return {
    async get(actor: Actor, clsmId: string, meetingId: string) {
      const r = await access.reader(actor, clsmId);
      return view(db, r, await readable(db, r, meetingId));
    },

    /** Saves the document; its plain text and the meeting's search text are recomputed in the same transaction. */
    async save(actor: Actor, clsmId: string, meetingId: string, input: PutMinutesBody) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = await editable(tx, r, meetingId);
        if (input.expectedUpdatedAt !== undefined) {
          const current = row.minutesUpdatedAt?.getTime() ?? null;
          const expected = input.expectedUpdatedAt === null ? null : Date.parse(input.expectedUpdatedAt);
          if (current !== expected) throw conflict(m.changedMeanwhile(row.minutesUpdatedBy));
        }
        const text = minutesPlainText(input.doc);
        await repo.saveMinutes(tx, meetingId, {
          minutes: input.doc,
          minutesText: text,
          searchText: meetingSearchText(row.title, text),
          updatedBy: actor.name,
          at: new Date(),
        });
        return view(tx, r, await access.meeting(tx, r, meetingId));
      });
    },

    /** Shares the minutes (with their decisions and follow-ups) with the CLSM's members; sharing again keeps the date. */
    async share(actor: Actor, clsmId: string, meetingId: string, shared: boolean) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = shared ? await editable(tx, r, meetingId) : await access.meeting(tx, r, meetingId, true);
        if (shared !== (row.minutesSharedAt !== null))
          await repo.setMinutesShared(tx, meetingId, shared ? new Date() : null);
        return view(tx, r, await access.meeting(tx, r, meetingId));
      });
    },

    // ─── Decisions ──────────────────────────────────────────────────────────────────────────────────────
    async addDecision(
      actor: Actor,
      clsmId: string,
      meetingId: string,
      input: DecisionBody & { text: string },
    ) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await editable(tx, r, meetingId);
        await assertAgendaItem(tx, meetingId, input.agendaItemId);
        const id = await repo.insertDecision(tx, {
          clsmId,
          meetingId,
          agendaItemId: input.agendaItemId ?? null,
          text: input.text,
          searchText: searchKey(input.text),
        });
        return decisionById(tx, meetingId, id);
      });
    },

    async updateDecision(actor: Actor, clsmId: string, meetingId: string, id: string, input: DecisionBody) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await access.meeting(tx, r, meetingId, true);
        await decision(tx, meetingId, id);
        await assertAgendaItem(tx, meetingId, input.agendaItemId);
        await repo.updateDecision(tx, id, {
          text: input.text,
          searchText: input.text === undefined ? undefined : searchKey(input.text),
          agendaItemId: input.agendaItemId,
        });
        return decisionById(tx, meetingId, id);
      });
    },

    async removeDecision(actor: Actor, clsmId: string, meetingId: string, id: string) {
      const r = await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        await access.meeting(tx, r, meetingId, true);
        await decision(tx, meetingId, id);
        await repo.deleteDecision(tx, id);
      });
    },
  };
}
