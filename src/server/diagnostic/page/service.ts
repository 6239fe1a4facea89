import type { DiagnosticPage, DiagnosticPageBody } from "../../../contracts/diagnostic-page";
import { objectiveLabels, objectives } from "../../../contracts/objectives";
import type { MeetingAccess, MeetingReader } from "../../meetings/access";
import type { Actor } from "../../platform/access";
import { parisToday } from "../../platform/dates";
import type { Db } from "../../platform/db";
import { badRequest } from "../../platform/errors";
import type { DiagnosticAccess, DiagnosticReader } from "../access";
import type { FiguresService } from "../figures/service";
import type { NeedsService } from "../needs/service";
import type { OpinionsService } from "../opinions/service";
import type { PrioritiesService } from "../priorities/service";
import type { ResultsService } from "../results/service";
import { docxFileName } from "./docx-kit";
import { pageMessages as m } from "./messages";
import { pageDocx } from "./page-docx";
import * as repo from "./repo";

export type DiagnosticPageService = ReturnType<typeof createDiagnosticPageService>;

type Needs = Awaited<ReturnType<NeedsService["allNeedsFor"]>>;
type Resources = Awaited<ReturnType<NeedsService["allResourcesFor"]>>;

/** Needs and resources under each objective they are tagged with, then those tagged with none. */
function byObjective(needs: Needs, resources: Resources): DiagnosticPage["objectives"] {
  const plainNeeds = needs.map(({ links: _links, ...n }) => n);
  const plainResources = resources.map(({ links: _links, ...r }) => r);
  const groups: DiagnosticPage["objectives"] = objectives.map((o) => ({
    objective: o,
    label: objectiveLabels[o],
    needs: plainNeeds.filter((n) => n.objectives.includes(o)),
    resources: plainResources.filter((r) => r.objectives.includes(o)),
  }));
  const untagged = {
    objective: null,
    label: "Sans objectif précisé",
    needs: plainNeeds.filter((n) => n.objectives.length === 0),
    resources: plainResources.filter((r) => r.objectives.length === 0),
  };
  return untagged.needs.length || untagged.resources.length ? [...groups, untagged] : groups;
}

/**
 * The diagnostic page assembles the other parts of the diagnostic through their services (each given the access
 * already checked here) and keeps only its own text and the selection of surveys. A selected survey is shown to
 * the coordination always, to other readers only once its results are published to members.
 */
export function createDiagnosticPageService(deps: {
  db: Db;
  access: DiagnosticAccess;
  meetingAccess: MeetingAccess;
  needs: Pick<NeedsService, "allNeedsFor" | "allResourcesFor">;
  figures: Pick<FiguresService, "allFor">;
  results: Pick<ResultsService, "summaryFor">;
  priorities: Pick<PrioritiesService, "chosenFor">;
  opinions: Pick<OpinionsService, "latestFor">;
}) {
  const { db, access, meetingAccess } = deps;

  async function assemble(reader: DiagnosticReader, meetingReader: MeetingReader): Promise<DiagnosticPage> {
    const { clsmId } = reader;
    const page = await repo.findPage(db, clsmId);
    const selected = page?.surveyIds ?? [];
    const existing = new Map((await repo.surveysOf(db, clsmId, selected)).map((s) => [s.id, s]));
    const shown = selected.filter((id) => {
      const s = existing.get(id);
      return s !== undefined && (reader.manage || s.resultsPublished);
    });
    const [needs, resources, figures, priorities, opinion, surveys] = await Promise.all([
      deps.needs.allNeedsFor(db, reader),
      deps.needs.allResourcesFor(db, reader),
      deps.figures.allFor(db, clsmId),
      deps.priorities.chosenFor(db, clsmId),
      deps.opinions.latestFor(db, meetingReader),
      // At most MAX_PAGE_SURVEYS summaries, each computed by the results' own aggregation.
      Promise.all(shown.map((id) => deps.results.summaryFor(db, clsmId, id))),
    ]);
    return {
      clsm: { id: clsmId, name: reader.clsmName },
      territory: figures.population,
      introduction: page?.introduction ?? "",
      conclusion: page?.conclusion ?? "",
      updatedAt: page?.updatedAt.toISOString() ?? null,
      surveys,
      surveyIds: reader.manage ? selected.filter((id) => existing.has(id)) : [],
      objectives: byObjective(needs, resources),
      figures: figures.items,
      priorities: priorities.items,
      opinion: opinion
        ? {
            id: opinion.id,
            subject: opinion.subject,
            title: opinion.title,
            status: opinion.status,
            adoptedOn: opinion.adoptedOn,
            sentOn: opinion.sentOn,
            updatedAt: opinion.updatedAt,
            meeting: opinion.meeting,
          }
        : null,
      can: { manage: reader.manage },
    };
  }

  async function readers(actor: Actor, clsmId: string) {
    const reader = await access.reader(actor, clsmId);
    return { reader, meetingReader: await meetingAccess.reader(actor, clsmId) };
  }

  return {
    async get(actor: Actor, clsmId: string) {
      const { reader, meetingReader } = await readers(actor, clsmId);
      return assemble(reader, meetingReader);
    },

    /** The coordination writes the introduction and conclusion and chooses the surveys (of the CLSM) shown. */
    async save(actor: Actor, clsmId: string, input: DiagnosticPageBody) {
      await access.manager(actor, clsmId);
      const { reader, meetingReader } = await readers(actor, clsmId);
      await db.transaction(async (tx) => {
        const known = await repo.surveysOf(tx, clsmId, input.surveyIds);
        if (known.length !== input.surveyIds.length)
          throw badRequest(m.unknownSurveys, { surveyIds: m.unknownSurveys });
        await repo.savePage(tx, { clsmId, ...input });
      });
      return assemble(reader, meetingReader);
    },

    /** The page as a Word document, as this reader sees it. */
    async docx(actor: Actor, clsmId: string) {
      const { reader, meetingReader } = await readers(actor, clsmId);
      const page = await assemble(reader, meetingReader);
      const today = parisToday();
      return {
        fileName: docxFileName("diagnostic", page.clsm.name, today),
        content: await pageDocx(page, today),
      };
    },
  };
}
