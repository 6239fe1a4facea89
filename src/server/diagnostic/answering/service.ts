import { createHash } from "node:crypto";
import {
  anonymitySentence,
  type PublicSurvey,
  type SurveyAnswerBody,
} from "../../../contracts/survey-answers";
import { type Answers, allQuestions, checkAnswers } from "../../../contracts/survey-definition";
import { type SurveyAudience, surveyState } from "../../../contracts/surveys";
import type { DirectoryService } from "../../directory/service";
import { parisToday } from "../../platform/dates";
import type { Db } from "../../platform/db";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import { signedToken, tokenMatches, tokenRowId } from "../../platform/signed-links";
import type { WorkspacesService } from "../../workspaces/service";
import type { SurveyRow } from "../surveys/repo";
import { answeringMessages as m } from "./messages";
import * as repo from "./repo";

// Answering a survey without an account, through its public link or a contact's personal link (decisions/008).
// An anonymous answer keeps the day, the answers and the "Autre" texts, nothing else: no time, address, account,
// browser key, and no invitation. The public link allows one answer per browser: a hash of the survey and of the
// browser's random key goes to a table that does not point at the answer, in the answer's transaction.

export const SURVEY_PAGE = "/questionnaire";

export const publicSurveyUrl = (baseUrl: string, publicToken: string) =>
  `${baseUrl}${SURVEY_PAGE}/${publicToken}`;

export const invitationUrl = (
  baseUrl: string,
  secret: string,
  invitation: { id: string; tokenNonce: string },
) => `${baseUrl}${SURVEY_PAGE}/invitation/${signedToken(secret, invitation)}`;

const gone = (message: string) => new AppError(410, "GONE", message);

/** A draft is unknown to respondents (404); before its opening or after its closing, a survey is gone (410). */
function mustBeOpen(row: SurveyRow): void {
  const now = new Date();
  switch (surveyState(row, now)) {
    case "draft":
      throw notFound(m.linkNotFound);
    case "scheduled":
      throw gone(m.notYetOpen(row.title, row.opensAt as Date));
    case "closed":
      throw gone(m.closed(row.title, row.closesAt && row.closesAt <= now ? row.closesAt : null));
  }
}

const browserMark = (surveyId: string, key: string) =>
  createHash("sha256").update(`${surveyId}:${key}`).digest("hex");

export type AnsweringService = ReturnType<typeof createAnsweringService>;

