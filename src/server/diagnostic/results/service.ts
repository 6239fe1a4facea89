import type { Readable } from "node:stream";
import { allQuestions, type Question, type SurveyDefinition } from "../../../contracts/survey-definition";
import {
  COLLEGE_SPLIT,
  crossTabTypes,
  type ResultsQuery,
  type SurveyResults,
  TAGS_PER_ANSWER,
  type TagBody,
  type TextAnswerList,
  type TextsQuery,
  textTypes,
} from "../../../contracts/survey-results";
import { surveyState } from "../../../contracts/surveys";
import type { DirectoryService } from "../../directory/service";
import type { Actor } from "../../platform/access";
import { parisToday } from "../../platform/dates";
import type { Db } from "../../platform/db";
import { badRequest, conflict, forbidden, notFound } from "../../platform/errors";
import { type Cell, csvStream, toCsv, toXlsx, xlsxStream } from "../../platform/spreadsheet";
import type { WorkspacesService } from "../../workspaces/service";
import type { DiagnosticAccess, DiagnosticReader } from "../access";
import { findSurvey, type SurveyRow } from "../surveys/repo";
import { type CrossTab, computeResults } from "./aggregate";
import { createResultsCache } from "./cache";
import { rawAnswersLayout, summaryHeaders, summaryRows } from "./export";
import { resultsMessages as m } from "./messages";
import * as repo from "./repo";
import * as texts from "./texts-repo";

export type ResultsService = ReturnType<typeof createResultsService>;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV = "text/csv; charset=utf-8";
/** Raw answers are read and written this many at a time. */
const EXPORT_BATCH = 1000;

const isCrossTab = (q: Question) => (crossTabTypes as readonly string[]).includes(q.type);
const isText = (q: Question) => (textTypes as readonly string[]).includes(q.type);
const hasOther = (q: Question) => "allowOther" in q && q.allowOther;

/** A file name made of the survey's title: letters, digits and dashes. */
const fileStem = (title: string) =>
  title
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "enquete";

/**
 * The results of a survey: figures, cross-tabs, free texts and their tags, exports, publication. The coordination
 * always reads them; the CLSM's other readers once the results are published (else 404, as for an unknown survey).
 */
