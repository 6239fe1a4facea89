import {
  anonymisationNotice,
  type Civility,
  type College,
  type CreatePersonBody,
  type CreateStructureBody,
  type createCollegeBody,
  type orderCollegesBody,
  type PersonDetail,
  type PersonExport,
  type PersonListItem,
  type PersonListQuery,
  type PersonSource,
  type Pillar,
  pillarLabels,
  pillars,
  type StructureDetail,
  type StructureListQuery,
  type StructureType,
  type UpdatePersonBody,
  type UpdateStructureBody,
  type updateCollegeBody,
  type updateRoleBody,
} from "../../contracts/directory";
import type { z } from "../../contracts/zod";
import { type Actor, policies } from "../platform/access";
import { parisToday } from "../platform/dates";
import type { Db } from "../platform/db";
import { badRequest, conflict, forbidden, notFound } from "../platform/errors";
import { searchKey } from "../territory/normalize";
import { directoryMessages as m } from "./messages";
import * as repo from "./repo";

export type DirectoryService = ReturnType<typeof createDirectoryService>;

/** The collèges every CLSM starts with (domain primer): the four pillars first, then the other partners. */
export const defaultColleges: { name: string; pillar: Pillar | null }[] = [
  { name: "Élus", pillar: "elus" },
  { name: "Psychiatrie publique", pillar: "psychiatrie" },
  { name: "Personnes concernées / usagers", pillar: "usagers" },
  { name: "Aidants / proches", pillar: "aidants" },
  ...[
    "Psychiatrie privée et libérale",
    "Pédopsychiatrie",
    "Médecine de ville",
    "Médico-social",
    "Social",
    "Logement",
    "Éducation",
    "Justice",
    "Police / CLSPD",
    "Insertion / emploi",
    "Culture / sport / loisirs",
    "ARS",
    "Préfecture et services de l'État",
    "Associations",
    "Habitants",
  ].map((name) => ({ name, pillar: null })),
];

const fullName = (p: { firstName: string; lastName: string }) =>
  [p.firstName, p.lastName].filter(Boolean).join(" ");

/** A clearable input: undefined = unchanged, "" or null = cleared. */
const cleared = <T>(v: T | "" | null | undefined): T | null | undefined =>
  v === undefined ? undefined : v === "" || v === null ? null : v;
const withoutUndefined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

interface Scope {
  clsm: { id: string; name: string; regionCodes: string[] };
  manage: boolean;
  contactsVisible: boolean;
}

type PersonItemRow = NonNullable<Awaited<ReturnType<typeof repo.findPersonItem>>>;

/**
 * What other domains attach to people (instance memberships, later attendance). The directory does not know
 * their tables: they register these hooks when the app is built.
 */
export interface PersonLinks {
  /** Current members of an instance of the CLSM; null when it is not the CLSM's or not visible to the reader. */
  instanceMembers?(
    tx: Db,
    clsmId: string,
    instanceId: string,
    reader: { manage: boolean },
  ): Promise<string[] | null>;
  /** Moves everything that points at `fromId` to `toId`, in the merge's transaction. */
  movePerson(tx: Db, clsmId: string, fromId: string, toId: string): Promise<void>;
  /** What the domain holds about the person, for their personal-data export. */
  exportPerson(
    tx: Db,
    clsmId: string,
    personId: string,
  ): Promise<Partial<Pick<PersonExport, "instances" | "meetings" | "followUps" | "surveys">>>;
}

