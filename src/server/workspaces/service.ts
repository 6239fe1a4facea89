import type { ClsmRole } from "../../contracts/accounts";
import type {
  addMemberBody,
  ClsmDetail,
  ClsmScale,
  ClsmStatus,
  clsmListQuery,
  createClsmBody,
  TerritoryInput,
  TerritorySummary,
  updateClsmBody,
  updateMemberBody,
} from "../../contracts/workspaces";
import type { z } from "../../contracts/zod";
import type { AccountsService } from "../accounts/service";
import type { DirectoryService } from "../directory/service";
import { type Actor, clsmVisibility, policies } from "../platform/access";
import type { Db } from "../platform/db";
import { badRequest, conflict, forbidden, notFound } from "../platform/errors";
import { messages } from "../platform/messages";
import type { ResolvedCommune, TerritoryService } from "../territory/service";
import * as repo from "./repo";

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;

interface ResolvedTerritory {
  communes: (ResolvedCommune & { viaEpciCode: string | null })[];
  quartiers: TerritoryInput["quartiers"];
  scale: ClsmScale;
  population: number;
  departementCodes: string[];
  regionCodes: string[];
}

const distinctSorted = (values: string[]) => [...new Set(values)].sort();

export function createWorkspacesService(deps: {
  db: Db;
  territory: TerritoryService;
  accounts: AccountsService;
  /** Optional so that tools building the service alone need not bring the directory. */
  directory?: Pick<DirectoryService, "initialiseClsm">;
}) {
  const { db, territory, accounts, directory } = deps;

  /**
   * Turns communes + EPCI + quartiers into the territory's communes and its derived figures.
   * `field` is where the territory sits in the request body ("territory." on create, "" on PUT), so errors
   * name the field the client sent.
   */
  async function resolveTerritory(tx: Db, input: TerritoryInput, field: string): Promise<ResolvedTerritory> {
    const epciCodes = distinctSorted(input.epciCodes);
    const knownEpcis = await territory.findEpcis(tx, epciCodes);
    const unknownEpcis = epciCodes.filter((c) => !knownEpcis.some((e) => e.code === c));
    if (unknownEpcis.length) {
      const message = messages.unknownEpcis(unknownEpcis);
      throw badRequest(message, { [`${field}epciCodes`]: message });
    }
    const communeCodes = distinctSorted(input.communeCodes);
    const [direct, viaEpci] = await Promise.all([
      territory.findCommunes(tx, communeCodes),
      territory.communesOfEpcis(tx, epciCodes),
    ]);
    const unknownCommunes = communeCodes.filter((c) => !direct.some((d) => d.code === c));
    if (unknownCommunes.length) {
      const message = messages.unknownCommunes(unknownCommunes);
      throw badRequest(message, { [`${field}communeCodes`]: message });
    }
    const byCode = new Map<string, ResolvedTerritory["communes"][number]>();
    for (const c of viaEpci) byCode.set(c.code, { ...c, viaEpciCode: c.epciCode });
    for (const c of direct) if (!byCode.has(c.code)) byCode.set(c.code, { ...c, viaEpciCode: null });
    const communes = [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));

    for (const q of input.quartiers) {
      if (!byCode.has(q.communeCode)) {
        throw badRequest(messages.quartierOutsideTerritory, {
          [`${field}quartiers`]: messages.quartierOutsideTerritory,
        });
      }
    }
    const infra = input.quartiers.length > 0;
    return {
      communes,
      quartiers: input.quartiers,
      scale: infra ? "infracommunal" : communes.length === 1 ? "communal" : "intercommunal",
      population: infra
        ? input.quartiers.reduce((sum, q) => sum + q.population, 0)
        : communes.reduce((sum, c) => sum + c.population, 0),
      departementCodes: distinctSorted(communes.map((c) => c.departementCode)),
      regionCodes: distinctSorted(communes.map((c) => c.regionCode)),
    };
  }

  const territoryColumns = (t: ResolvedTerritory) => ({
    scale: t.scale,
    population: t.population,
    departementCodes: t.departementCodes,
    regionCodes: t.regionCodes,
  });

  async function saveTerritory(tx: Db, clsmId: string, t: ResolvedTerritory) {
    await repo.replaceTerritory(
      tx,
      clsmId,
      t.communes.map((c) => ({ communeCode: c.code, viaEpciCode: c.viaEpciCode })),
      t.quartiers,
    );
  }

  /** The CLSM if the actor may read it; a CLSM they may not read does not exist for them. */
  /** The official communes of a CLSM's territory, in no particular order. */
  async function communesOfTerritory(tx: Db, clsmId: string) {
    const rows = await repo.territoryRows(tx, clsmId);
    return territory.findCommunes(
      tx,
      rows.communes.map((c) => c.communeCode),
    );
  }

  async function readable(actor: Actor, id: string) {
    const row = await repo.findClsm(db, id);
    if (!row || !policies.clsm.read(actor, row)) throw notFound("CLSM introuvable.");
    return row;
  }

  async function manageable(actor: Actor, id: string) {
    const row = await readable(actor, id);
    if (!policies.clsm.manage(actor, row)) throw forbidden();
    return row;
  }

  async function territorySummary(row: repo.ClsmRow): Promise<TerritorySummary> {
    const rows = await repo.territoryRows(db, row.id);
    const epciCodes = distinctSorted(rows.communes.flatMap((c) => (c.viaEpciCode ? [c.viaEpciCode] : [])));
    const [communes, epcis, departements, regions] = await Promise.all([
      territory.findCommunes(
        db,
        rows.communes.map((c) => c.communeCode),
      ),
      territory.findEpcis(db, epciCodes),
      territory.departementsNamed(row.departementCodes),
      territory.regionsNamed(row.regionCodes),
    ]);
    return {
      scale: row.scale as ClsmScale,
      population: row.population,
      communes: communes.map((c) => ({
        code: c.code,
        name: c.name,
        population: c.population,
        departementCode: c.departementCode,
        epciCode: c.epciCode,
      })),
      epcis,
      quartiers: rows.quartiers.map((q) => ({
        id: q.id,
        name: q.name,
        communeCode: q.communeCode,
        population: q.population,
      })),
      departements,
      regions,
    };
  }

  async function detail(actor: Actor, row: repo.ClsmRow): Promise<ClsmDetail> {
    const manage = policies.clsm.manage(actor, row);
    const [summary, memberCount] = await Promise.all([territorySummary(row), repo.countMembers(db, row.id)]);
    return {
      id: row.id,
      name: row.name,
      status: row.status as ClsmStatus,
      createdAt: row.createdAt.toISOString(),
      territory: summary,
      memberCount,
      can: { manage, manageMembers: manage, editTerritory: manage },
    };
  }

  async function assertKeepsCoordinator(tx: Db, clsmId: string, userId: string, nextRole: ClsmRole | null) {
    const current = await repo.findMembership(tx, clsmId, userId);
    if (!current) throw notFound("Membre introuvable.");
    if (current.role === "coordinator" && nextRole !== "coordinator") {
      if ((await repo.countCoordinators(tx, clsmId)) <= 1) throw conflict(messages.lastCoordinator);
    }
  }

  return {
    async list(actor: Actor, query: z.infer<typeof clsmListQuery>) {
      const { items, total } = await repo.listClsms(db, clsmVisibility(actor), query);
      const regionNames = new Map((await territory.regions()).map((r) => [r.code, r.name]));
      return {
        total,
        items: items.map((c) => ({
          ...c,
          status: c.status as ClsmStatus,
          scale: c.scale as ClsmScale,
          regionNames: c.regionCodes.map((code) => regionNames.get(code) ?? code),
        })),
      };
    },

    async create(actor: Actor, input: z.infer<typeof createClsmBody>) {
      if (!policies.platform.createClsm(actor)) throw forbidden();
      const row = await db.transaction(async (tx) => {
        const resolved = await resolveTerritory(tx, input.territory, "territory.");
        const created = await repo.insertClsm(tx, {
          name: input.name,
          status: input.status,
          ...territoryColumns(resolved),
        });
        await saveTerritory(tx, created.id, resolved);
        await directory?.initialiseClsm(tx, created.id);
        return created;
      });
      return detail(actor, row);
    },

    async get(actor: Actor, id: string) {
      return detail(actor, await readable(actor, id));
    },

    /**
     * The communes of a CLSM's territory (code, name, population, département), sorted by name; no access check:
     * for other domains that already checked theirs (a questionnaire's commune question, territorial figures).
     */
    async territoryCommunes(tx: Db, clsmId: string) {
      return (await communesOfTerritory(tx, clsmId))
        .map((c) => ({
          code: c.code,
          name: c.name,
          population: c.population,
          departementCode: c.departementCode,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, "fr"));
    },

    /** INSEE code → name of the territory's communes, for labels (answers, exports); no access check. */
    async territoryCommuneNames(tx: Db, clsmId: string): Promise<Map<string, string>> {
      return new Map((await communesOfTerritory(tx, clsmId)).map((c) => [c.code, c.name]));
    },

    /**
     * The communes of a CLSM's territory with their official population and département, sorted by name, and its
     * quartiers (populations entered with the territory, for an infra-communal CLSM); no access check: for the
     * territorial figures, whose service checked its own.
     */
    async territoryPopulation(tx: Db, clsmId: string) {
      const rows = await repo.territoryRows(tx, clsmId);
      const communes = await territory.findCommunes(
        tx,
        rows.communes.map((c) => c.communeCode),
      );
      return {
        communes: communes
          .map((c) => ({
            code: c.code,
            name: c.name,
            population: c.population,
            departementCode: c.departementCode,
            departementName: c.departementName,
          }))
          .sort((a, b) => a.name.localeCompare(b.name, "fr")),
        quartiers: rows.quartiers.map((q) => ({
          name: q.name,
          communeCode: q.communeCode,
          population: q.population,
        })),
      };
    },

    async update(actor: Actor, id: string, input: z.infer<typeof updateClsmBody>) {
      await manageable(actor, id);
      await repo.updateClsm(db, id, input); // one statement: no lock needed
      return detail(actor, await readable(actor, id));
    },

    async setTerritory(actor: Actor, id: string, input: TerritoryInput) {
      await manageable(actor, id);
      await db.transaction(async (tx) => {
        await repo.lockClsm(tx, id);
        const resolved = await resolveTerritory(tx, input, "");
        await saveTerritory(tx, id, resolved);
        await repo.updateClsm(tx, id, territoryColumns(resolved));
      });
      return detail(actor, await readable(actor, id));
    },

    async map(actor: Actor, id: string) {
      const row = await readable(actor, id);
      const { communes } = await repo.territoryRows(db, row.id);
      const named = await territory.findCommunes(
        db,
        communes.map((c) => c.communeCode),
      );
      return territory.communeShapes(named.map((c) => ({ code: c.code, name: c.name })));
    },

    async members(actor: Actor, id: string, query: { q?: string; limit: number; offset: number }) {
      await readable(actor, id);
      const { items, total } = await repo.listMembers(db, id, query);
      const pending = await accounts.pendingInvitations(
        db,
        items.map((m) => m.userId),
      );
      return {
        total,
        items: items.map((m) => ({
          ...m,
          role: m.role as ClsmRole,
          joinedAt: m.joinedAt.toISOString(),
          invitationPending: pending.has(m.userId),
        })),
      };
    },

    async resendInvitation(actor: Actor, id: string, userId: string) {
      const row = await manageable(actor, id);
      await db.transaction(async (tx) => {
        if (!(await repo.findMembership(tx, id, userId))) throw notFound("Membre introuvable.");
        await accounts.resendInvitation(tx, userId, actor, `le CLSM « ${row.name} »`);
      });
    },

    async addMember(actor: Actor, id: string, input: z.infer<typeof addMemberBody>) {
      const row = await manageable(actor, id);
      return db.transaction(async (tx) => {
        await repo.lockClsm(tx, id);
        const { userId, invited } = await accounts.findOrInvite(tx, input, actor, `le CLSM « ${row.name} »`);
        if (await repo.findMembership(tx, id, userId))
          throw conflict(messages.alreadyMember, { email: messages.alreadyMember });
        await repo.insertMembership(tx, {
          clsmId: id,
          userId,
          role: input.role,
          isChair: input.isChair,
          isColead: input.isColead,
        });
        return { userId, invited };
      });
    },

    async updateMember(actor: Actor, id: string, userId: string, input: z.infer<typeof updateMemberBody>) {
      await manageable(actor, id);
      await db.transaction(async (tx) => {
        await repo.lockClsm(tx, id);
        if (input.role) await assertKeepsCoordinator(tx, id, userId, input.role);
        else if (!(await repo.findMembership(tx, id, userId))) throw notFound("Membre introuvable.");
        await repo.updateMembership(tx, id, userId, input);
      });
    },

    async removeMember(actor: Actor, id: string, userId: string) {
      await manageable(actor, id);
      await db.transaction(async (tx) => {
        await repo.lockClsm(tx, id);
        await assertKeepsCoordinator(tx, id, userId, null);
        await repo.deleteMembership(tx, id, userId);
      });
    },
  };
}