export function createResultsService(deps: {
  db: Db;
  access: DiagnosticAccess;
  workspaces: WorkspacesService;
  directory: DirectoryService;
}) {
  const { db, access, workspaces, directory } = deps;
  const cache = createResultsCache();

  async function surveyOf(tx: Db, clsmId: string, surveyId: string): Promise<SurveyRow> {
    const row = await findSurvey(tx, clsmId, surveyId);
    if (!row) throw notFound(m.surveyNotFound);
    return row;
  }

  async function readable(r: DiagnosticReader, surveyId: string): Promise<SurveyRow> {
    const row = await surveyOf(db, r.clsmId, surveyId);
    if (!r.manage && !row.resultsPublished) throw notFound(m.surveyNotFound);
    return row;
  }

  async function splitBy(tx: Db, row: SurveyRow, by: string | undefined): Promise<CrossTab | null> {
    if (!by) return null;
    if (by === COLLEGE_SPLIT) {
      if (row.anonymous) throw badRequest(m.collegeSplitAnonymous, { by: m.collegeSplitAnonymous });
      return { kind: "college", colleges: await directory.collegeNames(tx, row.clsmId) };
    }
    const question = allQuestions(row.definition).find((x) => x.id === by);
    if (!question) throw badRequest(m.byUnknown, { by: m.byUnknown });
    if (!isCrossTab(question)) throw badRequest(m.byNotSplittable, { by: m.byNotSplittable });
    return { kind: "question", question };
  }

  async function resultsOf(
    tx: Db,
    row: SurveyRow,
    query: ResultsQuery,
    manage: boolean,
  ): Promise<SurveyResults> {
    const definition = row.definition;
    const by = await splitBy(tx, row, query.by);
    const [communes, answers] = await Promise.all([
      workspaces.territoryCommuneNames(tx, row.clsmId),
      repo.answersFingerprint(tx, row.clsmId, row.id),
    ]);
    const fingerprint = [answers, row.updatedAt.toISOString(), ...communes].join("|");
    const compute = () =>
      computeResults(tx, { clsmId: row.clsmId, surveyId: row.id, definition, communes, by });
    // By collège, the groups follow the directory (a person may change collège): computed each time, which a
    // named survey's answers (one per invited person) keep cheap.
    const computed =
      by?.kind === "college"
        ? await compute()
        : await cache.get(`${row.id}|${by?.question.id ?? ""}`, fingerprint, compute);
    const byLabel =
      by?.kind === "college"
        ? { questionId: COLLEGE_SPLIT, label: m.collegeSplit }
        : by
          ? { questionId: by.question.id, label: by.question.label }
          : null;
    return {
      survey: {
        id: row.id,
        title: row.title,
        status: row.status as SurveyResults["survey"]["status"],
        state: surveyState(row),
        anonymous: row.anonymous,
        resultsPublished: row.resultsPublished,
      },
      respondents: computed.respondents,
      days: computed.days,
      by: byLabel && computed.groups ? { ...byLabel, groups: computed.groups } : null,
      questions: computed.questions,
      crossTabQuestions: [
        ...allQuestions(definition)
          .filter(isCrossTab)
          .map((q) => ({ id: q.id, label: q.label })),
        ...(row.anonymous ? [] : [{ id: COLLEGE_SPLIT, label: m.collegeSplit }]),
      ],
      can: { manage },
    };
  }

  /** The questions whose free texts are listed and may be tagged: text questions and "Autre, précisez". */
  function textQuestions(definition: SurveyDefinition) {
    const questions = allQuestions(definition);
    return {
      textIds: questions.filter(isText).map((q) => q.id),
      otherIds: questions.filter(hasOther).map((q) => q.id),
      listed: questions.filter((q) => isText(q) || hasOther(q)).map((q) => ({ id: q.id, label: q.label })),
    };
  }

  function taggable(definition: SurveyDefinition, questionId: string) {
    const q = allQuestions(definition).find((x) => x.id === questionId);
    if (!q) throw badRequest(m.questionUnknown, { questionId: m.questionUnknown });
    if (!isText(q) && !hasOther(q))
      throw badRequest(m.questionWithoutText, { questionId: m.questionWithoutText });
    return q;
  }

  async function names(
    tx: Db,
    clsmId: string,
    rows: { respondent_name: string | null; person_id: string | null }[],
  ) {
    const personIds = [...new Set(rows.map((r) => r.person_id).filter((id): id is string => !!id))];
    const people = await directory.summaries(tx, clsmId, personIds);
    const byId = new Map(people.map((p) => [p.id, p.name]));
    return (r: { respondent_name: string | null; person_id: string | null }) =>
      r.respondent_name ?? (r.person_id ? (byId.get(r.person_id) ?? null) : null);
  }

  return {
    /**
     * The results of a survey as GET …/results answers them, without an access check (the caller checks: the
     * diagnostic page shows the surveys it assembles). 404 for a survey that is not the CLSM's.
     */
    async summaryFor(
      tx: Db,
      clsmId: string,
      surveyId: string,
      query: ResultsQuery = {},
    ): Promise<SurveyResults> {
      return resultsOf(tx, await surveyOf(tx, clsmId, surveyId), query, false);
    },

    async results(
      actor: Actor,
      clsmId: string,
      surveyId: string,
      query: ResultsQuery,
    ): Promise<SurveyResults> {
      const r = await access.reader(actor, clsmId);
      return resultsOf(db, await readable(r, surveyId), query, r.manage);
    },

    async texts(actor: Actor, clsmId: string, surveyId: string, query: TextsQuery): Promise<TextAnswerList> {
      const r = await access.reader(actor, clsmId);
      const row = await readable(r, surveyId);
      const { textIds, otherIds, listed } = textQuestions(row.definition);
      if (query.questionId) taggable(row.definition, query.questionId);
      const page = await texts.textsPage(db, clsmId, surveyId, { ...query, textIds, otherIds });
      const tags = await texts.tagsOf(db, clsmId, surveyId, [...new Set(page.map((t) => t.response_id))]);
      // Names of a named survey's respondents: for the coordination only.
      const nameOf = r.manage && !row.anonymous ? await names(db, clsmId, page) : () => null;
      return {
        items: page.map((t) => ({
          responseId: t.response_id,
          questionId: t.q,
          text: t.text,
          other: t.other,
          submittedOn: t.submitted_on,
          respondentName: nameOf(t),
          tags: tags.get(`${t.response_id} ${t.q}`) ?? [],
        })),
        total: page[0]?.total ?? 0,
        questions: listed,
      };
    },

    async tags(actor: Actor, clsmId: string, surveyId: string) {
      const r = await access.reader(actor, clsmId);
      await readable(r, surveyId);
      return { items: await texts.tagCounts(db, clsmId, surveyId) };
    },

    async addTag(actor: Actor, clsmId: string, surveyId: string, responseId: string, body: TagBody) {
      await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = await surveyOf(tx, clsmId, surveyId);
        const q = taggable(row.definition, body.questionId);
        const response = await texts.findResponse(tx, clsmId, surveyId, responseId);
        if (!response) throw notFound(m.responseNotFound);
        const text = isText(q) ? response.answers[q.id] : response.others?.[q.id];
        if (typeof text !== "string") throw badRequest(m.noTextToTag, { questionId: m.noTextToTag });
        const current = await texts.answerTags(tx, clsmId, responseId, q.id);
        if (!current.includes(body.tag)) {
          if (current.length >= TAGS_PER_ANSWER) throw conflict(m.tooManyTags);
          await texts.addTag(tx, { clsmId, surveyId, responseId, questionId: q.id, tag: body.tag });
        }
        return { responseId, questionId: q.id, tags: await texts.answerTags(tx, clsmId, responseId, q.id) };
      });
    },

    async removeTag(actor: Actor, clsmId: string, surveyId: string, responseId: string, body: TagBody) {
      await access.manager(actor, clsmId);
      return db.transaction(async (tx) => {
        const row = await surveyOf(tx, clsmId, surveyId);
        const q = taggable(row.definition, body.questionId);
        if (!(await texts.findResponse(tx, clsmId, surveyId, responseId))) throw notFound(m.responseNotFound);
        await texts.removeTag(tx, { clsmId, surveyId, responseId, questionId: q.id, tag: body.tag });
        return { responseId, questionId: q.id, tags: await texts.answerTags(tx, clsmId, responseId, q.id) };
      });
    },

    async setPublication(actor: Actor, clsmId: string, surveyId: string, published: boolean) {
      await access.manager(actor, clsmId);
      await surveyOf(db, clsmId, surveyId);
      await repo.setResultsPublished(db, clsmId, surveyId, published);
      return { published };
    },

    /**
     * The raw answers, one row per answer, streamed page by page (coordination only: a named survey's answers
     * carry names, and free texts are read by the coordination before anyone else).
     */
    async exportResponses(
      actor: Actor,
      clsmId: string,
      surveyId: string,
      format: "csv" | "xlsx",
    ): Promise<{ fileName: string; contentType: string; body: Readable }> {
      const r = await access.reader(actor, clsmId);
      const row = await readable(r, surveyId);
      if (!r.manage) throw forbidden(m.exportManagersOnly);
      const named = !row.anonymous;
      const layout = rawAnswersLayout(
        row.definition,
        await workspaces.territoryCommuneNames(db, clsmId),
        named,
      );
      async function* batches(): AsyncGenerator<Cell[][]> {
        let after: { day: string; id: string } | null = null;
        let index = 0;
        for (;;) {
          const page = await repo.responsesPage(db, clsmId, surveyId, after, EXPORT_BATCH);
          const nameOf = named ? await names(db, clsmId, page) : () => null;
          yield page.map((p) => layout.row(++index, p, nameOf(p)));
          const last = page.at(-1);
          if (!last || page.length < EXPORT_BATCH) return;
          after = { day: last.day, id: last.id };
        }
      }
      const fileName = `reponses-${fileStem(row.title)}-${parisToday()}.${format}`;
      return format === "xlsx"
        ? { fileName, contentType: XLSX, body: xlsxStream("Réponses", layout.headers, batches()) }
        : { fileName, contentType: CSV, body: csvStream(layout.headers, batches()) };
    },

    /** The results summary (question, answer, count, %, value) as a spreadsheet. */
    async exportSummary(actor: Actor, clsmId: string, surveyId: string, format: "csv" | "xlsx") {
      const r = await access.reader(actor, clsmId);
      const results = await resultsOf(db, await readable(r, surveyId), {}, r.manage);
      const rows = summaryRows(results.questions);
      const fileName = `resultats-${fileStem(results.survey.title)}-${parisToday()}.${format}`;
      return format === "xlsx"
        ? { fileName, contentType: XLSX, body: await toXlsx("Résultats", summaryHeaders, rows) }
        : { fileName, contentType: CSV, body: toCsv(summaryHeaders, rows) };
    },
  };
}