export function createDirectoryService(deps: { db: Db }) {
  const { db } = deps;
  const links: PersonLinks[] = [];

  /** The people of an instance, for the list filter: 400 naming the field when the instance is unknown. */
  async function instanceMembers(scope: Scope, instanceId: string) {
    for (const link of links) {
      const ids = await link.instanceMembers?.(db, scope.clsm.id, instanceId, { manage: scope.manage });
      if (ids) return ids;
    }
    throw badRequest(m.unknownInstance, { instanceId: m.unknownInstance });
  }

  async function initialiseClsm(tx: Db, clsmId: string) {
    if (!(await repo.claimInitialisation(tx, clsmId))) return;
    await repo.insertColleges(
      tx,
      defaultColleges.map((c, position) => ({ clsmId, name: c.name, pillar: c.pillar, position })),
    );
  }

  /** The CLSM if the actor may read it (404 otherwise), its default collèges created on first use. */
  async function readable(actor: Actor, clsmId: string): Promise<Scope> {
    const row = await repo.findClsmScope(db, clsmId);
    if (!row || !policies.clsm.read(actor, row)) throw notFound(m.clsmNotFound);
    let settings = await repo.findSettings(db, clsmId);
    if (!settings) {
      await db.transaction((tx) => initialiseClsm(tx, clsmId));
      settings = await repo.findSettings(db, clsmId);
    }
    const manage = policies.clsm.manage(actor, row);
    return { clsm: row, manage, contactsVisible: manage || (settings?.contactsVisibleToMembers ?? true) };
  }

  async function manageable(actor: Actor, clsmId: string): Promise<Scope> {
    const scope = await readable(actor, clsmId);
    if (!scope.manage) throw forbidden();
    return scope;
  }

  async function assertCollege(tx: Db, clsmId: string, id: string | null | undefined, field: string) {
    if (!id) return null;
    const row = await repo.findCollege(tx, clsmId, id);
    if (!row) throw badRequest(m.unknownCollege, { [field]: m.unknownCollege });
    return row;
  }

  async function assertStructure(tx: Db, clsmId: string, id: string | null | undefined, field: string) {
    if (!id) return;
    if (!(await repo.findStructures(tx, clsmId, [id])).length)
      throw badRequest(m.unknownStructure, { [field]: m.unknownStructure });
  }

  async function assertEmailFree(
    tx: Db,
    clsmId: string,
    email: string | null | undefined,
    exceptId?: string,
  ) {
    if (!email) return;
    const other = await repo.findPersonByEmail(tx, clsmId, email);
    if (other && other.id !== exceptId) throw conflict(m.emailTaken, { email: m.emailTaken });
  }

  // ─── Mapping ───────────────────────────────────────────────────────────────────────────────────────────

  function personItem(row: PersonItemRow, scope: Scope): PersonListItem {
    return {
      id: row.id,
      civility: row.civility as Civility | null,
      firstName: row.firstName,
      lastName: row.lastName,
      email: scope.contactsVisible ? row.email : null,
      phone: scope.contactsVisible ? row.phone : null,
      collegeId: row.collegeId,
      collegeName: row.collegeName,
      pillar: row.pillar as Pillar | null,
      function: row.function,
      structureId: row.structureId,
      structureName: row.structureName,
      structureType: row.structureType as StructureType | null,
      communeName: row.communeName,
      consentToContact: row.consentToContact,
      anonymised: row.anonymisedAt !== null,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async function personDetail(tx: Db, scope: Scope, id: string): Promise<PersonDetail> {
    const [item, person, roles] = await Promise.all([
      repo.findPersonItem(tx, scope.clsm.id, id),
      repo.findPerson(tx, scope.clsm.id, id),
      repo.rolesOf(tx, id),
    ]);
    if (!item || !person) throw notFound(m.personNotFound);
    return {
      ...personItem(item, scope),
      consentDate: person.consentDate,
      source: person.source as PersonSource,
      notes: person.notes,
      anonymisedAt: person.anonymisedAt?.toISOString() ?? null,
      createdAt: person.createdAt.toISOString(),
      roles: roles.map((r) => ({
        id: r.id,
        function: r.function,
        structureId: r.structureId,
        structureName: r.structureName,
        startDate: r.startDate,
        endDate: r.endDate,
      })),
      can: { manage: scope.manage },
    };
  }

  async function structureDetail(tx: Db, scope: Scope, id: string): Promise<StructureDetail> {
    const found = await repo.findStructure(tx, scope.clsm.id, id);
    if (!found) throw notFound(m.structureNotFound);
    const s = found.structure;
    const people = await repo.currentPeopleOfStructure(tx, id);
    return {
      id: s.id,
      name: s.name,
      type: s.type as StructureType,
      collegeId: s.collegeId,
      collegeName: found.collegeName,
      postalCode: s.postalCode,
      communeCode: s.communeCode,
      communeName: s.communeName,
      phone: s.phone,
      email: s.email,
      personCount: new Set(people.map((p) => p.personId)).size,
      updatedAt: s.updatedAt.toISOString(),
      address: s.address,
      website: s.website,
      siret: s.siret,
      finess: s.finess,
      notes: s.notes,
      createdAt: s.createdAt.toISOString(),
      people: people.map((p) => ({
        personId: p.personId,
        roleId: p.roleId,
        name: fullName(p),
        function: p.function,
      })),
      can: { manage: scope.manage },
    };
  }

  async function collegeOut(tx: Db, clsmId: string, id: string): Promise<College> {
    const found = (await repo.listColleges(tx, clsmId)).find((c) => c.id === id);
    if (!found) throw notFound(m.collegeNotFound);
    return { ...found, pillar: found.pillar as Pillar | null };
  }

  /** The four pillars among the CLSM's people, or among some of them (an instance's members, later). */
  async function pillarsOf(tx: Db, clsmId: string, personIds?: string[]) {
    const counts = new Map(
      (await repo.pillarCounts(tx, clsmId, personIds)).map((c) => [c.pillar as string, c.n]),
    );
    const result = await Promise.all(
      pillars.map(async (pillar) => {
        const n = counts.get(pillar) ?? 0;
        const people = n ? await repo.pillarPeople(tx, clsmId, pillar, personIds) : [];
        return {
          pillar,
          label: pillarLabels[pillar],
          present: n > 0,
          count: n,
          people: people.map((p) => ({
            id: p.id,
            name: fullName(p),
            structureName: p.structureName,
            function: p.function,
          })),
          warning: n > 0 ? null : m.pillarMissing(pillarLabels[pillar]),
        };
      }),
    );
    return { pillars: result, complete: result.every((p) => p.present) };
  }

  function structureValues(input: UpdateStructureBody) {
    return withoutUndefined({
      name: input.name,
      type: input.type,
      collegeId: input.collegeId,
      address: cleared(input.address),
      postalCode: cleared(input.postalCode),
      communeCode: cleared(input.communeCode),
      communeName: cleared(input.communeName),
      phone: cleared(input.phone),
      email: cleared(input.email),
      website: cleared(input.website),
      siret: cleared(input.siret),
      finess: cleared(input.finess),
      notes: cleared(input.notes),
    });
  }

  /** Ends the person's current roles at `startDate` and opens a new one (history is kept). */
  async function openRole(
    tx: Db,
    clsmId: string,
    personId: string,
    input: { function: string; structureId: string | null; startDate?: string },
    field: string,
  ) {
    await assertStructure(tx, clsmId, input.structureId, `${field}structureId`);
    const startDate = input.startDate ?? parisToday();
    for (const current of await repo.currentRoles(tx, personId)) {
      if (current.startDate > startDate)
        throw badRequest(m.roleStartsBeforeCurrent, { [`${field}startDate`]: m.roleStartsBeforeCurrent });
      await repo.updateRole(tx, current.id, { endDate: startDate });
    }
    await repo.insertRole(tx, {
      clsmId,
      personId,
      function: input.function,
      structureId: input.structureId,
      startDate,
    });
  }

  return {
    initialiseClsm,
    pillarsOf,

    linkPeople(link: PersonLinks) {
      links.push(link);
    },

    /** Whether the actor may read (404 otherwise) and manage the CLSM: other domains built on the directory use it. */
    async access(actor: Actor, clsmId: string) {
      const scope = await readable(actor, clsmId);
      return { manage: scope.manage, contactsVisible: scope.contactsVisible, clsmName: scope.clsm.name };
    },

    /**
     * Name, e-mail, current function, structure, collège and pillar of some people of the CLSM (unknown ids are left
     * out). For other domains' own use: e-mails must not reach readers the CLSM's settings hide them from.
     */
    async summaries(tx: Db, clsmId: string, ids: string[]) {
      if (!ids.length) return [];
      const { items } = await repo.listPeople(tx, clsmId, { ids, limit: ids.length, offset: 0 });
      return items.map((p) => ({
        id: p.id,
        name: fullName(p),
        email: p.email,
        function: p.function,
        structureName: p.structureName,
        collegeName: p.collegeName,
        pillar: p.pillar as Pillar | null,
      }));
    },

    /** Names of some structures of the CLSM (unknown ids are left out), in one query; for other domains' own use. */
    /** The CLSM's collèges in their order, for other domains' labels. */
    async collegeNames(tx: Db, clsmId: string) {
      const rows = await repo.listColleges(tx, clsmId);
      return rows.map((c) => ({ id: c.id, name: c.name }));
    },

    async structureNames(tx: Db, clsmId: string, ids: string[]) {
      const rows = await repo.findStructures(tx, clsmId, [...new Set(ids)]);
      return rows.map((s) => ({ id: s.id, name: s.name }));
    },

    async pillars(actor: Actor, clsmId: string) {
      await readable(actor, clsmId);
      return pillarsOf(db, clsmId);
    },

    // ─── Settings ──────────────────────────────────────────────────────────────────────────────────────
    async settings(actor: Actor, clsmId: string) {
      const scope = await readable(actor, clsmId);
      const settings = await repo.findSettings(db, clsmId);
      return {
        contactsVisibleToMembers: settings?.contactsVisibleToMembers ?? true,
        can: { manage: scope.manage },
      };
    },

    async updateSettings(actor: Actor, clsmId: string, input: { contactsVisibleToMembers: boolean }) {
      await manageable(actor, clsmId);
      await repo.updateSettings(db, clsmId, input);
      return { contactsVisibleToMembers: input.contactsVisibleToMembers, can: { manage: true } };
    },

    // ─── Collèges ──────────────────────────────────────────────────────────────────────────────────────
    async colleges(actor: Actor, clsmId: string) {
      const scope = await readable(actor, clsmId);
      const items = await repo.listColleges(db, clsmId);
      return {
        items: items.map((c) => ({ ...c, pillar: c.pillar as Pillar | null })),
        can: { manage: scope.manage },
      };
    },

    async createCollege(actor: Actor, clsmId: string, input: z.infer<typeof createCollegeBody>) {
      await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        const position = await repo.nextCollegePosition(tx, clsmId);
        const [row] = await repo.insertColleges(tx, [
          { clsmId, name: input.name, pillar: input.pillar, position },
        ]);
        if (!row) throw new Error("college insert returned nothing");
        return collegeOut(tx, clsmId, row.id);
      });
    },

    async updateCollege(actor: Actor, clsmId: string, id: string, input: z.infer<typeof updateCollegeBody>) {
      await manageable(actor, clsmId);
      if (!(await repo.findCollege(db, clsmId, id))) throw notFound(m.collegeNotFound);
      const values = withoutUndefined(input);
      if (Object.keys(values).length) await repo.updateCollege(db, clsmId, id, values);
      return collegeOut(db, clsmId, id);
    },

    async deleteCollege(actor: Actor, clsmId: string, id: string) {
      await manageable(actor, clsmId);
      await db.transaction(async (tx) => {
        if (!(await repo.findCollege(tx, clsmId, id))) throw notFound(m.collegeNotFound);
        const used = await repo.collegeUsage(tx, id);
        if (used > 0) throw conflict(m.collegeNotEmpty(used));
        await repo.deleteCollege(tx, clsmId, id);
      });
    },

    async orderColleges(actor: Actor, clsmId: string, input: z.infer<typeof orderCollegesBody>) {
      const scope = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        const existing = await repo.listColleges(tx, clsmId);
        const ids = new Set(input.ids);
        if (
          ids.size !== input.ids.length ||
          ids.size !== existing.length ||
          existing.some((c) => !ids.has(c.id))
        )
          throw badRequest(m.collegeOrderMismatch, { ids: m.collegeOrderMismatch });
        await repo.reorderColleges(tx, clsmId, input.ids);
        const items = await repo.listColleges(tx, clsmId);
        return {
          items: items.map((c) => ({ ...c, pillar: c.pillar as Pillar | null })),
          can: { manage: scope.manage },
        };
      });
    },

    // ─── Structures ────────────────────────────────────────────────────────────────────────────────────
    async structures(actor: Actor, clsmId: string, query: StructureListQuery) {
      const scope = await readable(actor, clsmId);
      const { items, total } = await repo.listStructures(db, clsmId, query);
      return {
        total,
        items: items.map((s) => ({
          ...s,
          type: s.type as StructureType,
          updatedAt: s.updatedAt.toISOString(),
        })),
        can: { manage: scope.manage },
      };
    },

    async structure(actor: Actor, clsmId: string, id: string) {
      return structureDetail(db, await readable(actor, clsmId), id);
    },

    async createStructure(actor: Actor, clsmId: string, input: CreateStructureBody) {
      const scope = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        await assertCollege(tx, clsmId, input.collegeId, "collegeId");
        const values = structureValues(input);
        const row = await repo.insertStructure(tx, {
          ...values,
          clsmId,
          name: input.name,
          type: input.type,
          searchKey: repo.structureSearchKey({ name: input.name, communeName: values.communeName ?? null }),
          updatedBy: actor.userId,
        });
        return structureDetail(tx, scope, row.id);
      });
    },

    async updateStructure(actor: Actor, clsmId: string, id: string, input: UpdateStructureBody) {
      const scope = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        const found = await repo.findStructure(tx, clsmId, id);
        if (!found) throw notFound(m.structureNotFound);
        await assertCollege(tx, clsmId, input.collegeId, "collegeId");
        const values = structureValues(input);
        const next = { ...found.structure, ...values };
        await repo.updateStructure(tx, clsmId, id, {
          ...values,
          searchKey: repo.structureSearchKey(next),
          updatedBy: actor.userId,
        });
        if (values.name !== undefined || values.communeName !== undefined)
          await repo.refreshPersonSearchKeys(tx, await repo.peopleOfStructure(tx, id));
        return structureDetail(tx, scope, id);
      });
    },

    async deleteStructure(actor: Actor, clsmId: string, id: string) {
      await manageable(actor, clsmId);
      await db.transaction(async (tx) => {
        if (!(await repo.findStructure(tx, clsmId, id))) throw notFound(m.structureNotFound);
        const people = await repo.peopleOfStructure(tx, id);
        await repo.deleteStructure(tx, clsmId, id); // roles keep their history: structure_id set null
        await repo.refreshPersonSearchKeys(tx, people);
      });
    },

    async mergeStructures(actor: Actor, clsmId: string, id: string, otherId: string) {
      const scope = await manageable(actor, clsmId);
      if (id === otherId) throw badRequest(m.mergeWithItself, { otherId: m.mergeWithItself });
      return db.transaction(async (tx) => {
        const [kept, other] = await Promise.all([
          repo.findStructure(tx, clsmId, id),
          repo.findStructure(tx, clsmId, otherId),
        ]);
        if (!kept) throw notFound(m.structureNotFound);
        if (!other) throw badRequest(m.unknownStructure, { otherId: m.unknownStructure });
        const k = kept.structure;
        const o = other.structure;
        const fill = {
          collegeId: k.collegeId ?? o.collegeId,
          address: k.address ?? o.address,
          postalCode: k.postalCode ?? o.postalCode,
          communeCode: k.communeCode ?? o.communeCode,
          communeName: k.communeName ?? o.communeName,
          phone: k.phone ?? o.phone,
          email: k.email ?? o.email,
          website: k.website ?? o.website,
          siret: k.siret ?? o.siret,
          finess: k.finess ?? o.finess,
          notes: k.notes ?? o.notes,
        };
        await repo.moveStructureRoles(tx, otherId, id);
        await repo.deleteStructure(tx, clsmId, otherId);
        await repo.updateStructure(tx, clsmId, id, {
          ...fill,
          searchKey: repo.structureSearchKey({ name: k.name, communeName: fill.communeName }),
          updatedBy: actor.userId,
        });
        await repo.refreshPersonSearchKeys(tx, await repo.peopleOfStructure(tx, id));
        return structureDetail(tx, scope, id);
      });
    },

    // ─── People ────────────────────────────────────────────────────────────────────────────────────────
    async people(actor: Actor, clsmId: string, query: PersonListQuery) {
      const scope = await readable(actor, clsmId);
      const { instanceId, ...filters } = query;
      const { items, total } = await repo.listPeople(db, clsmId, {
        ...filters,
        ids: instanceId ? await instanceMembers(scope, instanceId) : undefined,
        searchEmails: scope.contactsVisible,
      });
      return {
        total,
        items: items.map((p) => personItem(p, scope)),
        contactsVisible: scope.contactsVisible,
        can: { manage: scope.manage },
      };
    },

    async person(actor: Actor, clsmId: string, id: string) {
      return personDetail(db, await readable(actor, clsmId), id);
    },

    async createPerson(actor: Actor, clsmId: string, input: CreatePersonBody) {
      const scope = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        const college = await assertCollege(tx, clsmId, input.collegeId, "collegeId");
        const email = cleared(input.email) ?? null;
        await assertEmailFree(tx, clsmId, email);
        const row = await repo.insertPerson(tx, {
          clsmId,
          civility: input.civility ?? null,
          firstName: input.firstName,
          lastName: input.lastName,
          email,
          phone: cleared(input.phone) ?? null,
          collegeId: college?.id ?? null,
          pillar: input.pillar !== undefined ? input.pillar : (college?.pillar ?? null),
          consentToContact: input.consentToContact,
          consentDate: input.consentDate ?? null,
          source: input.source,
          notes: cleared(input.notes) ?? null,
          searchKey: searchKey(`${input.firstName} ${input.lastName}`),
          updatedBy: actor.userId,
        });
        if (input.role) await openRole(tx, clsmId, row.id, { ...input.role }, "role.");
        await repo.refreshPersonSearchKeys(tx, [row.id]);
        return personDetail(tx, scope, row.id);
      });
    },

    async updatePerson(actor: Actor, clsmId: string, id: string, input: UpdatePersonBody) {
      const scope = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        if (!(await repo.findPerson(tx, clsmId, id))) throw notFound(m.personNotFound);
        const college = await assertCollege(tx, clsmId, input.collegeId, "collegeId");
        const email = cleared(input.email);
        await assertEmailFree(tx, clsmId, email, id);
        const pillar =
          input.pillar !== undefined
            ? input.pillar
            : input.collegeId !== undefined
              ? (college?.pillar ?? null)
              : undefined;
        await repo.updatePerson(
          tx,
          clsmId,
          id,
          withoutUndefined({
            civility: input.civility,
            firstName: input.firstName,
            lastName: input.lastName,
            email,
            phone: cleared(input.phone),
            collegeId: input.collegeId,
            pillar,
            consentToContact: input.consentToContact,
            consentDate: input.consentDate,
            source: input.source,
            notes: cleared(input.notes),
            updatedBy: actor.userId,
          }),
        );
        await repo.refreshPersonSearchKeys(tx, [id]);
        return personDetail(tx, scope, id);
      });
    },

    async deletePerson(actor: Actor, clsmId: string, id: string) {
      await manageable(actor, clsmId);
      await db.transaction(async (tx) => {
        if (!(await repo.findPerson(tx, clsmId, id))) throw notFound(m.personNotFound);
        await repo.deletePerson(tx, clsmId, id); // roles go with it (cascade)
      });
    },

    async addRole(
      actor: Actor,
      clsmId: string,
      personId: string,
      input: { function: string; structureId: string | null; startDate?: string },
    ) {
      const scope = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        if (!(await repo.findPerson(tx, clsmId, personId))) throw notFound(m.personNotFound);
        await openRole(tx, clsmId, personId, input, "");
        await repo.updatePerson(tx, clsmId, personId, { updatedBy: actor.userId });
        await repo.refreshPersonSearchKeys(tx, [personId]);
        return personDetail(tx, scope, personId);
      });
    },

    async updateRole(
      actor: Actor,
      clsmId: string,
      personId: string,
      roleId: string,
      input: z.infer<typeof updateRoleBody>,
    ) {
      const scope = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        if (!(await repo.findPerson(tx, clsmId, personId))) throw notFound(m.personNotFound);
        const role = await repo.findRole(tx, personId, roleId);
        if (!role) throw notFound(m.roleNotFound);
        await assertStructure(tx, clsmId, input.structureId, "structureId");
        const startDate = input.startDate ?? role.startDate;
        const endDate = input.endDate !== undefined ? input.endDate : role.endDate;
        if (endDate && endDate < startDate)
          throw badRequest(m.roleEndsBeforeStart, { endDate: m.roleEndsBeforeStart });
        await repo.updateRole(tx, roleId, withoutUndefined(input));
        await repo.updatePerson(tx, clsmId, personId, { updatedBy: actor.userId });
        await repo.refreshPersonSearchKeys(tx, [personId]);
        return personDetail(tx, scope, personId);
      });
    },

    async deleteRole(actor: Actor, clsmId: string, personId: string, roleId: string) {
      await manageable(actor, clsmId);
      await db.transaction(async (tx) => {
        if (!(await repo.findPerson(tx, clsmId, personId))) throw notFound(m.personNotFound);
        if (!(await repo.findRole(tx, personId, roleId))) throw notFound(m.roleNotFound);
        await repo.deleteRole(tx, roleId);
        await repo.refreshPersonSearchKeys(tx, [personId]);
      });
    },

    async mergePeople(actor: Actor, clsmId: string, id: string, otherId: string) {
      const scope = await manageable(actor, clsmId);
      if (id === otherId) throw badRequest(m.mergeWithItself, { otherId: m.mergeWithItself });
      return db.transaction(async (tx) => {
        const [k, o] = await Promise.all([
          repo.findPerson(tx, clsmId, id),
          repo.findPerson(tx, clsmId, otherId),
        ]);
        if (!k) throw notFound(m.personNotFound);
        if (!o) throw badRequest(m.personNotFound, { otherId: m.personNotFound });
        const takeConsent = !k.consentToContact && o.consentToContact;
        const fill = {
          civility: k.civility ?? o.civility,
          email: k.email ?? o.email,
          phone: k.phone ?? o.phone,
          collegeId: k.collegeId ?? o.collegeId,
          pillar: k.pillar ?? o.pillar,
          consentToContact: k.consentToContact || o.consentToContact,
          consentDate: takeConsent ? o.consentDate : (k.consentDate ?? o.consentDate),
          notes: k.notes ?? o.notes,
          updatedBy: actor.userId,
        };
        await repo.moveRoles(tx, otherId, id);
        for (const link of links) await link.movePerson(tx, clsmId, otherId, id);
        await repo.deletePerson(tx, clsmId, otherId); // frees its e-mail before the kept record takes it
        await repo.updatePerson(tx, clsmId, id, fill);
        await repo.refreshPersonSearchKeys(tx, [id]);
        return personDetail(tx, scope, id);
      });
    },

    async exportPerson(actor: Actor, clsmId: string, id: string): Promise<PersonExport> {
      const scope = await manageable(actor, clsmId);
      const person = await repo.findPerson(db, clsmId, id);
      if (!person) throw notFound(m.personNotFound);
      const [roles, college] = await Promise.all([
        repo.rolesOf(db, id),
        person.collegeId ? repo.findCollege(db, clsmId, person.collegeId) : undefined,
      ]);
      return {
        exportedAt: new Date().toISOString(),
        clsm: { id: scope.clsm.id, name: scope.clsm.name },
        person: {
          id: person.id,
          civility: person.civility as Civility | null,
          firstName: person.firstName,
          lastName: person.lastName,
          email: person.email,
          phone: person.phone,
          college: college?.name ?? null,
          pillar: person.pillar as Pillar | null,
          consentToContact: person.consentToContact,
          consentDate: person.consentDate,
          source: person.source as PersonSource,
          notes: person.notes,
          createdAt: person.createdAt.toISOString(),
          updatedAt: person.updatedAt.toISOString(),
          anonymisedAt: person.anonymisedAt?.toISOString() ?? null,
        },
        roles: roles.map((r) => ({
          id: r.id,
          function: r.function,
          structureId: r.structureId,
          structureName: r.structureName,
          startDate: r.startDate,
          endDate: r.endDate,
        })),
        instances: [],
        meetings: [],
        followUps: [],
        surveys: [],
        ...Object.assign({}, ...(await Promise.all(links.map((l) => l.exportPerson(db, clsmId, id))))),
        notice: m.exportNotice,
      };
    },

    async anonymisePerson(actor: Actor, clsmId: string, id: string) {
      const scope = await manageable(actor, clsmId);
      return db.transaction(async (tx) => {
        if (!(await repo.findPerson(tx, clsmId, id))) throw notFound(m.personNotFound);
        await repo.updatePerson(tx, clsmId, id, {
          civility: null,
          firstName: "",
          lastName: m.anonymisedName,
          email: null,
          phone: null,
          notes: null,
          consentToContact: false,
          consentDate: null,
          importId: null,
          anonymisedAt: new Date(),
          updatedBy: actor.userId,
        });
        await repo.refreshPersonSearchKeys(tx, [id]);
        return { person: await personDetail(tx, scope, id), notice: anonymisationNotice };
      });
    },
  };
}
