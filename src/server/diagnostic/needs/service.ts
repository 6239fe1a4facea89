import type {
  CreateLinkBody,
  CreateNeedBody,
  CreateResourceBody,
  NeedDetail,
  NeedItem,
  NeedListQuery,
  NeedsSummary,
  ResourceDetail,
  ResourceItem,
  ResourceKind,
  ResourceListQuery,
  UpdateNeedBody,
  UpdateResourceBody,
} from "../../../contracts/diagnostic-needs";
import { type Objective, objectives } from "../../../contracts/objectives";
import type { DirectoryService } from "../../directory/service";
import type { MeetingAccess } from "../../meetings/access";
import type { Actor } from "../../platform/access";
import type { Db } from "../../platform/db";
import { badRequest, notFound } from "../../platform/errors";
import type { DiagnosticAccess } from "../access";
import { createLinks, type LinkReader } from "./links";
import { needsMessages as m } from "./messages";
import * as repo from "./repo";

export type NeedsService = ReturnType<typeof createNeedsService>;

/** A clearable text: undefined = unchanged, blank or null = cleared. */
const cleared = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v : null);

type Owner = "need" | "resource";

/**
 * The needs (constats) and resources of a CLSM's diagnostic, their links to surveys and meetings, and the count
 * per objective. Whoever reads the CLSM reads them; the coordination changes them (diagnostic/access).
 */
