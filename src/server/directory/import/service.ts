import { randomUUID } from "node:crypto";
import type {
  decisionsBody,
  ImportDetail,
  ImportMapping,
  ImportPreview,
  ImportSummary,
  importPreviewQuery,
} from "../../../contracts/directory-import";
import type { z } from "../../../contracts/zod";
import type { Actor } from "../../platform/access";
import { parisToday } from "../../platform/dates";
import type { Db } from "../../platform/db";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { messages } from "../../platform/messages";
import { searchKey } from "../../territory/normalize";
import type { directoryImportUpdate } from "../import-tables";
import type { DirectoryService } from "../service";
import { fieldLabels, guessMapping } from "./mapping";
import { parseSpreadsheet } from "./parse";
import { type PlannedRow, planImport } from "./plan";
import * as repo from "./repo";
import { collegeAliases } from "./validate";

/** A draft (rows of a file not imported yet) is kept this long, then dropped at the CLSM's next upload. */
export const DRAFT_RETENTION_DAYS = 7;
/** Rows of the file written per batch at commit (progress is reported after each batch). */
export const COMMIT_BATCH = 500;

export type DirectoryImportService = ReturnType<typeof createDirectoryImportService>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(row: repo.ImportSummaryRow): ImportSummary {
  return {
    id: row.id,
    fileName: row.fileName,
    kind: row.kind as "csv" | "xlsx",
    status: row.status as ImportSummary["status"],
    createdBy: { id: row.createdById, name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
    committedAt: iso(row.committedAt),
    undoneAt: iso(row.undoneAt),
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    skippedCount: row.skippedCount,
  };
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return true;
  }
  return false;
}

const civilityOf = (s: string | null) => {
  const k = searchKey(s ?? "");
  if (["mme", "madame", "mlle", "mademoiselle"].includes(k)) return "madame";
  if (["m", "mr", "monsieur"].includes(k)) return "monsieur";
  return null;
};

/** The date of today in Europe/Paris (a role's start date). */

