import { type SQL, sql } from "drizzle-orm";
import { directoryPerson } from "../../directory/tables";
import type { Db } from "../../platform/db";
import { surveyInvitation } from "../tables";

// SQL of a survey's results. Answers are aggregated in the database (jsonb functions, GROUP BY): three statements
// per request whatever the number of answers or questions, returning distinct values with their counts; the rows
// themselves never come to JavaScript, except page by page for the raw export. Every statement is scoped by the
// CLSM and the survey.

type Execute = { rows: Record<string, unknown>[] };
const rowsOf = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as Execute).rows as T[];

/**
 * How the answers of a question are grouped: by their value (choices, scale, yes/no, commune, rating, number), by
 * month (dates), by their whole JSON (multiple choice, matrix, ranking: split into parts by the caller), or not at
 * all (texts: only counted).
 */
export type ValueKind = "value" | "month" | "json" | "count";

/** Ids as a text[] literal: question ids are letters, digits, - and _ only (checked by the definition). */
const idArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::text[]`;

/**
 * What splits the results, as text for each response: the answer to a question (choice id, commune code,
 * "yes"/"no"; null when not answered), or the directory collège of the person whose personal link brought the
 * answer (null for an answer through the public link or a person without collège). Without a cross-tab, every
 * response is in one group (null).
 */
export type Split = { questionId: string; yesNo: boolean } | { college: true };

const scope = (clsmId: string, surveyId: string) =>
  sql`r.clsm_id = ${clsmId}::uuid and r.survey_id = ${surveyId}::uuid`;

function groupOf(split: Split | null): SQL {
  if (!split) return sql`null::text`;
  if ("college" in split)
    return sql`(select p.college_id::text from ${surveyInvitation} i
                join ${directoryPerson} p on p.id = i.person_id where i.id = r.invitation_id)`;
  const v = sql`r.answers -> ${split.questionId}::text`;
  return split.yesNo
    ? sql`case ${v} when 'true'::jsonb then 'yes' when 'false'::jsonb then 'no' end`
    : sql`(${v} #>> '{}')`;
}

export interface ProjectionRow {
  p: Record<string, unknown> | null;
  g: string | null;
  n: number;
}

/**
 * Respondents counted by their answers to the questions conditions look at (`projected`: raw value, or only
 * whether it was answered), and by group: enough to replay `visibleQuestions` once per distinct combination.
 */
export async function projections(
  db: Db,
  clsmId: string,
  surveyId: string,
  projected: { questionId: string; answeredOnly: boolean }[],
  split: Split | null,
) {
  const pairs = projected.map(({ questionId, answeredOnly }) =>
    answeredOnly
      ? sql`${questionId}::text, to_jsonb(r.answers ? ${questionId}::text)`
      : sql`${questionId}::text, r.answers -> ${questionId}::text`,
  );
  const p = pairs.length ? sql`jsonb_build_object(${sql.join(pairs, sql`, `)})` : sql`null::jsonb`;
  return rowsOf<ProjectionRow>(
    db,
    sql`select p, g, count(*)::int as n
        from (select ${p} as p, ${groupOf(split)} as g from survey_response r where ${scope(clsmId, surveyId)}) s
        group by p, g`,
  );
}

export interface ValueRow {
  q: string;
  g: string | null;
  /** The value as text (JSON text for "json" questions), the month of a date, or null (texts). */
  v: string | null;
  n: number;
}

/**
 * The distinct answers of every question, counted per group: one pass over the answers (jsonb_each) and one
 * GROUP BY, whatever the number of questions. Every answer is counted once, so the counts of a question add up to
 * the number who answered it; figures (parts, means, medians, bins) are computed from these distinct values.
 */
export async function distinctAnswers(
  db: Db,
  clsmId: string,
  surveyId: string,
  kinds: Record<string, ValueKind>,
  split: Split | null,
) {
  const ids = (kind: ValueKind) => idArray(Object.keys(kinds).filter((q) => kinds[q] === kind));
  return rowsOf<ValueRow>(
    db,
    // The group is read once per answer, not once per question of it: "offset 0" keeps the subquery apart.
    sql`select e.key as q, r.g,
          case when e.key = any(${ids("value")}) then e.value #>> '{}'
               when e.key = any(${ids("month")}) then left(e.value #>> '{}', 7)
               when e.key = any(${ids("json")}) then e.value::text end as v,
          count(*)::int as n
        from (
          select r.answers, ${groupOf(split)} as g from survey_response r
          where ${scope(clsmId, surveyId)} offset 0
        ) r
        cross join jsonb_each(r.answers) e
        group by 1, 2, 3`,
  );
}

/** Answers per day. */
export async function answersPerDay(db: Db, clsmId: string, surveyId: string) {
  return rowsOf<{ day: string; n: number }>(
    db,
    sql`select r.submitted_on::text as day, count(*)::int as n
        from survey_response r where ${scope(clsmId, surveyId)}
        group by r.submitted_on order by r.submitted_on`,
  );
}

export interface ResponseRow {
  id: string;
  day: string;
  respondent_name: string | null;
  person_id: string | null;
  answers: Record<string, unknown>;
  others: Record<string, string>;
}

/** A page of raw answers in (day, id) order after the given one (keyset: a long export never re-reads rows). */
export async function responsesPage(
  db: Db,
  clsmId: string,
  surveyId: string,
  after: { day: string; id: string } | null,
  limit: number,
) {
  const from = after ? sql`and (r.submitted_on, r.id) > (${after.day}::date, ${after.id}::uuid)` : sql``;
  return rowsOf<ResponseRow>(
    db,
    sql`select r.id, r.submitted_on::text as day, r.respondent_name, i.person_id, r.answers, r.others
        from survey_response r left join survey_invitation i on i.id = r.invitation_id
        where ${scope(clsmId, surveyId)} ${from}
        order by r.submitted_on, r.id
        limit ${limit}`,
  );
}

/** Shows the results to the CLSM's members, or back to the coordination only. */
export async function setResultsPublished(db: Db, clsmId: string, surveyId: string, published: boolean) {
  await db.execute(
    sql`update survey set results_published = ${published}, updated_at = now()
        where clsm_id = ${clsmId}::uuid and id = ${surveyId}::uuid`,
  );
}

/**
 * What the survey's answers are, in two numbers: how many, and a sum of their ids' hashes. Answers are never
 * changed once given, so the same two numbers mean the same answers (an answer added or removed changes them).
 */
export async function answersFingerprint(db: Db, clsmId: string, surveyId: string) {
  const [row] = await rowsOf<{ n: number; h: string }>(
    db,
    sql`select count(*)::int as n, coalesce(sum(hashtext(r.id::text)), 0)::text as h
        from survey_response r where ${scope(clsmId, surveyId)}`,
  );
  return `${row?.n ?? 0}:${row?.h ?? "0"}`;
}