export function createNeedsService(deps: {
  db: Db;
  access: DiagnosticAccess;
  directory: DirectoryService;
  meetingAccess: MeetingAccess;
}) {
  const { db, access, directory } = deps;
  const links = createLinks({ meetingAccess: deps.meetingAccess });

  const needItem = (row: repo.NeedRow, linkCount: number): NeedItem => ({
    id: row.id,
    title: row.title,
    description: row.description,
    theme: row.theme,
    audience: row.audience,
    territoryPart: row.territoryPart,
    source: row.source,
    evidence: row.evidence,
    objectives: row.objectives as Objective[],
    linkCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });

  const resourceItem = (
    row: repo.ResourceRow,
    structures: Map<string, string>,
    linkCount: number,
  ): ResourceItem => {
    const structureName = row.structureId ? structures.get(row.structureId) : undefined;
    return {
      id: row.id,
      title: row.title,
      kind: row.kind as ResourceKind,
      structure: row.structureId && structureName ? { id: row.structureId, name: structureName } : null,
      description: row.description,
      audience: row.audience,
      territoryPart: row.territoryPart,
      objectives: row.objectives as Objective[],
      linkCount,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  };

  /** The directory's names of the resources' structures, in one read. */
  async function structureNames(tx: Db, clsmId: string, rows: repo.ResourceRow[]) {
    const ids = rows.flatMap((r) => (r.structureId ? [r.structureId] : []));
    const found = ids.length ? await directory.structureNames(tx, clsmId, ids) : [];
    return new Map(found.map((s) => [s.id, s.name]));
  }

  async function assertStructure(tx: Db, clsmId: string, structureId: string | null | undefined) {
    if (!structureId) return;
    if (!(await directory.structureNames(tx, clsmId, [structureId])).length)
      throw badRequest(m.unknownStructure, { structureId: m.unknownStructure });
  }

  async function foundNeed(tx: Db, clsmId: string, id: string, forUpdate = false) {
    const row = await repo.findNeed(tx, clsmId, id, forUpdate);
    if (!row) throw notFound(m.needNotFound);
    return row;
  }

  async function foundResource(tx: Db, clsmId: string, id: string, forUpdate = false) {
    const row = await repo.findResource(tx, clsmId, id, forUpdate);
    if (!row) throw notFound(m.resourceNotFound);
    return row;
  }

  async function needDetail(tx: Db, reader: LinkReader, id: string): Promise<NeedDetail> {
    const row = await foundNeed(tx, reader.clsmId, id);
    const linked = (await links.byOwner(tx, reader, "need", [id])).get(id) ?? [];
    return { ...needItem(row, linked.length), links: linked, can: { manage: reader.manage } };
  }

  async function resourceDetail(tx: Db, reader: LinkReader, id: string): Promise<ResourceDetail> {
    const row = await foundResource(tx, reader.clsmId, id);
    const [names, linked] = await Promise.all([
      structureNames(tx, reader.clsmId, [row]),
      links.byOwner(tx, reader, "resource", [id]).then((g) => g.get(id) ?? []),
    ]);
    return { ...resourceItem(row, names, linked.length), links: linked, can: { manage: reader.manage } };
  }

  async function summaryOf(tx: Db, clsmId: string): Promise<NeedsSummary> {
    const [rows, total] = await Promise.all([repo.countsByObjective(tx, clsmId), repo.totals(tx, clsmId)]);
    const countOf = (kind: Owner, objective: string) =>
      rows.find((r) => r.kind === kind && r.objective === objective)?.n ?? 0;
    return {
      objectives: objectives.map((objective) => ({
        objective,
        needs: countOf("need", objective),
        resources: countOf("resource", objective),
      })),
      untagged: { needs: countOf("need", ""), resources: countOf("resource", "") },
      total,
    };
  }

  return {
    // ─── For the diagnostic page, which checked the reader's access itself ──────────────────────────
    /** Every need of the CLSM with its links as this reader sees them, by title. */
    async allNeedsFor(tx: Db, reader: LinkReader) {
      const rows = await repo.allNeeds(tx, reader.clsmId);
      const linked = await links.byOwner(
        tx,
        reader,
        "need",
        rows.map((r) => r.id),
      );
      return rows.map((row) => {
        const own = linked.get(row.id) ?? [];
        return { ...needItem(row, own.length), links: own };
      });
    },

    /** Every resource of the CLSM with its structure and links as this reader sees them, by title. */
    async allResourcesFor(tx: Db, reader: LinkReader) {
      const rows = await repo.allResources(tx, reader.clsmId);
      const [names, linked] = await Promise.all([
        structureNames(tx, reader.clsmId, rows),
        links.byOwner(
          tx,
          reader,
          "resource",
          rows.map((r) => r.id),
        ),
      ]);
      return rows.map((row) => {
        const own = linked.get(row.id) ?? [];
        return { ...resourceItem(row, names, own.length), links: own };
      });
    },

    /** Needs and resources per objective. */
    summaryFor: summaryOf,

    // ─── Needs ────────────────────────────────────────────────────────────────────────────────────────
    async listNeeds(actor: Actor, clsmId: string, query: NeedListQuery) {
      const reader = await access.reader(actor, clsmId);
      const [{ items, total }, themes] = await Promise.all([
        repo.listNeeds(db, clsmId, query),
        repo.needThemes(db, clsmId),
      ]);
      const counts = await links.countByOwner(
        db,
        reader,
        "need",
        items.map((r) => r.id),
      );
      return {
        items: items.map((row) => needItem(row, counts.get(row.id) ?? 0)),
        total,
        themes,
        can: { manage: reader.manage },
      };
    },

    async getNeed(actor: Actor, clsmId: string, id: string) {
      return needDetail(db, await access.reader(actor, clsmId), id);
    },

    async createNeed(actor: Actor, clsmId: string, input: CreateNeedBody) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const id = await repo.insertNeed(tx, {
          clsmId,
          title: input.title,
          description: cleared(input.description) ?? null,
          theme: cleared(input.theme) ?? null,
          audience: cleared(input.audience) ?? null,
          territoryPart: cleared(input.territoryPart) ?? null,
          source: cleared(input.source) ?? null,
          evidence: cleared(input.evidence) ?? null,
          objectives: input.objectives,
          createdBy: actor.userId,
        });
        return needDetail(tx, reader, id);
      });
    },

    async updateNeed(actor: Actor, clsmId: string, id: string, input: UpdateNeedBody) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await foundNeed(tx, clsmId, id, true);
        await repo.updateNeed(tx, id, {
          title: input.title,
          description: cleared(input.description),
          theme: cleared(input.theme),
          audience: cleared(input.audience),
          territoryPart: cleared(input.territoryPart),
          source: cleared(input.source),
          evidence: cleared(input.evidence),
          objectives: input.objectives,
        });
        return needDetail(tx, reader, id);
      });
    },

    async removeNeed(actor: Actor, clsmId: string, id: string) {
      await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        await foundNeed(tx, clsmId, id, true);
        await repo.deleteNeed(tx, id);
      });
    },

    // ─── Resources ────────────────────────────────────────────────────────────────────────────────────
    async listResources(actor: Actor, clsmId: string, query: ResourceListQuery) {
      const reader = await access.reader(actor, clsmId);
      const { items, total } = await repo.listResources(db, clsmId, query);
      const [names, counts] = await Promise.all([
        structureNames(db, clsmId, items),
        links.countByOwner(
          db,
          reader,
          "resource",
          items.map((r) => r.id),
        ),
      ]);
      return {
        items: items.map((row) => resourceItem(row, names, counts.get(row.id) ?? 0)),
        total,
        can: { manage: reader.manage },
      };
    },

    async getResource(actor: Actor, clsmId: string, id: string) {
      return resourceDetail(db, await access.reader(actor, clsmId), id);
    },

    async createResource(actor: Actor, clsmId: string, input: CreateResourceBody) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await assertStructure(tx, clsmId, input.structureId);
        const id = await repo.insertResource(tx, {
          clsmId,
          title: input.title,
          kind: input.kind,
          structureId: input.structureId ?? null,
          description: cleared(input.description) ?? null,
          audience: cleared(input.audience) ?? null,
          territoryPart: cleared(input.territoryPart) ?? null,
          objectives: input.objectives,
          createdBy: actor.userId,
        });
        return resourceDetail(tx, reader, id);
      });
    },

    async updateResource(actor: Actor, clsmId: string, id: string, input: UpdateResourceBody) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        await foundResource(tx, clsmId, id, true);
        await assertStructure(tx, clsmId, input.structureId);
        await repo.updateResource(tx, id, {
          title: input.title,
          kind: input.kind,
          structureId: input.structureId,
          description: cleared(input.description),
          audience: cleared(input.audience),
          territoryPart: cleared(input.territoryPart),
          objectives: input.objectives,
        });
        return resourceDetail(tx, reader, id);
      });
    },

    async removeResource(actor: Actor, clsmId: string, id: string) {
      await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        await foundResource(tx, clsmId, id, true);
        await repo.deleteResource(tx, id);
      });
    },

    // ─── Links and summary ────────────────────────────────────────────────────────────────────────────
    /** Links a need or a resource to a survey (or one of its questions) or a meeting; linking twice keeps one. */
    async addLink(actor: Actor, clsmId: string, owner: Owner, ownerId: string, input: CreateLinkBody) {
      const reader = await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        // Locking the owner makes two identical requests at once add one link.
        if (owner === "need") await foundNeed(tx, clsmId, ownerId, true);
        else await foundResource(tx, clsmId, ownerId, true);
        const target = await links.checkedTarget(tx, reader, input);
        const ownerRef = owner === "need" ? { needId: ownerId } : { resourceId: ownerId };
        const row =
          (await repo.findSameLink(tx, ownerRef, target)) ??
          (await repo.insertLink(tx, { clsmId, ...ownerRef, ...target }));
        const [described] = await links.describe(tx, reader, [row]);
        if (!described) throw new Error("a link just checked could not be described");
        return described.link;
      });
    },

    async removeLink(actor: Actor, clsmId: string, linkId: string) {
      await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        if (!(await repo.findLink(tx, clsmId, linkId))) throw notFound(m.linkNotFound);
        await repo.deleteLink(tx, linkId);
      });
    },

    async summary(actor: Actor, clsmId: string) {
      await access.reader(actor, clsmId);
      return summaryOf(db, clsmId);
    },
  };
}
