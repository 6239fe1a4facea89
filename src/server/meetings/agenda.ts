import type { agendaItemBody, MeetingDetail, updateAgendaItemBody } from "../../contracts/meetings";
import type { z } from "../../contracts/zod";
import type { Actor } from "../platform/access";
import type { Db } from "../platform/db";
import { badRequest, conflict, notFound } from "../platform/errors";
import type { MeetingAccess, MeetingReader } from "./access";
import { meetingsMessages as m } from "./messages";
import * as repo from "./repo";

export type AgendaService = ReturnType<typeof createAgendaService>;

const blank = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);

/**
 * The agenda of a meeting: ordered items with a duration and a presenter. An item not treated moves to a later
 * meeting (by default the next one of the same instance), where it keeps a link to where it came from.
 * Every write answers with the meeting's detail, as the web app shows the agenda within it.
 */
export function createAgendaService(deps: {
  db: Db;
  access: MeetingAccess;
  detail: (actor: Actor, clsmId: string, meetingId: string) => Promise<MeetingDetail>;
}) {
  const { db, access } = deps;

  async function editable(tx: Db, r: MeetingReader, meetingId: string) {
    const row = await access.meeting(tx, r, meetingId, true);
    if (row.status === "cancelled") throw conflict(m.meetingCancelled);
    return row;
  }

  async function item(tx: Db, meetingId: string, id: string) {
    const found = await repo.findAgendaItem(tx, meetingId, id);
    if (!found) throw notFound(m.agendaItemNotFound);
    return found;
  }

  return {
    async add(actor: Actor, clsmId: string, meetingId: string, input: z.infer<typeof agendaItemBody>) {
      const r = await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        await editable(tx, r, meetingId);
        await repo.insertAgendaItems(tx, [
          {
            clsmId,
            meetingId,
            position: await repo.nextAgendaPosition(tx, meetingId),
            title: input.title,
            description: blank(input.description) ?? null,
            durationMinutes: input.durationMinutes ?? null,
            presenter: blank(input.presenter) ?? null,
          },
        ]);
      });
      return deps.detail(actor, clsmId, meetingId);
    },

    async update(
      actor: Actor,
      clsmId: string,
      meetingId: string,
      id: string,
      input: z.infer<typeof updateAgendaItemBody>,
    ) {
      const r = await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        await editable(tx, r, meetingId);
        await item(tx, meetingId, id);
        await repo.updateAgendaItem(tx, id, {
          title: input.title,
          description: blank(input.description),
          durationMinutes: input.durationMinutes,
          presenter: blank(input.presenter),
          outcome: input.outcome,
        });
      });
      return deps.detail(actor, clsmId, meetingId);
    },

    async remove(actor: Actor, clsmId: string, meetingId: string, id: string) {
      const r = await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        await editable(tx, r, meetingId);
        await item(tx, meetingId, id);
        await repo.deleteAgendaItem(tx, id);
      });
      return deps.detail(actor, clsmId, meetingId);
    },

    async order(actor: Actor, clsmId: string, meetingId: string, ids: string[]) {
      const r = await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        await editable(tx, r, meetingId);
        const current = (await repo.agendaOf(tx, meetingId)).map((x) => x.item.id);
        if (
          ids.length !== current.length ||
          new Set(ids).size !== ids.length ||
          ids.some((id) => !current.includes(id))
        )
          throw badRequest(m.agendaOrderMismatch, { ids: m.agendaOrderMismatch });
        await repo.orderAgenda(tx, meetingId, ids);
      });
      return deps.detail(actor, clsmId, meetingId);
    },

    /** Moves an item not treated to a later meeting: marked "reporté" here, added at the end over there. */
    async postpone(actor: Actor, clsmId: string, meetingId: string, id: string, toMeetingId?: string) {
      const r = await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        const row = await access.meeting(tx, r, meetingId, true);
        const found = await item(tx, meetingId, id);
        let target = toMeetingId;
        if (!target) {
          const next = row.instanceId
            ? await repo.nextMeetingOf(tx, clsmId, row.instanceId, row.startsAt)
            : undefined;
          if (!next) throw conflict(m.noNextMeeting);
          target = next.id;
        }
        const destination =
          target === meetingId ? undefined : await repo.findMeeting(tx, clsmId, target, true);
        if (!destination || destination.status === "cancelled" || destination.startsAt <= row.startsAt)
          throw badRequest(m.postponeTarget, { toMeetingId: m.postponeTarget });
        await repo.updateAgendaItem(tx, id, { outcome: "postponed" });
        await repo.insertAgendaItems(tx, [
          {
            clsmId,
            meetingId: destination.id,
            position: await repo.nextAgendaPosition(tx, destination.id),
            title: found.title,
            description: found.description,
            durationMinutes: found.durationMinutes,
            presenter: found.presenter,
            carriedFromId: found.id,
          },
        ]);
      });
      return deps.detail(actor, clsmId, meetingId);
    },
  };
}
