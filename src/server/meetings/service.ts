import { randomBytes, randomUUID } from "node:crypto";
import { type Pillar, pillarLabels, pillars } from "../../contracts/directory";
import type { InstanceKind } from "../../contracts/governance";
import type {
  AgendaOutcome,
  Attendance,
  CreateMeetingBody,
  GuestInput,
  Invitee,
  MeetingDetail,
  MeetingListItem,
  MeetingListQuery,
  Rsvp,
  UpdateInviteeBody,
  UpdateMeetingBody,
} from "../../contracts/meetings";
import { occurrences } from "../../contracts/recurrence";
import type { DirectoryService, PersonLinks } from "../directory/service";
import type { GovernanceService } from "../governance/service";
import type { Actor } from "../platform/access";
import { addDays, parisParts, parisToUtc } from "../platform/dates";
import type { Db } from "../platform/db";
import { badRequest, conflict, notFound } from "../platform/errors";
import type { MeetingAccess, MeetingReader } from "./access";
import { meetingsMessages as m } from "./messages";
import { meetingSearchText } from "./minutes";
import * as repo from "./repo";

export type MeetingsService = ReturnType<typeof createMeetingsService>;

/** Called in the transaction that cancels a meeting (the convocations send the cancellation). */
export type CancelledListener = (tx: Db, clsmId: string, meetingId: string) => Promise<void>;
/** Called in the transaction that creates a meeting or changes its start or reminder (the reminders' job). */
export type ScheduledListener = (tx: Db, clsmId: string, meetingId: string) => Promise<void>;

const newNonce = () => randomBytes(16).toString("base64url");
const blank = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);

/** Fields whose change must reach the invitees' calendars (a new SEQUENCE). */
const calendarFields = [
  "title",
  "date",
  "time",
  "durationMinutes",
  "placeName",
  "address",
  "videoUrl",
] as const;