export function createDirectoryImportService(deps: { db: Db; directory: DirectoryService }) {
  const { db, directory } = deps;

  /**
   * 404 if the actor may not read the CLSM, 403 if they may not manage it (the directory's own rules, which
   * also create the default collèges on first use).
   */
  async function manageable(actor: Actor, clsmId: string) {
    const { can } = await directory.colleges(actor, clsmId);
    if (!can.manage) throw forbidden();
  }

  async function draft(tx: Db, clsmId: string, importId: string, lock = false) {
    const row = await repo.findImport(tx, clsmId, importId, lock);
    if (!row) throw notFound(messages.importNotFound);
    return row;
  }

  async function plan(tx: Db, row: repo.ImportRow) {
    const [colleges, existing] = await Promise.all([
      repo.colleges(tx, row.clsmId),
      repo.peopleForMatching(tx, row.clsmId),
    ]);
    return {
      colleges,
      rows: planImport({
        rows: row.rows,
        mapping: row.mapping as ImportMapping,
        collegeNames: colleges.map((c) => c.name),
        existing,
        decisions: row.decisions,
      }),
    };
  }

  async function detail(clsmId: string, importId: string): Promise<ImportDetail> {
    const row = await repo.findImportSummary(db, clsmId, importId);
    if (!row) throw notFound(messages.importNotFound);
    return { ...summary(row), headers: row.headers, mapping: row.mapping as ImportMapping };
  }

  return {
    async upload(
      actor: Actor,
      clsmId: string,
      fileName: string | undefined,
      bytes: Uint8Array,
    ): Promise<ImportDetail> {
      await manageable(actor, clsmId);
      if (!fileName) {
        throw badRequest(messages.importMissingFileName, { fileName: messages.importMissingFileName });
      }
      const sheet = await parseSpreadsheet(bytes, fileName);
      await repo.deleteStaleDrafts(db, clsmId, DRAFT_RETENTION_DAYS);
      const { id } = await repo.insertImport(db, {
        clsmId,
        createdBy: actor.userId,
        fileName,
        kind: sheet.kind,
        headers: sheet.headers,
        rows: sheet.rows,
        mapping: guessMapping(sheet.headers),
        totalRows: sheet.rows.length,
      });
      return detail(clsmId, id);
    },

    async list(actor: Actor, clsmId: string, page: { limit: number; offset: number }) {
      await manageable(actor, clsmId);
      const { items, total } = await repo.listImports(db, clsmId, page.limit, page.offset);
      return { items: items.map(summary), total };
    },

    async get(actor: Actor, clsmId: string, importId: string) {
      await manageable(actor, clsmId);
      return detail(clsmId, importId);
    },

    async setMapping(actor: Actor, clsmId: string, importId: string, mapping: ImportMapping) {
      await manageable(actor, clsmId);
      const row = await draft(db, clsmId, importId);
      if (row.status !== "draft") throw conflict(messages.importNotDraft);
      if (mapping.length !== row.headers.length) {
        const message = `Indiquez un champ (ou rien) pour chacune des ${row.headers.length} colonnes.`;
        throw badRequest(message, { mapping: message });
      }
      const seen = new Set<string>();
      for (const field of mapping) {
        if (!field) continue;
        if (seen.has(field)) {
          const message = messages.importMappingDuplicate(fieldLabels[field]);
          throw badRequest(message, { mapping: message });
        }
        seen.add(field);
      }
      if (!seen.has("lastName") && !seen.has("fullName")) {
        throw badRequest(messages.importMappingNeedsName, { mapping: messages.importMappingNeedsName });
      }
      await repo.updateImport(db, importId, { mapping });
      return detail(clsmId, importId);
    },

    async preview(
      actor: Actor,
      clsmId: string,
      importId: string,
      query: z.infer<typeof importPreviewQuery>,
    ): Promise<ImportPreview> {
      await manageable(actor, clsmId);
      const row = await draft(db, clsmId, importId);
      const planned = (await plan(db, row)).rows;
      const selected = planned.filter((r) =>
        query.only === "problems"
          ? r.problems.length > 0
          : query.only === "duplicates"
            ? !!r.duplicate
            : true,
      );
      const mapping = row.mapping as ImportMapping;
      return {
        items: selected.slice(query.offset, query.offset + query.limit).map((r) => ({
          line: r.record.index + 2,
          index: r.record.index,
          values: Object.fromEntries(
            mapping.flatMap((f, i) => (f ? [[f, row.rows[r.record.index]?.[i] ?? ""]] : [])),
          ),
          problems: r.problems,
          duplicate: r.duplicate,
        })),
        total: selected.length,
        counts: {
          rows: planned.length,
          errors: planned.filter((r) => r.problems.length > 0).length,
          duplicates: planned.filter((r) => r.duplicate).length,
          ready: planned.filter((r) => r.action !== "skip").length,
        },
      };
    },

    async setDecisions(
      actor: Actor,
      clsmId: string,
      importId: string,
      body: z.infer<typeof decisionsBody>,
    ): Promise<{ ok: true }> {
      await manageable(actor, clsmId);
      await db.transaction(async (tx) => {
        const row = await draft(tx, clsmId, importId, true);
        if (row.status !== "draft") throw conflict(messages.importNotDraft);
        const planned = (await plan(tx, row)).rows;
        const decisions = { ...row.decisions };
        for (const { index, decision } of body.decisions) {
          const duplicate = planned[index]?.duplicate;
          if (!duplicate) {
            const message = `La ligne ${index + 2} n'est pas un doublon.`;
            throw badRequest(message, { decisions: message });
          }
          if (decision === "create" && !duplicate.canCreate) {
            const message = `Ligne ${index + 2} : une fiche a déjà ce courriel ; choisissez « ignorer » ou « mettre à jour ».`;
            throw badRequest(message, { decisions: message });
          }
          if (decision === "update" && !duplicate.personId) {
            const message = `Ligne ${index + 2} : un doublon dans le fichier ne peut être qu'ignoré ou créé.`;
            throw badRequest(message, { decisions: message });
          }
          decisions[String(index)] = decision;
        }
        await repo.updateImport(tx, importId, { decisions });
      });
      return { ok: true };
    },

    /** 404, 403 or 409 now, before a caller starts streaming the commit's progress (checked again inside). */
    async committable(actor: Actor, clsmId: string, importId: string): Promise<void> {
      await manageable(actor, clsmId);
      if ((await detail(clsmId, importId)).status !== "draft") throw conflict(messages.importNotDraft);
    },

    /**
     * Writes the whole import in one transaction: a failure anywhere changes nothing. The file's rows are written
     * in batches; `onProgress` is told after each one how many rows are done.
     */
    async commit(
      actor: Actor,
      clsmId: string,
      importId: string,
      onProgress?: (done: number, total: number) => void,
    ): Promise<ImportDetail> {
      await manageable(actor, clsmId);
      await db
        .transaction(async (tx) => {
          const row = await draft(tx, clsmId, importId, true);
          if (row.status !== "draft") throw conflict(messages.importNotDraft);
          const now = new Date();
          const { rows: planned, colleges } = await plan(tx, row);
          const collegeByKey = new Map<string, (typeof colleges)[number]>();
          // Exact names first, so that an alias never hides a collège of that very name.
          for (const c of colleges) for (const k of collegeAliases(c.name).slice(1)) collegeByKey.set(k, c);
          for (const c of colleges) collegeByKey.set(searchKey(c.name), c);
          const todo = planned.filter((r) => r.action !== "skip");

          // Structures named in the file that the directory does not have yet.
          const structureIds = new Map(
            (await repo.structures(tx, clsmId)).map((s) => [searchKey(s.name), s.id]),
          );
          const missing = new Map<string, PlannedRow["record"]>();
          for (const r of todo) {
            const name = r.record.structure;
            if (name && !structureIds.has(searchKey(name)) && !missing.has(searchKey(name)))
              missing.set(searchKey(name), r.record);
          }
          const created = await repo.insertStructures(
            tx,
            [...missing.values()].map((r) => ({
              clsmId,
              name: r.structure as string,
              type: "autre",
              postalCode: r.postalCode,
              communeName: r.commune,
              searchKey: searchKey(`${r.structure} ${r.commune ?? ""}`),
              importId,
              updatedBy: actor.userId,
              createdAt: now,
              updatedAt: now,
            })),
          );
          for (const s of created) structureIds.set(searchKey(s.name), s.id);

          const personKey = (r: PlannedRow["record"]) =>
            searchKey(
              [
                r.firstName,
                r.lastName,
                r.email ?? "",
                r.function ?? "",
                r.structure ?? "",
                r.commune ?? "",
              ].join(" "),
            );
          const roleOf = (personId: string, r: PlannedRow["record"]) =>
            r.structure || r.function
              ? [
                  {
                    clsmId,
                    personId,
                    structureId: r.structure ? (structureIds.get(searchKey(r.structure)) ?? null) : null,
                    function: r.function ?? "Non renseignée",
                    startDate: parisToday(),
                    createdAt: now,
                    updatedAt: now,
                  },
                ]
              : [];

          const newPerson = (r: PlannedRow["record"]) => {
            const college = r.college ? collegeByKey.get(searchKey(r.college)) : undefined;
            return {
              id: randomUUID(),
              clsmId,
              civility: civilityOf(r.civility),
              firstName: r.firstName,
              lastName: r.lastName,
              email: r.email,
              phone: r.phone,
              collegeId: college?.id ?? null,
              pillar: college?.pillar ?? null,
              source: "import",
              notes: r.notes,
              searchKey: personKey(r),
              importId,
              updatedBy: actor.userId,
              createdAt: now,
              updatedAt: now,
            };
          };

          // People to update, read once; the file's non-empty values win, previous values are kept for undo.
          const previous = new Map(
            (
              await repo.peopleByIds(
                tx,
                clsmId,
                todo.flatMap((r) =>
                  r.action === "update" && r.duplicate?.personId ? [r.duplicate.personId] : [],
                ),
              )
            ).map((p) => [p.id, p]),
          );
          const patched = new Set<string>();
          let createdCount = 0;

          // The file's rows in batches, each written in a few statements, with progress after each batch.
          for (let start = 0; start < planned.length; start += COMMIT_BATCH) {
            const batch = planned.slice(start, start + COMMIT_BATCH);
            const creates = batch.filter((r) => r.action === "create");
            const newPeople = creates.map((r) => newPerson(r.record));
            const roles = creates.flatMap((r, i) => roleOf(newPeople[i]?.id as string, r.record));
            const patches: repo.PersonPatch[] = [];
            const undoRows: (typeof directoryImportUpdate.$inferInsert)[] = [];
            for (const r of batch) {
              const p = r.action === "update" ? previous.get(r.duplicate?.personId as string) : undefined;
              if (!p || patched.has(p.id)) continue;
              patched.add(p.id);
              const college = r.record.college ? collegeByKey.get(searchKey(r.record.college)) : undefined;
              const added = roleOf(p.id, r.record).map((role) => ({ ...role, id: randomUUID() }));
              roles.push(...added);
              patches.push({
                id: p.id,
                civility: civilityOf(r.record.civility) ?? p.civility,
                firstName: r.record.firstName || p.firstName,
                lastName: r.record.lastName || p.lastName,
                email: r.record.email ?? p.email,
                phone: r.record.phone ?? p.phone,
                collegeId: college?.id ?? p.collegeId,
                pillar: college ? college.pillar : p.pillar,
                notes: r.record.notes ?? p.notes,
                searchKey: searchKey(`${p.searchKey} ${personKey(r.record)}`),
                updatedBy: actor.userId,
                updatedAt: now,
              });
              undoRows.push({
                importId,
                personId: p.id,
                updatedAt: now,
                previous: {
                  civility: p.civility,
                  firstName: p.firstName,
                  lastName: p.lastName,
                  email: p.email,
                  phone: p.phone,
                  collegeId: p.collegeId,
                  pillar: p.pillar,
                  notes: p.notes,
                  searchKey: p.searchKey,
                  updatedBy: p.updatedBy,
                  updatedAt: p.updatedAt.toISOString(),
                  addedRoleIds: added.map((x) => x.id),
                },
              });
            }
            await repo.insertPeople(tx, newPeople);
            await repo.updatePeople(tx, patches);
            await repo.insertRoles(tx, roles);
            await repo.insertUpdates(tx, undoRows);
            createdCount += newPeople.length;
            onProgress?.(start + batch.length, planned.length);
          }

          await repo.updateImport(tx, importId, {
            status: "committed",
            committedAt: now,
            processedRows: planned.length,
            createdCount,
            updatedCount: patched.size,
            skippedCount: planned.length - createdCount - patched.size,
            rows: [],
          });
        })
        .catch((err: unknown) => {
          // An e-mail taken meanwhile (another import or an edit committed during this one): nothing was written.
          if (isUniqueViolation(err)) throw conflict(messages.importConcurrentChange);
          throw err;
        });
      return detail(clsmId, importId);
    },

    /** Removes what the import created and restores what it updated, if nobody changed those rows since. */
    async undo(actor: Actor, clsmId: string, importId: string): Promise<ImportDetail> {
      await manageable(actor, clsmId);
      await db.transaction(async (tx) => {
        const row = await draft(tx, clsmId, importId, true);
        if (row.status !== "committed" || !row.committedAt) throw conflict(messages.importNotCommitted);
        const committedAt = row.committedAt;
        const updates = await repo.updatesOf(tx, importId);
        const current = await repo.peopleByIds(
          tx,
          clsmId,
          updates.map((u) => u.personId),
        );
        const changed =
          current.some(
            (p) => p.updatedAt.getTime() !== updates.find((u) => u.personId === p.id)?.updatedAt.getTime(),
          ) ||
          current.length !== updates.length ||
          (await repo.editedSince(tx, clsmId, importId, committedAt)) > 0;
        if (changed) throw conflict(messages.importEditedSince);
        await repo.deleteRoles(
          tx,
          updates.flatMap((u) => (u.previous.addedRoleIds as string[] | undefined) ?? []),
        );
        await repo.updatePeople(
          tx,
          updates.map((u) => {
            const p = u.previous as Record<string, string | null>;
            return {
              id: u.personId,
              civility: p.civility ?? null,
              firstName: p.firstName ?? "",
              lastName: p.lastName ?? "",
              email: p.email ?? null,
              phone: p.phone ?? null,
              collegeId: p.collegeId ?? null,
              pillar: p.pillar ?? null,
              notes: p.notes ?? null,
              searchKey: p.searchKey ?? "",
              updatedBy: p.updatedBy ?? null,
              updatedAt: new Date(p.updatedAt as string),
            };
          }),
        );
        await repo.deleteCreated(tx, clsmId, importId);
        await repo.updateImport(tx, importId, { status: "undone", undoneAt: new Date() });
      });
      return detail(clsmId, importId);
    },
  };
}
