import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";

// SQL of a survey's results. Answers are aggregated in the database (jsonb functions, GROUP BY), a handful of
// statements per request whatever the number of answers or questions: the rows themselves never come to
// JavaScript, except page by page for the raw export. Every statement is scoped by the CLSM and the survey.

type Execute = { rows: Record<string, unknown>[] };
const rowsOf = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as Execute).rows as T[];

/** How an answer is cut into counted tokens (see `answerTokens`). */
export type TokenKind = "one" | "yes_no" | "many" | "month" | "matrix" | "ranking" | "count";

/**
 * The answer that splits the results: its value as text for each response (choice id, commune code, "yes"/"no"),
 * null when the respondent did not answer it. Without a cross-tab, every response is in one group (null).
 */
export interface Split {
  questionId: string;
  yesNo: boolean;
}

const scope = (clsmId: string, surveyId: string) =>
  sql`r.clsm_id = ${clsmId}::uuid and r.survey_id = ${surveyId}::uuid`;

function groupOf(split: Split | null): SQL {
  if (!split) return sql`null::text`;
  const v = sql`r.answers -> ${split.questionId}::text`;
  return split.yesNo
    ? sql`case ${v} when 'true'::jsonb then 'yes' when 'false'::jsonb then 'no' end`
    : sql`(${v} #>> '{}')`;
}

/**
 * With a cross-tab, each figure is computed per group and for everyone at once (GROUPING SETS); `total` tells the
 * rows for everyone apart from the group of those who did not answer the splitting question (g null too).
 */
function grouped(keys: SQL[], split: Split | null): { g: SQL; total: SQL; groupBy: SQL } {
  const list = sql.join(keys, sql`, `);
  return split
    ? { g: sql`g`, total: sql`grouping(g) = 1`, groupBy: sql`grouping sets ((${list}, g), (${list}))` }
    : { g: sql`null::text`, total: sql`true`, groupBy: list };
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

export interface TokenRow {
  q: string;
  g: string | null;
  total: boolean;
  /** null: the answer itself (counts those who answered); else a choice id, a month, "row col", "choice rank"… */
  tok: string | null;
  n: number;
}

/**
 * Counts, per question (and group), each token of the answers: a choice id, "yes"/"no", each choice of a
 * multiple choice, the month of a date, "row column" of a matrix, "choice rank" of a ranking; plus one null
 * token per answer, which counts the respondents who answered.
 */
export async function answerTokens(
  db: Db,
  clsmId: string,
  surveyId: string,
  kinds: Record<string, TokenKind>,
  split: Split | null,
) {
  const { g, total, groupBy } = grouped([sql`q`, sql`tok`], split);
  const only = (kind: TokenKind, type: "array" | "object") =>
    sql`case when a.kind = ${kind} and jsonb_typeof(a.v) = ${type} then a.v else ${type === "array" ? sql`'[]'::jsonb` : sql`'{}'::jsonb`} end`;
  return rowsOf<TokenRow>(
    db,
    sql`select q, ${g} as g, ${total} as total, tok, count(*)::int as n
        from (
          select k.key as q, k.value as kind, r.answers -> k.key as v, ${groupOf(split)} as g
          from survey_response r
          cross join jsonb_each_text(${JSON.stringify(kinds)}::jsonb) k
          where ${scope(clsmId, surveyId)} and r.answers ? k.key
        ) a
        cross join lateral (
          select null::text as tok
          union all select a.v #>> '{}' where a.kind = 'one'
          union all select case a.v when 'true'::jsonb then 'yes' when 'false'::jsonb then 'no' end
            where a.kind = 'yes_no'
          union all select left(a.v #>> '{}', 7) where a.kind = 'month'
          union all select x from jsonb_array_elements_text(${only("many", "array")}) x
          union all select m.key || ' ' || m.value from jsonb_each_text(${only("matrix", "object")}) m
          union all select y.x || ' ' || y.o
            from jsonb_array_elements_text(${only("ranking", "array")}) with ordinality as y(x, o)
        ) t
        group by ${groupBy}`,
  );
}

export interface NumericRow {
  q: string;
  g: string | null;
  total: boolean;
  n: number;
  min: number;
  max: number;
  mean: number;
  median: number;
}

/** Count, minimum, maximum, mean and median of the numeric answers of each question (and group). */
export async function numericStats(
  db: Db,
  clsmId: string,
  surveyId: string,
  questionIds: string[],
  split: Split | null,
) {
  const { g, total, groupBy } = grouped([sql`q`], split);
  return rowsOf<NumericRow>(
    db,
    sql`select q, ${g} as g, ${total} as total, count(*)::int as n, min(x) as min, max(x) as max, avg(x) as mean,
          percentile_cont(0.5) within group (order by x) as median
        from (
          select k.q, (r.answers -> k.q #>> '{}')::float8 as x, ${groupOf(split)} as g
          from survey_response r
          cross join jsonb_array_elements_text(${JSON.stringify(questionIds)}::jsonb) k(q)
          where ${scope(clsmId, surveyId)} and jsonb_typeof(r.answers -> k.q) = 'number'
        ) a
        group by ${groupBy}`,
  );
}

export interface BinRow {
  q: string;
  g: string | null;
  total: boolean;
  bin: number;
  n: number;
}

/** Bins of equal width per question: `[lowest edge, width]`; bin i (from 0) holds lowest + i·width ≤ x < next. */
export async function numberBins(
  db: Db,
  clsmId: string,
  surveyId: string,
  edges: Record<string, [number, number]>,
  split: Split | null,
) {
  const { g, total, groupBy } = grouped([sql`q`, sql`bin`], split);
  return rowsOf<BinRow>(
    db,
    sql`select q, ${g} as g, ${total} as total, bin, count(*)::int as n
        from (
          select k.key as q, ${groupOf(split)} as g,
            greatest(0, floor(((r.answers -> k.key #>> '{}')::float8 - (k.value ->> 0)::float8)
              / (k.value ->> 1)::float8))::int as bin
          from survey_response r
          cross join jsonb_each(${JSON.stringify(edges)}::jsonb) k
          where ${scope(clsmId, surveyId)} and jsonb_typeof(r.answers -> k.key) = 'number'
        ) a
        group by ${groupBy}`,
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