export function createMeetingsService(deps: {
  db: Db;
  access: MeetingAccess;
  directory: DirectoryService;
  governance: GovernanceService;
}) {
  const { db, access, directory, governance } = deps;
  const cancelledListeners: CancelledListener[] = [];
  const scheduledListeners: ScheduledListener[] = [];
  const scheduled = async (tx: Db, clsmId: string, meetingId: string) => {
    for (const listener of scheduledListeners) await listener(tx, clsmId, meetingId);
  };

  async function instanceRefs(tx: Db, clsmId: string, ids: (string | null)[]) {
    const unique = [...new Set(ids.filter((x): x is string => x !== null))];
    const rows = await governance.instancesByIds(tx, clsmId, unique);
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind }]));
  }

  function listItem(
    row: repo.MeetingRow,
    instances: Map<string, { id: string; name: string; kind: InstanceKind }>,
    inviteeCount: number,
  ): MeetingListItem {
    const local = parisParts(row.startsAt);
    return {
      id: row.id,
      title: row.title,
      instance: row.instanceId ? (instances.get(row.instanceId) ?? null) : null,
      seriesId: row.seriesId,
      startsAt: row.startsAt.toISOString(),
      date: local.date,
      time: local.time,
      durationMinutes: row.durationMinutes,
      placeName: row.placeName,
      address: row.address,
      videoUrl: row.videoUrl,
      status: row.status as MeetingListItem["status"],
      inviteeCount,
      hasMinutes: row.minutesText !== null && row.minutesText.trim() !== "",
    };
  }

  /** Writes the changes asked for to one meeting: a new calendar version when invitees' calendars must follow. */
  async function change(
    tx: Db,
    clsmId: string,
    row: repo.MeetingRow,
    input: UpdateMeetingBody,
    actor: Actor,
  ) {
    const local = parisParts(row.startsAt);
    const next = {
      title: input.title ?? row.title,
      date: input.date ?? local.date,
      time: input.time ?? local.time,
      durationMinutes: input.durationMinutes ?? row.durationMinutes,
      placeName: input.placeName === undefined ? row.placeName : blank(input.placeName),
      address: input.address === undefined ? row.address : blank(input.address),
      videoUrl: input.videoUrl === undefined ? row.videoUrl : blank(input.videoUrl),
    };
    const before = { ...local, ...row };
    const changed = calendarFields.some((f) => (next[f] ?? null) !== (before[f] ?? null));
    const moved = next.date !== local.date || next.time !== local.time;
    await repo.updateMeeting(tx, row.id, {
      title: next.title,
      // The search reads the title with the minutes: a renamed meeting is found under its new name.
      searchText: next.title !== row.title ? meetingSearchText(next.title, row.minutesText ?? "") : undefined,
      description: input.description === undefined ? undefined : blank(input.description),
      startsAt: parisToUtc(next.date, next.time),
      durationMinutes: next.durationMinutes,
      placeName: next.placeName,
      address: next.address,
      videoUrl: next.videoUrl,
      reminderDaysBefore: input.reminderDaysBefore,
      // A new time needs a new reminder.
      reminderSentAt: moved ? null : undefined,
      sequence: changed ? row.sequence + 1 : undefined,
      updatedBy: actor.userId,
    });
    if (moved || (input.reminderDaysBefore ?? row.reminderDaysBefore) !== row.reminderDaysBefore)
      await scheduled(tx, clsmId, row.id);
  }

  async function detail(tx: Db, r: MeetingReader, id: string): Promise<MeetingDetail> {
    const row = await access.meeting(tx, r, id);
    const [invitees, agenda, instances] = await Promise.all([
      repo.inviteesOf(tx, id),
      repo.agendaOf(tx, id),
      instanceRefs(tx, r.clsmId, [row.instanceId]),
    ]);
    const people = await directory.summaries(
      tx,
      r.clsmId,
      invitees.flatMap((i) => (i.personId ? [i.personId] : [])),
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    const out: Invitee[] = invitees.map((i) => {
      const p = i.personId ? byId.get(i.personId) : undefined;
      return {
        id: i.id,
        personId: i.personId,
        name: p?.name ?? i.name,
        email: r.contactsVisible ? (p?.email ?? i.email) : null,
        function: p?.function ?? null,
        structureName: p?.structureName ?? null,
        pillar: p?.pillar ?? null,
        fromInstance: i.fromInstance,
        rsvp: i.rsvp as Rsvp,
        substituteName: i.substituteName,
        respondedAt: i.respondedAt?.toISOString() ?? null,
        convokedAt: i.convokedAt?.toISOString() ?? null,
        upToDate: i.convokedSequence === row.sequence,
        attendance: i.attendance as Attendance | null,
        representedBy: i.representedBy,
      };
    });
    const instance = row.instanceId ? instances.get(row.instanceId) : undefined;
    const pillarsPresent = pillarsAmongPresent(out);
    return {
      ...listItem(row, instances, invitees.length),
      description: row.description,
      reminderDaysBefore: row.reminderDaysBefore,
      sequence: row.sequence,
      seriesFollowing: row.seriesId
        ? await repo.countSeriesAfter(tx, r.clsmId, row.seriesId, row.startsAt)
        : 0,
      invitees: out,
      agenda: agenda.map(({ item, fromMeetingId, fromStartsAt }) => ({
        id: item.id,
        position: item.position,
        title: item.title,
        description: item.description,
        durationMinutes: item.durationMinutes,
        presenter: item.presenter,
        outcome: item.outcome as AgendaOutcome,
        carriedFrom:
          fromMeetingId && fromStartsAt
            ? { meetingId: fromMeetingId, date: parisParts(fromStartsAt).date }
            : null,
      })),
      pillarsPresent,
      pillarsWarning: instance?.kind === "copil" && pillarsPresent ? copilWarning(pillarsPresent) : null,
      minutesSharedAt: row.minutesSharedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      can: { manage: r.manage, readMinutes: r.manage || row.minutesSharedAt !== null },
    };
  }

  /** Invitations for directory people and outside guests; people already invited are left as they are. */
  async function invite(
    tx: Db,
    clsmId: string,
    meetingId: string,
    personIds: { id: string; fromInstance: boolean }[],
    outsiders: { name: string; email?: string }[],
  ) {
    const wanted = [...new Map(personIds.map((p) => [p.id, p])).values()];
    const people = await directory.summaries(
      tx,
      clsmId,
      wanted.map((p) => p.id),
    );
    if (people.length !== wanted.length) throw badRequest(m.unknownPeople, { guests: m.unknownPeople });
    const fromInstance = new Map(wanted.map((p) => [p.id, p.fromInstance]));
    // An outside guest is the same guest when the e-mail is (or, without one, the name).
    const known = new Set((await repo.inviteesOf(tx, meetingId)).map((i) => guestKey(i)));
    const newOutsiders = outsiders.filter((g) => {
      const key = guestKey(g);
      if (known.has(key)) return false;
      known.add(key);
      return true;
    });
    return repo.insertInvitees(tx, [
      ...people.map((p) => ({
        clsmId,
        meetingId,
        personId: p.id,
        name: p.name,
        email: p.email,
        fromInstance: fromInstance.get(p.id) ?? false,
        tokenNonce: newNonce(),
      })),
      ...newOutsiders.map((g) => ({
        clsmId,
        meetingId,
        name: g.name,
        email: g.email ?? null,
        tokenNonce: newNonce(),
      })),
    ]);
  }

  const splitGuests = (guests: GuestInput[]) => ({
    personIds: guests.flatMap((g) => ("personId" in g ? [{ id: g.personId, fromInstance: false }] : [])),
    outsiders: guests.flatMap((g) => ("name" in g ? [{ name: g.name, email: g.email }] : [])),
  });

  /** A meeting still scheduled, locked for the transaction (a cancelled one is frozen: 409). */
  async function openMeeting(tx: Db, r: MeetingReader, id: string) {
    const row = await access.meeting(tx, r, id, true);
    if (row.status === "cancelled") throw conflict(m.meetingCancelled);
    return row;
  }

  async function assertInstance(tx: Db, clsmId: string, instanceId: string | null | undefined) {
    if (!instanceId) return null;
    const [instance] = await governance.instancesByIds(tx, clsmId, [instanceId]);
    if (!instance) throw badRequest(m.unknownInstance, { instanceId: m.unknownInstance });
    return instance;
  }

  return {
    /** The directory's hooks: merged people keep their invitations; a person's export lists them. */
    personLinks: {
      movePerson: repo.moveInvitations,
      async exportPerson(tx, clsmId, personId) {
        const rows = await repo.invitationsOfPerson(tx, clsmId, personId);
        return {
          meetings: rows.map((x) => ({
            meeting: x.title,
            date: parisParts(x.startsAt).date,
            rsvp: x.rsvp,
            attendance: x.attendance,
            representedBy: x.representedBy,
          })),
        };
      },
    } satisfies PersonLinks,

    onCancelled(listener: CancelledListener) {
      cancelledListeners.push(listener);
    },

    onScheduled(listener: ScheduledListener) {
      scheduledListeners.push(listener);
    },

    async list(actor: Actor, clsmId: string, query: MeetingListQuery) {
      const r = await access.reader(actor, clsmId);
      const range =
        query.from || query.to
          ? {
              from: parisToUtc(query.from ?? addDays(query.to as string, -366), "00:00"),
              to: parisToUtc(addDays(query.to ?? addDays(query.from as string, 366), 1), "00:00"),
            }
          : undefined;
      if (range && range.to.getTime() - range.from.getTime() > 400 * 86_400_000)
        throw badRequest("La période demandée ne doit pas dépasser un an.", { to: "Période trop longue." });
      const { items, total } = await repo.listMeetings(db, {
        clsmId,
        range,
        when: query.when,
        instanceId: query.instanceId,
        includeCancelled: query.includeCancelled,
        hiddenInstanceIds: await access.hiddenInstanceIds(db, r),
        limit: query.limit,
        offset: query.offset,
      });
      const instances = await instanceRefs(
        db,
        clsmId,
        items.map((x) => x.meeting.instanceId),
      );
      return {
        items: items.map((x) => listItem(x.meeting, instances, x.inviteeCount)),
        total,
        can: { manage: r.manage },
      };
    },

    async get(actor: Actor, clsmId: string, id: string) {
      return detail(db, await access.reader(actor, clsmId), id);
    },

    /** Schedules a meeting (or a series): the instance's current members and the guests are invited. */
    async create(actor: Actor, clsmId: string, input: CreateMeetingBody) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const instance = await assertInstance(tx, clsmId, input.instanceId);
        const members = instance ? await governance.currentMemberIds(tx, clsmId, instance.id) : [];
        const { personIds, outsiders } = splitGuests(input.guests);
        const dates = input.recurrence ? occurrences(input.date, input.recurrence) : [input.date];
        const seriesId = dates.length > 1 ? randomUUID() : null;
        const created = await repo.insertMeetings(
          tx,
          dates.map((date) => ({
            clsmId,
            instanceId: instance?.id ?? null,
            seriesId,
            title: input.title,
            searchText: meetingSearchText(input.title, ""),
            description: blank(input.description) ?? null,
            startsAt: parisToUtc(date, input.time),
            durationMinutes: input.durationMinutes,
            placeName: blank(input.placeName) ?? null,
            address: blank(input.address) ?? null,
            videoUrl: blank(input.videoUrl) ?? null,
            reminderDaysBefore: input.reminderDaysBefore,
            createdBy: actor.userId,
            updatedBy: actor.userId,
          })),
        );
        for (const meeting of created)
          await invite(
            tx,
            clsmId,
            meeting.id,
            [...members.map((id) => ({ id, fromInstance: true })), ...personIds],
            outsiders,
          );
        for (const meeting of created) await scheduled(tx, clsmId, meeting.id);
        const first = created.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
        if (!first) throw new Error("no meeting created");
        return detail(tx, r, first.id);
      });
    },

    /** Changes a scheduled meeting; a change of time or place raises its SEQUENCE (calendar update). */
    /** Changes a meeting, or it and the following scheduled meetings of its series (`applyTo`). */
    async update(actor: Actor, clsmId: string, id: string, input: UpdateMeetingBody) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = await access.meeting(tx, r, id, true);
        if (row.status === "cancelled") throw conflict(m.meetingCancelled);
        const following =
          input.applyTo === "following" && row.seriesId
            ? await repo.seriesAfterForUpdate(tx, clsmId, row.seriesId, row.startsAt)
            : [];
        // A handful of statements per meeting: a series has at most 24.
        for (const each of [row, ...following]) await change(tx, clsmId, each, input, actor);
        return detail(tx, r, id);
      });
    },

    async cancel(actor: Actor, clsmId: string, id: string, input: { notify: boolean }) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = await access.meeting(tx, r, id, true);
        if (row.status === "cancelled") throw conflict(m.meetingAlreadyCancelled);
        await repo.updateMeeting(tx, id, {
          status: "cancelled",
          cancelledAt: new Date(),
          sequence: row.sequence + 1,
          updatedBy: actor.userId,
        });
        if (input.notify) for (const listener of cancelledListeners) await listener(tx, clsmId, id);
        return detail(tx, r, id);
      });
    },

    /** Deletes a meeting scheduled by mistake; once convened, it must be cancelled instead. */
    async remove(actor: Actor, clsmId: string, id: string) {
      const r = await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        const row = await access.meeting(tx, r, id, true);
        const invitees = await repo.inviteesOf(tx, id);
        if (row.status === "scheduled" && invitees.some((i) => i.convokedAt))
          throw conflict(m.meetingConvened);
        await repo.deleteMeeting(tx, id);
      });
    },

    /** A new meeting like this one on another day: same instance, place, invitees and the agenda's titles. */
    async duplicate(actor: Actor, clsmId: string, id: string, input: { date: string; time?: string }) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = await access.meeting(tx, r, id);
        const [invitees, agenda] = await Promise.all([repo.inviteesOf(tx, id), repo.agendaOf(tx, id)]);
        const [copy] = await repo.insertMeetings(tx, [
          {
            clsmId,
            instanceId: row.instanceId,
            title: row.title,
            searchText: meetingSearchText(row.title, ""),
            description: row.description,
            startsAt: parisToUtc(input.date, input.time ?? parisParts(row.startsAt).time),
            durationMinutes: row.durationMinutes,
            placeName: row.placeName,
            address: row.address,
            videoUrl: row.videoUrl,
            reminderDaysBefore: row.reminderDaysBefore,
            createdBy: actor.userId,
            updatedBy: actor.userId,
          },
        ]);
        if (!copy) throw new Error("duplicate insert returned nothing");
        const members = row.instanceId ? await governance.currentMemberIds(tx, clsmId, row.instanceId) : [];
        await invite(
          tx,
          clsmId,
          copy.id,
          [
            ...members.map((pid) => ({ id: pid, fromInstance: true })),
            ...invitees.flatMap((i) =>
              i.personId && !i.fromInstance ? [{ id: i.personId, fromInstance: false }] : [],
            ),
          ],
          invitees.flatMap((i) => (i.personId ? [] : [{ name: i.name, email: i.email ?? undefined }])),
        );
        await repo.insertAgendaItems(
          tx,
          agenda.map(({ item }, position) => ({
            clsmId,
            meetingId: copy.id,
            position,
            title: item.title,
            description: item.description,
            durationMinutes: item.durationMinutes,
            presenter: item.presenter,
          })),
        );
        await scheduled(tx, clsmId, copy.id);
        return detail(tx, r, copy.id);
      });
    },

    // ─── Invitees and attendance ────────────────────────────────────────────────────────────────────────
    async addInvitees(actor: Actor, clsmId: string, id: string, guests: GuestInput[]) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await openMeeting(tx, r, id);
        const { personIds, outsiders } = splitGuests(guests);
        const added = await invite(tx, clsmId, id, personIds, outsiders);
        return { added, alreadyInvited: guests.length - added };
      });
    },

    async updateInvitee(
      actor: Actor,
      clsmId: string,
      id: string,
      inviteeId: string,
      input: UpdateInviteeBody,
    ) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await openMeeting(tx, r, id);
        const invitee = await repo.findInvitee(tx, id, inviteeId);
        if (!invitee) throw notFound(m.inviteeNotFound);
        await repo.updateInvitee(tx, inviteeId, attendanceValues(input, invitee));
        return detail(tx, r, id);
      });
    },

    async removeInvitee(actor: Actor, clsmId: string, id: string, inviteeId: string) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await openMeeting(tx, r, id);
        if (!(await repo.findInvitee(tx, id, inviteeId))) throw notFound(m.inviteeNotFound);
        await repo.deleteInvitee(tx, inviteeId);
        return detail(tx, r, id);
      });
    },

    /** Records the attendance of several invitees in one go; an unknown invitee changes nothing (400). */
    async takeAttendance(
      actor: Actor,
      clsmId: string,
      id: string,
      entries: { inviteeId: string; attendance: Attendance | null; representedBy?: string | null }[],
    ) {
      const r = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await openMeeting(tx, r, id);
        const invitees = new Map((await repo.inviteesOf(tx, id)).map((i) => [i.id, i]));
        const unknown = entries.findIndex((e) => !invitees.has(e.inviteeId));
        if (unknown >= 0)
          throw badRequest(m.inviteeNotFound, { [`entries.${unknown}.inviteeId`]: m.inviteeNotFound });
        await repo.setAttendance(
          tx,
          entries.map((e) => {
            const values = attendanceValues(e, invitees.get(e.inviteeId) as repo.InviteeRow);
            return { id: e.inviteeId, attendance: values.attendance, representedBy: values.representedBy };
          }),
        );
        return detail(tx, r, id);
      });
    },
  };
}