export function createAnsweringService(deps: {
  db: Db;
  workspaces: Pick<WorkspacesService, "territoryCommunes">;
  directory: Pick<DirectoryService, "summaries">;
  secret: string;
}) {
  const { db, secret } = deps;

  /** The territory's communes when the survey asks for one (read before any transaction: PGlite has one connection). */
  async function communesOf(row: SurveyRow) {
    if (!allQuestions(row.definition).some((q) => q.type === "commune")) return [];
    const communes = await deps.workspaces.territoryCommunes(db, row.clsmId);
    return communes.map((c) => ({ code: c.code, name: c.name }));
  }

  function view(
    row: SurveyRow,
    clsmName: string,
    communes: PublicSurvey["communes"],
    invitee: PublicSurvey["invitee"],
  ): PublicSurvey {
    return {
      title: row.title,
      introduction: row.introduction,
      clsmName,
      audience: row.audience as SurveyAudience,
      anonymous: row.anonymous,
      anonymity: anonymitySentence(row.anonymous, invitee !== null),
      state: surveyState(row),
      opensAt: row.opensAt?.toISOString() ?? null,
      closesAt: row.closesAt?.toISOString() ?? null,
      definition: row.definition,
      communes,
      invitee,
      asksName: !row.anonymous && invitee === null,
    };
  }

  /**
   * The answers to keep, or a 400 whose fields name the questions (and the respondent's name when a named survey
   * answered through its public link lacks it).
   */
  function checked(
    row: SurveyRow,
    body: SurveyAnswerBody,
    communes: PublicSurvey["communes"],
    asksName: boolean,
  ): Answers {
    const { problems, kept } = checkAnswers(
      row.definition,
      { answers: body.answers, others: body.others },
      communes.map((c) => c.code),
    );
    const fields: Record<string, string> = { ...problems };
    if (asksName && !body.respondent) fields["respondent.name"] = m.nameRequired;
    if (Object.keys(fields).length) throw badRequest(m.answersInvalid, fields);
    return kept;
  }

  async function openPublic(token: string) {
    const found = await repo.findByPublicToken(db, token);
    if (!found) throw notFound(m.linkNotFound);
    mustBeOpen(found.survey);
    return found;
  }

  /** The invitation a personal link opens (404: unknown, forged, revoked), its survey open, not yet answered. */
  async function openInvitation(tx: Db, token: string, forUpdate = false) {
    const id = tokenRowId(token);
    const found = id ? await repo.findInvitationForAnswer(tx, id, forUpdate) : undefined;
    if (!found || !tokenMatches(secret, token, found.invitation)) throw notFound(m.linkNotFound);
    mustBeOpen(found.survey);
    if (found.invitation.answeredAt) throw conflict(m.alreadyAnsweredInvitation);
    return found;
  }

  async function inviteeName(found: { invitation: repo.InvitationRow }) {
    const [person] = await deps.directory.summaries(db, found.invitation.clsmId, [found.invitation.personId]);
    return person?.name ?? "";
  }

  return {
    /** What the answering page of a public link shows. */
    async get(token: string): Promise<PublicSurvey> {
      const { survey, clsmName } = await openPublic(token);
      return view(survey, clsmName, await communesOf(survey), null);
    },

    /** An answer through the public link: one per browser; anonymous or named as the survey says. */
    async answer(token: string, body: SurveyAnswerBody): Promise<void> {
      const { survey: found } = await openPublic(token);
      const communes = await communesOf(found);
      await db.transaction(async (tx) => {
        // The survey as it is now, locked: checked against the questionnaire the answer is stored with.
        const survey = await repo.lockSurveyForAnswer(tx, found.id);
        if (survey?.publicToken !== token) throw notFound(m.linkNotFound);
        mustBeOpen(survey);
        const kept = checked(survey, body, communes, !survey.anonymous);
        if (!body.browserKey) throw badRequest(m.browserKeyMissing, { browserKey: m.browserKeyMissing });
        if (!(await repo.insertBrowserMark(tx, survey.id, browserMark(survey.id, body.browserKey))))
          throw conflict(m.alreadyAnsweredFromBrowser);
        const respondent = survey.anonymous ? null : body.respondent;
        await repo.insertResponse(tx, {
          clsmId: survey.clsmId,
          surveyId: survey.id,
          submittedOn: parisToday(),
          respondentName: respondent?.name ?? null,
          respondentEmail: respondent?.email ?? null,
          ...kept,
        });
      });
    },

    /** What the answering page of a personal link shows. */
    async invitation(token: string): Promise<PublicSurvey> {
      const found = await openInvitation(db, token);
      const communes = await communesOf(found.survey);
      return view(found.survey, found.clsmName, communes, { name: await inviteeName(found) });
    },

    /**
     * An answer through a personal link: one per invitation. The invitation records that the person answered; on a
     * named survey the answer points at the invitation, on an anonymous one it does not, and the invitation does not
     * say when (neither time nor day).
     */
    async answerInvitation(token: string, body: SurveyAnswerBody): Promise<void> {
      const before = await openInvitation(db, token);
      const communes = await communesOf(before.survey);
      await db.transaction(async (tx) => {
        // The survey, then the invitation: the order in which sending and reminding lock them.
        const survey = await repo.lockSurveyForAnswer(tx, before.survey.id);
        const { invitation } = await openInvitation(tx, token, true);
        if (!survey) throw notFound(m.linkNotFound);
        mustBeOpen(survey);
        const kept = checked(survey, body, communes, false);
        const today = parisToday();
        await repo.insertResponse(tx, {
          clsmId: survey.clsmId,
          surveyId: survey.id,
          submittedOn: today,
          invitationId: survey.anonymous ? null : invitation.id,
          ...kept,
        });
        // Anonymous: the invitation keeps that the person answered, not when (the day would point at the answers
        // of that day); its sending time stands in, which says nothing new.
        await repo.markAnswered(
          tx,
          invitation.id,
          survey.anonymous ? (invitation.sentAt ?? invitation.createdAt) : new Date(),
        );
      });
    },
  };
}
