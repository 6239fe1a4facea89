import { randomBytes } from "node:crypto";
import { allQuestions, type SurveyDefinition } from "../../../contracts/survey-definition";
import {
  type CreateSurveyBody,
  SURVEY_TITLE_MAX,
  type SurveyAudience,
  type SurveyDetail,
  type SurveyList,
  type SurveyListItem,
  type SurveyListQuery,
  type SurveyStatus,
  surveyState,
  type UpdateSurveyBody,
} from "../../../contracts/surveys";
import type { Actor } from "../../platform/access";
import type { Db } from "../../platform/db";
import { badRequest, conflict, notFound } from "../../platform/errors";
import type { DiagnosticAccess } from "../access";
import { surveyMessages as m } from "./messages";
import * as repo from "./repo";
import { structuralChanges } from "./structure";
import { findTemplate, templateSummaries } from "./templates";

export type SurveysService = ReturnType<typeof createSurveysService>;

/** A blank questionnaire: one untitled section without questions. */
const blankDefinition = (): SurveyDefinition => ({ sections: [{ id: shortId(), title: "", questions: [] }] });

/** A short random id for sections and questions made by the server (the web builder draws its own). */
export const shortId = () => randomBytes(6).toString("base64url");

/** The random part of a public link: 24 bytes, 32 url-safe characters. */
const publicToken = () => randomBytes(24).toString("base64url");

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toDate = (s: string | null) => (s === null ? null : new Date(s));

