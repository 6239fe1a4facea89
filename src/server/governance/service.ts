import type { Pillar } from "../../contracts/directory";
import { pillars } from "../../contracts/directory";
import {
  type AddMembersBody,
  type CreateInstanceBody,
  type InstanceDetail,
  type InstanceKind,
  type InstanceListItem,
  instanceKindLabels,
  type MemberRole,
  memberRoleLabels,
  type UpdateInstanceBody,
  type UpdateMembershipBody,
} from "../../contracts/governance";
import type { DirectoryService, PersonLinks } from "../directory/service";
import type { Actor } from "../platform/access";
import { parisToday } from "../platform/dates";
import type { Db } from "../platform/db";
import { badRequest, conflict, forbidden, notFound } from "../platform/errors";
import { governanceMessages as m } from "./messages";
import * as repo from "./repo";

export type GovernanceService = ReturnType<typeof createGovernanceService>;

type Reader = { manage: boolean };
type InstanceFound = NonNullable<Awaited<ReturnType<typeof repo.findInstance>>>;

/** Members of a confidential instance (the cellule) are shown to the coordination only. */
const membersVisible = (instance: repo.InstanceRow, reader: Reader) =>
  reader.manage || !instance.confidential;

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v : null);

export function createGovernanceService(deps: { db: Db; directory: DirectoryService }) {
  const { db, directory } = deps;

  async function manageable(actor: Actor, clsmId: string) {
    const reader = await directory.access(actor, clsmId);
    if (!reader.manage) throw forbidden();
    return reader;
  }

  async function found(tx: Db, clsmId: string, id: string, forUpdate = false): Promise<InstanceFound> {
    const row = await repo.findInstance(tx, clsmId, id, forUpdate);
    if (!row) throw notFound(m.instanceNotFound);
    return row;
  }

  function listItem(
    { instance: i, parentName }: InstanceFound,
    reader: Reader,
    memberPillars: (Pillar | null)[],
  ): InstanceListItem {
    const visible = membersVisible(i, reader);
    const present = new Set(memberPillars);
    return {
      id: i.id,
      kind: i.kind as InstanceKind,
      name: i.name,
      purpose: i.purpose,
      theme: i.theme,
      audience: i.audience,
      parentId: i.parentId,
      parentName,
      confidential: i.confidential,
      archivedAt: i.archivedAt?.toISOString() ?? null,
      memberCount: visible ? memberPillars.length : null,
      missingPillars: visible ? pillars.filter((p) => !present.has(p)) : null,
      updatedAt: i.updatedAt.toISOString(),
    };
  }

  async function detail(tx: Db, clsmId: string, id: string, reader: Reader): Promise<InstanceDetail> {
    const row = await found(tx, clsmId, id);
    const visible = membersVisible(row.instance, reader);
    const [memberships, children] = await Promise.all([
      visible ? repo.membershipsOfInstance(tx, id) : Promise.resolve([]),
      repo.childrenOf(tx, id),
    ]);
    const currentIds = memberships.filter((x) => x.endDate === null).map((x) => x.personId);
    const [people, pillarsNow] = await Promise.all([
      directory.summaries(tx, clsmId, [...new Set(memberships.map((x) => x.personId))]),
      visible ? directory.pillarsOf(tx, clsmId, currentIds) : Promise.resolve(null),
    ]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const members = memberships.flatMap((x) => {
      const p = byId.get(x.personId);
      if (!p) return [];
      const { id: _personId, email: _email, ...person } = p;
      return [
        {
          id: x.id,
          personId: x.personId,
          ...person,
          role: x.role as MemberRole,
          startDate: x.startDate,
          endDate: x.endDate,
        },
      ];
    });
    return {
      ...listItem(
        row,
        reader,
        currentIds.map((pid) => byId.get(pid)?.pillar ?? null),
      ),
      createdAt: row.instance.createdAt.toISOString(),
      members: visible ? sortMembers(members) : null,
      pillars:
        pillarsNow?.pillars.map((p) => ({
          ...p,
          warning: p.present ? null : m.pillarMissing(p.label, row.instance),
        })) ?? null,
      children: children.map((c) => ({ id: c.id, name: c.name, archived: c.archivedAt !== null })),
      can: { manage: reader.manage },
    };
  }

  /** A working group is attached to a COPIL of the same CLSM; nothing else has a parent. */
  async function assertParent(
    tx: Db,
    clsmId: string,
    kind: string,
    parentId: string | null | undefined,
    selfId?: string,
  ) {
    if (!parentId) return;
    if (kind !== "groupe_travail")
      throw badRequest(m.parentOnlyForGroups, { parentId: m.parentOnlyForGroups });
    const parent = parentId === selfId ? undefined : await repo.findInstance(tx, clsmId, parentId);
    if (parent?.instance.kind !== "copil") throw badRequest(m.parentNotCopil, { parentId: m.parentNotCopil });
  }

  return {
    /** The hooks by which the directory filters by instance, merges people and exports what is held on them. */
    personLinks: {
      async instanceMembers(tx, clsmId, instanceId, reader) {
        const row = await repo.findInstance(tx, clsmId, instanceId);
        if (!row || !membersVisible(row.instance, reader)) return null;
        return (await repo.currentMembers(tx, clsmId, [instanceId])).map((x) => x.personId);
      },
      movePerson: repo.movePersonMemberships,
      async exportPerson(tx, clsmId, personId) {
        const rows = await repo.membershipsOfPerson(tx, clsmId, personId);
        return {
          instances: rows.map((r) => ({
            instance: r.instanceName,
            kind: instanceKindLabels[r.kind as InstanceKind],
            role: memberRoleLabels[r.role as MemberRole],
            startDate: r.startDate,
            endDate: r.endDate,
          })),
        };
      },
    } satisfies PersonLinks,

    /** For the meetings: some instances of the CLSM (unknown ids are left out). */
    async instancesByIds(tx: Db, clsmId: string, ids: string[]) {
      const rows = await repo.instancesByIds(tx, clsmId, ids);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind as InstanceKind,
        confidential: r.confidential,
      }));
    },

    /** Instances whose content only the coordination reads (their meetings are hidden from members). */
    async confidentialInstanceIds(tx: Db, clsmId: string) {
      return repo.confidentialInstanceIds(tx, clsmId);
    },

    /** The current members of an instance (directory person ids). */
    async currentMemberIds(tx: Db, clsmId: string, instanceId: string) {
      return (await repo.currentMembers(tx, clsmId, [instanceId])).map((x) => x.personId);
    },

    async list(actor: Actor, clsmId: string, query: { kind?: InstanceKind; archived: boolean }) {
      const reader = await directory.access(actor, clsmId);
      const rows = await repo.listInstances(db, clsmId, query);
      const visibleIds = rows.filter((r) => membersVisible(r.instance, reader)).map((r) => r.instance.id);
      const members = await repo.currentMembers(db, clsmId, visibleIds);
      const people = await directory.summaries(db, clsmId, [...new Set(members.map((x) => x.personId))]);
      const pillarOf = new Map(people.map((p) => [p.id, p.pillar]));
      const pillarsByInstance = new Map<string, (Pillar | null)[]>();
      for (const x of members) {
        const list = pillarsByInstance.get(x.instanceId) ?? [];
        list.push(pillarOf.get(x.personId) ?? null);
        pillarsByInstance.set(x.instanceId, list);
      }
      return {
        items: rows.map((r) => listItem(r, reader, pillarsByInstance.get(r.instance.id) ?? [])),
        can: { manage: reader.manage },
      };
    },

    async get(actor: Actor, clsmId: string, id: string) {
      const reader = await directory.access(actor, clsmId);
      return detail(db, clsmId, id, reader);
    },

    async create(actor: Actor, clsmId: string, input: CreateInstanceBody) {
      const reader = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        await assertParent(tx, clsmId, input.kind, input.parentId);
        const id = await repo.insertInstance(tx, {
          clsmId,
          kind: input.kind,
          name: input.name,
          purpose: blankToNull(input.purpose),
          theme: blankToNull(input.theme),
          audience: blankToNull(input.audience),
          parentId: input.parentId ?? null,
          confidential: input.confidential,
          updatedBy: actor.userId,
        });
        return detail(tx, clsmId, id, reader);
      });
    },

    async update(actor: Actor, clsmId: string, id: string, input: UpdateInstanceBody) {
      const reader = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        const { instance } = await found(tx, clsmId, id, true);
        const kind = input.kind ?? instance.kind;
        const parentId = input.parentId === undefined ? instance.parentId : input.parentId;
        await assertParent(tx, clsmId, kind, parentId, id);
        if (instance.kind === "copil" && kind !== "copil" && (await repo.childrenOf(tx, id)).length)
          throw conflict(m.copilHasGroups, { kind: m.copilHasGroups });
        await repo.updateInstance(tx, id, {
          kind,
          name: input.name,
          purpose: blankToNull(input.purpose),
          theme: blankToNull(input.theme),
          audience: blankToNull(input.audience),
          parentId,
          confidential: input.confidential,
          archivedAt:
            input.archived === undefined
              ? undefined
              : input.archived
                ? (instance.archivedAt ?? new Date())
                : null,
          updatedBy: actor.userId,
        });
        return detail(tx, clsmId, id, reader);
      });
    },

    async remove(actor: Actor, clsmId: string, id: string) {
      await manageable(actor, clsmId);
      await db.transaction(async (tx) => {
        await found(tx, clsmId, id, true);
        await repo.deleteInstance(tx, id);
      });
    },

    /** Adds directory people as current members; people already in it are left as they are. */
    async addMembers(actor: Actor, clsmId: string, id: string, input: AddMembersBody) {
      await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        const { instance } = await found(tx, clsmId, id, true);
        if (instance.archivedAt) throw conflict(m.instanceArchived);
        const wanted = [...new Set(input.personIds)];
        const known = await directory.summaries(tx, clsmId, wanted);
        if (known.length !== wanted.length) throw badRequest(m.unknownPeople, { personIds: m.unknownPeople });
        const startDate = input.startDate ?? parisToday();
        const added = await repo.insertMemberships(
          tx,
          wanted.map((personId) => ({ clsmId, instanceId: id, personId, role: input.role, startDate })),
        );
        return { added, alreadyMembers: wanted.length - added };
      });
    },

    async updateMembership(
      actor: Actor,
      clsmId: string,
      id: string,
      membershipId: string,
      input: UpdateMembershipBody,
    ) {
      const reader = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        await found(tx, clsmId, id, true);
        const current = await repo.findMembership(tx, id, membershipId);
        if (!current) throw notFound(m.membershipNotFound);
        const startDate = input.startDate ?? current.startDate;
        const endDate = input.endDate === undefined ? current.endDate : input.endDate;
        if (endDate !== null && endDate < startDate)
          throw badRequest(m.endsBeforeStart, { endDate: m.endsBeforeStart });
        if (endDate === null && current.endDate !== null) {
          const others = await repo.currentMembers(tx, clsmId, [id]);
          if (others.some((x) => x.personId === current.personId))
            throw conflict(m.alreadyCurrentMember, { endDate: m.alreadyCurrentMember });
        }
        await repo.updateMembership(tx, membershipId, { role: input.role, startDate, endDate });
        return detail(tx, clsmId, id, reader);
      });
    },

    /** Removes a membership entered by mistake (ending it keeps the history). */
    async removeMembership(actor: Actor, clsmId: string, id: string, membershipId: string) {
      const reader = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        await found(tx, clsmId, id, true);
        if (!(await repo.findMembership(tx, id, membershipId))) throw notFound(m.membershipNotFound);
        await repo.deleteMembership(tx, membershipId);
        return detail(tx, clsmId, id, reader);
      });
    },

    /** The instances a person of the directory sits or sat in (confidential ones for the coordination only). */
    async personMemberships(actor: Actor, clsmId: string, personId: string) {
      const reader = await directory.access(actor, clsmId);
      if (!(await directory.summaries(db, clsmId, [personId])).length) throw notFound(m.personNotFound);
      const rows = await repo.membershipsOfPerson(db, clsmId, personId);
      return {
        items: rows
          .filter((r) => reader.manage || !r.confidential)
          .map((r) => ({
            id: r.id,
            instanceId: r.instanceId,
            instanceName: r.instanceName,
            kind: r.kind as InstanceKind,
            role: r.role as MemberRole,
            startDate: r.startDate,
            endDate: r.endDate,
          })),
      };
    },
  };
}

/** Current members first, by role (président·e first) then name; then past memberships, latest end first. */
function sortMembers<T extends { role: MemberRole; name: string; endDate: string | null }>(members: T[]) {
  const rank: Record<MemberRole, number> = {
    president: 0,
    coanimateur: 1,
    membre: 2,
    suppleant: 3,
    invite: 4,
  };
  const collator = new Intl.Collator("fr", { sensitivity: "base" });
  return [...members].sort((a, b) => {
    if ((a.endDate === null) !== (b.endDate === null)) return a.endDate === null ? -1 : 1;
    if (a.endDate !== null && b.endDate !== null && a.endDate !== b.endDate)
      return a.endDate < b.endDate ? 1 : -1;
    return rank[a.role] - rank[b.role] || collator.compare(a.name, b.name);
  });
}
