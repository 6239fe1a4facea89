import type {
  CreateFigureBody,
  FigureItem,
  FigureLevel,
  FigureListQuery,
  TerritoryPopulation,
  UpdateFigureBody,
} from "../../../contracts/diagnostic-figures";
import type { Actor } from "../../platform/access";
import type { Db } from "../../platform/db";
import { badRequest, notFound } from "../../platform/errors";
import type { WorkspacesService } from "../../workspaces/service";
import type { DiagnosticAccess } from "../access";
import { figuresMessages as m } from "./messages";
import { POPULATION_YEAR, populationSource } from "./population";
import * as repo from "./repo";

export type FiguresService = ReturnType<typeof createFiguresService>;

const cleared = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v : null);

/** Where a figure applies: a commune of the territory, the territory, or one of its départements. */
interface Place {
  level: FigureLevel;
  communeCode: string | null;
  departementCode: string | null;
}

/**
 * The territorial figures of a CLSM: the official population of its territory and communes, and the figures the
 * CLSM adds, each with its source. Whoever reads the CLSM reads them; the coordination changes them.
 */
export function createFiguresService(deps: {
  db: Db;
  access: DiagnosticAccess;
  workspaces: Pick<WorkspacesService, "territoryPopulation">;
}) {
  const { db, access, workspaces } = deps;

  async function population(tx: Db, clsmId: string): Promise<TerritoryPopulation> {
    const { communes, quartiers } = await workspaces.territoryPopulation(tx, clsmId);
    // An infra-communal CLSM covers its quartiers, whose populations were entered with the territory.
    const infra = quartiers.length > 0;
    const sum = (rows: { population: number }[]) => rows.reduce((total, r) => total + r.population, 0);
    return {
      source: populationSource(),
      year: POPULATION_YEAR,
      total: infra ? sum(quartiers) : sum(communes),
      official: !infra,
      communes,
      quartiers,
      quartiersSource: infra ? "Populations des quartiers saisies avec le territoire du CLSM" : null,
    };
  }

  function item(row: repo.FigureRow, territory: TerritoryPopulation): FigureItem {
    const commune = territory.communes.find((c) => c.code === row.communeCode);
    const departement = territory.communes.find((c) => c.departementCode === row.departementCode);
    return {
      id: row.id,
      label: row.label,
      value: row.value,
      unit: row.unit,
      year: row.year,
      source: row.source,
      level: row.level as FigureLevel,
      communeCode: row.communeCode,
      communeName: commune?.name ?? null,
      departementCode: row.departementCode,
      departementName: departement?.departementName ?? null,
      departementValue: row.departementValue,
      nationalValue: row.nationalValue,
      comparisonSource: row.comparisonSource,
      theme: row.theme,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** A commune figure names a commune of the territory, a département figure one of its départements. */
  function checkPlace(place: Place, territory: TerritoryPopulation) {
    const fail = (field: string, message: string) => {
      throw badRequest(message, { [field]: message });
    };
    if (place.level === "commune") {
      if (!place.communeCode) fail("communeCode", m.communeRequired);
      else if (!territory.communes.some((c) => c.code === place.communeCode))
        fail("communeCode", m.communeOutsideTerritory);
    } else if (place.communeCode) fail("communeCode", m.communeOnlyForCommune);
    if (place.level === "departement") {
      if (!place.departementCode) fail("departementCode", m.departementRequired);
      else if (!territory.communes.some((c) => c.departementCode === place.departementCode))
        fail("departementCode", m.departementOutsideTerritory);
    } else if (place.departementCode) fail("departementCode", m.departementOnlyForDepartement);
  }

  async function found(tx: Db, clsmId: string, id: string, forUpdate = false) {
    const row = await repo.findFigure(tx, clsmId, id, forUpdate);
    if (!row) throw notFound(m.figureNotFound);
    return row;
  }

  return {
    /** The population and every figure of the CLSM, for the diagnostic page (which checked access itself). */
    async allFor(tx: Db, clsmId: string) {
      const [territory, rows] = await Promise.all([population(tx, clsmId), repo.allFigures(tx, clsmId)]);
      return { population: territory, items: rows.map((row) => item(row, territory)) };
    },

    async list(actor: Actor, clsmId: string, query: FigureListQuery) {
      const reader = await access.reader(actor, clsmId);
      const [territory, { items, total }, themes] = await Promise.all([
        population(db, clsmId),
        repo.listFigures(db, clsmId, query),
        repo.figureThemes(db, clsmId),
      ]);
      return {
        population: territory,
        items: items.map((row) => item(row, territory)),
        total,
        themes,
        can: { manage: reader.manage },
      };
    },

    async create(actor: Actor, clsmId: string, input: CreateFigureBody) {
      await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const territory = await population(tx, clsmId);
        const place = {
          level: input.level,
          communeCode: input.communeCode ?? null,
          departementCode: input.departementCode ?? null,
        };
        checkPlace(place, territory);
        const row = await repo.insertFigure(tx, {
          clsmId,
          label: input.label,
          value: input.value,
          unit: cleared(input.unit) ?? null,
          year: input.year,
          source: input.source,
          ...place,
          departementValue: input.departementValue ?? null,
          nationalValue: input.nationalValue ?? null,
          comparisonSource: cleared(input.comparisonSource) ?? null,
          theme: cleared(input.theme) ?? null,
        });
        return item(row, territory);
      });
    },

    async update(actor: Actor, clsmId: string, id: string, input: UpdateFigureBody) {
      await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const current = await found(tx, clsmId, id, true);
        const territory = await population(tx, clsmId);
        // A new level drops the commune or département of the former one, unless the request names one.
        const level = input.level ?? (current.level as FigureLevel);
        const place = {
          level,
          communeCode:
            input.communeCode !== undefined
              ? input.communeCode
              : level === "commune"
                ? current.communeCode
                : null,
          departementCode:
            input.departementCode !== undefined
              ? input.departementCode
              : level === "departement"
                ? current.departementCode
                : null,
        };
        checkPlace(place, territory);
        const row = await repo.updateFigure(tx, id, {
          label: input.label,
          value: input.value,
          unit: cleared(input.unit),
          year: input.year,
          source: input.source,
          ...place,
          departementValue: input.departementValue,
          nationalValue: input.nationalValue,
          comparisonSource: cleared(input.comparisonSource),
          theme: cleared(input.theme),
        });
        return item(row, territory);
      });
    },

    async remove(actor: Actor, clsmId: string, id: string) {
      await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        await found(tx, clsmId, id, true);
        await repo.deleteFigure(tx, id);
      });
    },
  };
}