function listItem(row: repo.SurveyRow, responseCount: number, now: Date): SurveyListItem {
  return {
    id: row.id,
    title: row.title,
    audience: row.audience as SurveyAudience,
    anonymous: row.anonymous,
    status: row.status as SurveyStatus,
    state: surveyState(row, now),
    opensAt: iso(row.opensAt),
    closesAt: iso(row.closesAt),
    hasPublicLink: row.publicToken !== null,
    resultsPublished: row.resultsPublished,
    templateKey: row.templateKey,
    questionCount: allQuestions(row.definition).length,
    responseCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function detail(row: repo.SurveyRow, responseCount: number, manage: boolean): SurveyDetail {
  return {
    ...listItem(row, responseCount, new Date()),
    introduction: row.introduction,
    publicToken: manage ? row.publicToken : null,
    definition: row.definition,
    can: { manage, editStructure: manage && responseCount === 0 },
  };
}

/**
 * Opening and closing dates that make sense together. A closing date already passed is refused when it is being
 * set or at publication (`closesInFuture`), not when an unrelated setting of an old survey changes.
 */
function checkDates(opensAt: Date | null, closesAt: Date | null, closesInFuture: boolean) {
  if (closesAt && opensAt && closesAt <= opensAt)
    throw badRequest(m.closesBeforeOpens, { closesAt: m.closesBeforeOpens });
  if (closesInFuture && closesAt && closesAt <= new Date())
    throw badRequest(m.closesInPast, { closesAt: m.closesInPast });
}

/**
 * The survey builder: a CLSM's questionnaires, their settings and life cycle. The coordination sees and changes
 * every survey; other readers (members, ARS, national) see the published and closed ones. Once a survey has
 * answers, changes that would corrupt them are refused (structure.ts).
 */
export function createSurveysService(deps: { db: Db; access: DiagnosticAccess }) {
  const { db, access } = deps;

  /** The survey as the reader may see it: a draft is the coordination's only (404 for others). */
  async function visible(tx: Db, clsmId: string, id: string, manage: boolean, forUpdate = false) {
    const row = await repo.findSurvey(tx, clsmId, id, forUpdate);
    if (!row || (!manage && row.status === "draft")) throw notFound(m.surveyNotFound);
    return row;
  }

  /** Runs a change of one survey (locked) as the coordination and answers its detail. */
  async function change(
    actor: Actor,
    clsmId: string,
    id: string,
    apply: (tx: Db, row: repo.SurveyRow, responses: number) => Promise<repo.SurveyRow>,
  ): Promise<SurveyDetail> {
    await access.manager(actor, clsmId);
    return db.transaction(async (tx) => {
      const row = await visible(tx, clsmId, id, true, true);
      const responses = await repo.responseCount(tx, clsmId, id);
      return detail(await apply(tx, row, responses), responses, true);
    });
  }

  return {
    async list(actor: Actor, clsmId: string, query: SurveyListQuery): Promise<SurveyList> {
      const reader = await access.reader(actor, clsmId);
      const rows = await repo.listSurveys(db, clsmId, { ...query, withDrafts: reader.manage });
      const counts = await repo.responseCounts(
        db,
        clsmId,
        rows.map((r) => r.survey.id),
      );
      const now = new Date();
      return {
        items: rows.map((r) => listItem(r.survey, counts.get(r.survey.id) ?? 0, now)),
        total: rows[0]?.total ?? 0,
        can: { manage: reader.manage },
      };
    },

    async get(actor: Actor, clsmId: string, id: string): Promise<SurveyDetail> {
      const reader = await access.reader(actor, clsmId);
      const row = await visible(db, clsmId, id, reader.manage);
      return detail(row, await repo.responseCount(db, clsmId, id), reader.manage);
    },

    async create(actor: Actor, clsmId: string, body: CreateSurveyBody): Promise<SurveyDetail> {
      await access.manager(actor, clsmId);
      const template = body.templateKey === undefined ? undefined : findTemplate(body.templateKey);
      if (body.templateKey !== undefined && !template)
        throw badRequest(m.templateNotFound, { templateKey: m.templateNotFound });
      const row = await repo.insertSurvey(db, {
        clsmId,
        title: body.title,
        audience: body.audience,
        anonymous: body.anonymous,
        introduction: template?.introduction ?? null,
        definition: template?.definition ?? blankDefinition(),
        templateKey: template?.key ?? null,
        createdBy: actor.userId,
      });
      return detail(row, 0, true);
    },

    async update(actor: Actor, clsmId: string, id: string, body: UpdateSurveyBody) {
      return change(actor, clsmId, id, async (tx, row, responses) => {
        if (body.anonymous !== undefined && body.anonymous !== row.anonymous && responses > 0)
          throw conflict(m.anonymousLocked, { anonymous: m.anonymousLocked });
        const opensAt = body.opensAt === undefined ? row.opensAt : toDate(body.opensAt);
        const closesAt = body.closesAt === undefined ? row.closesAt : toDate(body.closesAt);
        checkDates(opensAt, closesAt, body.closesAt != null);
        let token = row.publicToken;
        if (body.publicLink === false) token = null;
        if (body.publicLink === true) token ??= publicToken();
        return repo.updateSurvey(tx, id, {
          title: body.title,
          introduction: body.introduction === undefined ? undefined : body.introduction || null,
          audience: body.audience,
          anonymous: body.anonymous,
          opensAt,
          closesAt,
          publicToken: token,
        });
      });
    },

    /** Replaces the questionnaire; after the first answer, only changes that keep the answers meaningful. */
    async saveDefinition(actor: Actor, clsmId: string, id: string, definition: SurveyDefinition) {
      return change(actor, clsmId, id, async (tx, row, responses) => {
        if (responses > 0) {
          const problems = structuralChanges(row.definition, definition);
          const [first] = problems;
          if (first)
            throw conflict(first.message, Object.fromEntries(problems.map((p) => [p.field, p.message])));
        }
        return repo.updateSurvey(tx, id, { definition });
      });
    },

    /** A new draft with the same questionnaire and settings, without answers, dates or public link. */
    async duplicate(actor: Actor, clsmId: string, id: string): Promise<SurveyDetail> {
      await access.manager(actor, clsmId);
      const row = await visible(db, clsmId, id, true);
      const title = row.title.slice(0, SURVEY_TITLE_MAX - m.copySuffix.length).trimEnd() + m.copySuffix;
      const copy = await repo.insertSurvey(db, {
        clsmId,
        title,
        introduction: row.introduction,
        audience: row.audience,
        anonymous: row.anonymous,
        definition: row.definition,
        templateKey: row.templateKey,
        createdBy: actor.userId,
      });
      return detail(copy, 0, true);
    },

    async publish(actor: Actor, clsmId: string, id: string) {
      return change(actor, clsmId, id, async (tx, row) => {
        if (row.status !== "draft") throw conflict(m.notDraft);
        if (allQuestions(row.definition).length === 0) throw conflict(m.noQuestion);
        checkDates(row.opensAt, row.closesAt, true);
        return repo.updateSurvey(tx, id, { status: "published" });
      });
    },

    async close(actor: Actor, clsmId: string, id: string) {
      return change(actor, clsmId, id, async (tx, row) => {
        if (row.status !== "published") throw conflict(m.notPublished);
        return repo.updateSurvey(tx, id, { status: "closed" });
      });
    },

    /** Closed (by hand or by its date) → published again; a closing date already passed is removed. */
    async reopen(actor: Actor, clsmId: string, id: string) {
      return change(actor, clsmId, id, async (tx, row) => {
        const now = new Date();
        if (surveyState(row, now) !== "closed") throw conflict(m.notClosed);
        const closesAt = row.closesAt && row.closesAt > now ? row.closesAt : null;
        return repo.updateSurvey(tx, id, { status: "published", closesAt });
      });
    },

    async remove(actor: Actor, clsmId: string, id: string): Promise<void> {
      await access.manager(actor, clsmId);
      await db.transaction(async (tx) => {
        await visible(tx, clsmId, id, true, true);
        if ((await repo.responseCount(tx, clsmId, id)) > 0) throw conflict(m.hasAnswersDelete);
        await repo.deleteSurvey(tx, id);
      });
    },

    templates() {
      return { items: templateSummaries() };
    },

    template(key: string) {
      const template = findTemplate(key);
      if (!template) throw notFound(m.templateNotFound);
      return template;
    },
  };
}
