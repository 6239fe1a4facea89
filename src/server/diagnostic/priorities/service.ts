import {
  type BallotBody,
  type CandidateBody,
  type ConsultationDetail,
  type ConsultationListItem,
  type CreateConsultationBody,
  MAX_CANDIDATES,
  type MyBallot,
  type PriorityMethod,
  type UpdateCandidateBody,
  type UpdateConsultationBody,
} from "../../../contracts/diagnostic-priorities";
import type { Actor } from "../../platform/access";
import type { Db } from "../../platform/db";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import type { DiagnosticAccess, DiagnosticReader } from "../access";
import { prioritiesMessages as m } from "./messages";
import * as repo from "./repo";
import { checkBallot, placed, stateOf } from "./rules";

export type PrioritiesService = ReturnType<typeof createPrioritiesService>;

type Found = NonNullable<Awaited<ReturnType<typeof repo.findConsultation>>>;
type Page = { limit: number; offset: number };

const blankToNull = (v: string | undefined) => (v === undefined ? undefined : v.trim() ? v : null);

/**
 * Priority consultations. Members of the CLSM vote (one ballot each, replaced while the vote is open); ARS and
 * national readers read but do not vote. Until closing, everyone sees only how many ballots were cast; after,
 * everyone who reads the CLSM sees the totals. An individual ballot is shown to its author only.
 */
