import type { CreateLinkBody, Link } from "../../../contracts/diagnostic-needs";
import { allQuestions } from "../../../contracts/survey-definition";
import type { MeetingAccess, MeetingReader } from "../../meetings/access";
import type { Db } from "../../platform/db";
import { badRequest, notFound } from "../../platform/errors";
import { needsMessages as m } from "./messages";
import * as repo from "./repo";

/** Who reads the links: the meetings of a confidential instance stay hidden from those who are not the coordination. */
export interface LinkReader {
  clsmId: string;
  clsmName: string;
  manage: boolean;
}

/**
 * The meetings' access rules, applied to a diagnostic reader. Contact details play no part in what a meeting's
 * title and date show, so they are never claimed visible here.
 */
const asMeetingReader = (r: LinkReader): MeetingReader => ({ ...r, contactsVisible: false });

/** A survey in preparation exists for the coordination only (as in the surveys' own rules). */
const surveyVisible = (r: LinkReader, survey: { status: string }) => r.manage || survey.status !== "draft";

export type LinkTarget = { surveyId: string | null; questionId: string | null; meetingId: string | null };

export function createLinks(deps: { meetingAccess: MeetingAccess }) {
  const { meetingAccess } = deps;

  /**
   * What a new link points at, checked: a survey of the CLSM (404 otherwise) and a question of its questionnaire
   * (400 naming the field), or a meeting the reader may see (404 otherwise, as everywhere for a meeting).
   */
  async function checkedTarget(tx: Db, reader: LinkReader, body: CreateLinkBody): Promise<LinkTarget> {
    if (body.meetingId) {
      await meetingAccess.meeting(tx, asMeetingReader(reader), body.meetingId);
      return { surveyId: null, questionId: null, meetingId: body.meetingId };
    }
    const surveyId = body.surveyId ?? "";
    const [survey] = await repo.surveysByIds(tx, reader.clsmId, [surveyId]);
    if (!survey) throw notFound(m.surveyNotFound);
    const questionId = body.questionId ?? null;
    if (questionId && !allQuestions(survey.definition).some((q) => q.id === questionId))
      throw badRequest(m.unknownQuestion, { questionId: m.unknownQuestion });
    return { surveyId, questionId, meetingId: null };
  }

  /**
   * The links as this reader sees them — survey title and question label, meeting title and start — with one read
   * of the surveys and one of the meetings for any number of links. Links to a meeting or a survey the reader
   * may not see are left out.
   */
  async function describe(tx: Db, reader: LinkReader, rows: repo.LinkRow[]) {
    const surveyIds = [...new Set(rows.flatMap((r) => (r.surveyId ? [r.surveyId] : [])))];
    const meetingIds = [...new Set(rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])))];
    const [surveys, meetings] = await Promise.all([
      repo.surveysByIds(tx, reader.clsmId, surveyIds),
      meetingAccess.visibleMeetings(tx, asMeetingReader(reader), meetingIds),
    ]);
    const surveyById = new Map(surveys.filter((s) => surveyVisible(reader, s)).map((s) => [s.id, s]));
    const meetingById = new Map(meetings.map((x) => [x.id, x]));
    const labels = new Map(
      surveys.map((s) => [s.id, new Map(allQuestions(s.definition).map((q) => [q.id, q.label]))]),
    );
    return rows.flatMap((row): { row: repo.LinkRow; link: Link }[] => {
      const survey = row.surveyId ? surveyById.get(row.surveyId) : undefined;
      const meeting = row.meetingId ? meetingById.get(row.meetingId) : undefined;
      if (!survey && !meeting) return [];
      return [
        {
          row,
          link: {
            id: row.id,
            survey: survey ? { id: survey.id, title: survey.title } : null,
            question:
              survey && row.questionId
                ? { id: row.questionId, label: labels.get(survey.id)?.get(row.questionId) ?? null }
                : null,
            meeting: meeting
              ? { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt.toISOString() }
              : null,
            createdAt: row.createdAt.toISOString(),
          },
        },
      ];
    });
  }

  /** The described links of some needs or resources, by owner id. */
  async function byOwner(tx: Db, reader: LinkReader, owner: "need" | "resource", ids: string[]) {
    const described = await describe(tx, reader, await repo.linksOf(tx, owner, ids));
    const grouped = new Map<string, Link[]>();
    for (const { row, link } of described) {
      const ownerId = (owner === "need" ? row.needId : row.resourceId) ?? "";
      grouped.set(ownerId, [...(grouped.get(ownerId) ?? []), link]);
    }
    return grouped;
  }

  /**
   * How many links of some needs or resources this reader sees, by owner id: for the lists, without reading the
   * questionnaires (a link's survey always exists: deleting a survey deletes its links).
   */
  async function countByOwner(tx: Db, reader: LinkReader, owner: "need" | "resource", ids: string[]) {
    const rows = await repo.linksOf(tx, owner, ids);
    const meetingIds = [...new Set(rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])))];
    const surveyIds = [...new Set(rows.flatMap((r) => (r.surveyId ? [r.surveyId] : [])))];
    const [meetings, surveys] = await Promise.all([
      meetingAccess.visibleMeetings(tx, asMeetingReader(reader), meetingIds),
      reader.manage ? Promise.resolve([]) : repo.surveyStatuses(tx, reader.clsmId, surveyIds),
    ]);
    const visible = new Set(meetings.map((x) => x.id));
    const hiddenSurveys = new Set(surveys.filter((x) => !surveyVisible(reader, x)).map((x) => x.id));
    const counts = new Map<string, number>();
    for (const row of rows) {
      if (row.meetingId && !visible.has(row.meetingId)) continue;
      if (row.surveyId && hiddenSurveys.has(row.surveyId)) continue;
      const ownerId = (owner === "need" ? row.needId : row.resourceId) ?? "";
      counts.set(ownerId, (counts.get(ownerId) ?? 0) + 1);
    }
    return counts;
  }

  return { checkedTarget, describe, byOwner, countByOwner };
}

export type Links = ReturnType<typeof createLinks>;