const guestKey = (g: { name: string; email?: string | null }) =>
  g.email ? `@${g.email.toLowerCase()}` : `#${g.name.trim().toLowerCase()}`;

/** The attendance fields to write: "représenté·e" keeps who stood in, any other value clears it. */
function attendanceValues(input: UpdateInviteeBody, current: repo.InviteeRow) {
  const attendance =
    input.attendance === undefined ? (current.attendance as Attendance | null) : input.attendance;
  const representedBy =
    attendance === "represente"
      ? input.representedBy === undefined
        ? (current.representedBy ?? current.substituteName)
        : blank(input.representedBy)
      : null;
  return {
    rsvp: input.rsvp,
    respondedAt: input.rsvp && input.rsvp !== current.rsvp ? new Date() : undefined,
    substituteName: input.substituteName === undefined ? undefined : blank(input.substituteName),
    attendance,
    representedBy,
  };
}

/** The pillars among those who came (present, or represented), once attendance has been taken. */
function pillarsAmongPresent(invitees: Invitee[]) {
  if (!invitees.some((i) => i.attendance !== null)) return null;
  const present = new Set(
    invitees
      .filter((i) => i.attendance === "present" || i.attendance === "represente")
      .map((i) => i.pillar as Pillar | null),
  );
  return pillars.map((p) => ({ pillar: p, label: pillarLabels[p], present: present.has(p) }));
}

function copilWarning(present: { pillar: string; present: boolean }[]): string | null {
  const missing = new Set(present.filter((p) => !p.present).map((p) => p.pillar));
  const usagers = missing.has("usagers");
  const aidants = missing.has("aidants");
  if (usagers && aidants) return m.copilWithoutPillars("Ni personnes concernées ni aidants");
  if (usagers) return m.copilWithoutPillars("Pas de personnes concernées");
  return aidants ? m.copilWithoutPillars("Pas d'aidants") : null;
}