export function createPrioritiesService(deps: { db: Db; access: DiagnosticAccess }) {
  const { db, access } = deps;

  async function found(tx: Db, clsmId: string, id: string, lock?: "update" | "share"): Promise<Found> {
    const row = await repo.findConsultation(tx, clsmId, id, lock);
    if (!row) throw notFound(m.consultationNotFound);
    return row;
  }

  function listItem(
    { consultation: c, candidateCount, ballotCount }: Found,
    now: Date,
  ): ConsultationListItem {
    const state = stateOf(c, now);
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      method: c.method as PriorityMethod,
      dotsPerMember: c.dotsPerMember,
      status: state.status,
      closesAt: c.closesAt?.toISOString() ?? null,
      closedAt: state.closedAt?.toISOString() ?? null,
      candidateCount,
      ballotCount,
      createdAt: c.createdAt.toISOString(),
    };
  }

  async function detail(
    tx: Db,
    reader: DiagnosticReader,
    actor: Actor,
    id: string,
  ): Promise<ConsultationDetail> {
    const row = await found(tx, reader.clsmId, id);
    const now = new Date();
    const item = listItem(row, now);
    const closed = item.status === "closed";
    const [rows, mine, dots, ranks] = await Promise.all([
      repo.candidatesOf(tx, id),
      reader.member ? repo.findBallot(tx, id, actor.userId) : Promise.resolve(undefined),
      closed && item.method === "dots" ? repo.dotTotals(tx, id) : Promise.resolve(new Map<string, number>()),
      closed && item.method === "ranking"
        ? repo.rankTotals(tx, id)
        : Promise.resolve(new Map<string, { rankSum: number; n: number }>()),
    ]);
    const candidates = rows.map(({ candidate: c, needTitle }) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      need: c.needId && needTitle !== null ? { id: c.needId, title: needTitle } : null,
      position: c.position,
      chosen: c.chosen,
    }));
    return {
      ...item,
      candidates,
      results: closed
        ? { ballotCount: item.ballotCount, items: placed(item.method, candidates, dots, ranks) }
        : null,
      hasVoted: mine !== undefined,
      can: {
        manage: reader.manage,
        edit: reader.manage && item.status === "draft",
        vote: reader.member && item.status === "open",
        choose: reader.manage && closed,
      },
    };
  }

  /** The consultation locked for a change of its content, refused once it is open. */
  async function draft(tx: Db, clsmId: string, id: string): Promise<Found> {
    const row = await found(tx, clsmId, id, "update");
    if (row.consultation.status !== "draft") throw conflict(m.notDraft);
    return row;
  }

  async function candidateOf(tx: Db, consultationId: string, candidateId: string) {
    const c = await repo.findCandidate(tx, consultationId, candidateId);
    if (!c) throw notFound(m.candidateNotFound);
    return c;
  }

  async function assertNeed(tx: Db, clsmId: string, needId: string | null | undefined) {
    if (needId && !(await repo.needExists(tx, clsmId, needId)))
      throw badRequest(m.needNotFound, { needId: m.needNotFound });
  }

  /** Choosing or not a candidate as a priority: the coordination, once the consultation is closed. */
  async function setChosen(actor: Actor, clsmId: string, id: string, candidateId: string, chosen: boolean) {
    const reader = await access.manager(actor, clsmId);
    return db.transaction(async (tx) => {
      const row = await found(tx, clsmId, id, "update");
      if (stateOf(row.consultation, new Date()).status !== "closed") throw conflict(m.notClosed);
      await candidateOf(tx, id, candidateId);
      await repo.updateCandidate(tx, candidateId, { chosen });
      return detail(tx, reader, actor, id);
    });
  }

  return {
    async list(actor: Actor, clsmId: string, page: Page) {
      const reader = await access.reader(actor, clsmId);
      const rows = await repo.listConsultations(db, clsmId, page);
      const now = new Date();
      return {
        items: rows.map((r) => listItem(r, now)),
        total: rows[0]?.total ?? 0,
        can: { manage: reader.manage },
      };
    },

    async get(actor: Actor, clsmId: string, id: string) {
      const reader = await access.reader(actor, clsmId);
      return detail(db, reader, actor, id);
    },

    async create(actor: Actor, clsmId: string, input: CreateConsultationBody) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const id = await repo.insertConsultation(tx, {
          clsmId,
          title: input.title,
          description: blankToNull(input.description) ?? null,
          method: input.method,
          dotsPerMember: input.method === "dots" ? (input.dotsPerMember ?? null) : null,
          createdBy: actor.userId,
        });
        return detail(tx, reader, actor, id);
      });
    },

    async update(actor: Actor, clsmId: string, id: string, input: UpdateConsultationBody) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const { consultation: c } = await draft(tx, clsmId, id);
        const method = input.method ?? (c.method as PriorityMethod);
        const dots = input.dotsPerMember === undefined ? c.dotsPerMember : input.dotsPerMember;
        if (method === "dots" && dots === null)
          throw badRequest(m.dotsRequired, { dotsPerMember: m.dotsRequired });
        await repo.updateConsultation(tx, id, {
          title: input.title,
          description: blankToNull(input.description),
          method,
          dotsPerMember: method === "dots" ? dots : null,
        });
        return detail(tx, reader, actor, id);
      });
    },

    async remove(actor: Actor, clsmId: string, id: string) {
      await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        const row = await found(tx, clsmId, id, "update");
        if (row.consultation.status !== "draft") throw conflict(m.deleteOnlyDraft);
        await repo.deleteConsultation(tx, id);
      });
    },

    async addCandidate(actor: Actor, clsmId: string, id: string, input: CandidateBody) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = await draft(tx, clsmId, id);
        if (row.candidateCount >= MAX_CANDIDATES) throw conflict(m.tooManyCandidates(MAX_CANDIDATES));
        await assertNeed(tx, clsmId, input.needId);
        await repo.insertCandidate(tx, {
          clsmId,
          consultationId: id,
          title: input.title,
          description: blankToNull(input.description) ?? null,
          needId: input.needId ?? null,
        });
        return detail(tx, reader, actor, id);
      });
    },

    async updateCandidate(
      actor: Actor,
      clsmId: string,
      id: string,
      candidateId: string,
      input: UpdateCandidateBody,
    ) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await draft(tx, clsmId, id);
        await candidateOf(tx, id, candidateId);
        await assertNeed(tx, clsmId, input.needId);
        await repo.updateCandidate(tx, candidateId, {
          title: input.title,
          description: blankToNull(input.description),
          needId: input.needId,
        });
        return detail(tx, reader, actor, id);
      });
    },

    async removeCandidate(actor: Actor, clsmId: string, id: string, candidateId: string) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await draft(tx, clsmId, id);
        await candidateOf(tx, id, candidateId);
        await repo.deleteCandidate(tx, candidateId);
        return detail(tx, reader, actor, id);
      });
    },

    async orderCandidates(actor: Actor, clsmId: string, id: string, ids: string[]) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await draft(tx, clsmId, id);
        const current = (await repo.candidatesOf(tx, id)).map((r) => r.candidate.id);
        const wanted = new Set(ids);
        if (
          wanted.size !== ids.length ||
          ids.length !== current.length ||
          current.some((c) => !wanted.has(c))
        )
          throw badRequest(m.orderMismatch, { ids: m.orderMismatch });
        await repo.orderCandidates(tx, id, ids);
        return detail(tx, reader, actor, id);
      });
    },

    async open(actor: Actor, clsmId: string, id: string, input: { closesAt?: string | null }) {
      const reader = await access.manager(actor, clsmId);
      const closesAt = input.closesAt ? new Date(input.closesAt) : null;
      if (closesAt && closesAt <= new Date()) throw badRequest(m.closesInPast, { closesAt: m.closesInPast });
      return db.transaction(async (tx) => {
        const row = await draft(tx, clsmId, id);
        if (row.candidateCount < 2) throw conflict(m.notEnoughCandidates);
        await repo.updateConsultation(tx, id, { status: "open", closesAt });
        return detail(tx, reader, actor, id);
      });
    },

    async close(actor: Actor, clsmId: string, id: string) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const { consultation: c } = await found(tx, clsmId, id, "update");
        const state = stateOf(c, new Date());
        if (state.status === "draft") throw conflict(m.notOpen);
        if (state.status === "closed") throw conflict(m.alreadyClosed);
        await repo.updateConsultation(tx, id, { status: "closed", closedAt: new Date() });
        return detail(tx, reader, actor, id);
      });
    },

    /** The reader's own ballot (members only). */
    async myBallot(actor: Actor, clsmId: string, id: string): Promise<MyBallot> {
      const reader = await access.reader(actor, clsmId);
      await found(db, clsmId, id);
      if (!reader.member) throw forbidden(m.onlyMembers);
      return ballotOf(await repo.findBallot(db, id, actor.userId));
    },

    /** Casts or replaces the reader's ballot while the vote is open. */
    async vote(actor: Actor, clsmId: string, id: string, body: BallotBody): Promise<MyBallot> {
      const reader = await access.reader(actor, clsmId);
      return db.transaction(async (tx) => {
        // Shared lock: ballots go on side by side; a closing waits for them (and they for it).
        const { consultation: c } = await found(tx, clsmId, id, "share");
        if (!reader.member) throw forbidden(m.onlyMembers);
        if (stateOf(c, new Date()).status !== "open") throw conflict(m.notOpen);
        const candidateIds = (await repo.candidatesOf(tx, id)).map((r) => r.candidate.id);
        const choices = checkBallot(c.method as PriorityMethod, c.dotsPerMember, candidateIds, body);
        return ballotOf(
          await repo.upsertBallot(tx, { clsmId, consultationId: id, userId: actor.userId, choices }),
        );
      });
    },

    choose: (actor: Actor, clsmId: string, id: string, candidateId: string) =>
      setChosen(actor, clsmId, id, candidateId, true),
    unchoose: (actor: Actor, clsmId: string, id: string, candidateId: string) =>
      setChosen(actor, clsmId, id, candidateId, false),

    async chosen(actor: Actor, clsmId: string, page: Page) {
      await access.reader(actor, clsmId);
      return chosenList(db, clsmId, page);
    },

    /** For the diagnostic page (access already checked): the chosen priorities of a CLSM. */
    chosenFor: (tx: Db, clsmId: string, page: Page = { limit: 100, offset: 0 }) =>
      chosenList(tx, clsmId, page),
  };
}

async function chosenList(tx: Db, clsmId: string, page: Page) {
  const rows = await repo.chosenPriorities(tx, clsmId, page);
  return {
    items: rows.map((r) => ({
      candidateId: r.candidate.id,
      title: r.candidate.title,
      description: r.candidate.description,
      need:
        r.candidate.needId && r.needTitle !== null ? { id: r.candidate.needId, title: r.needTitle } : null,
      consultationId: r.consultation.id,
      consultationTitle: r.consultation.title,
      closedAt: (r.consultation.closedAt ?? r.consultation.closesAt)?.toISOString() ?? null,
    })),
    total: rows[0]?.total ?? 0,
  };
}

function ballotOf(
  row: { choices: Record<string, number> | string[]; updatedAt: Date } | undefined,
): MyBallot {
  if (!row) return { ballot: null };
  const ranking = Array.isArray(row.choices) ? row.choices : null;
  return {
    ballot: {
      dots: Array.isArray(row.choices) ? null : row.choices,
      ranking,
      updatedAt: row.updatedAt.toISOString(),
    },
  };
}
