import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { containing, type Db } from "../../platform/db";
import { searchKey } from "../../territory/normalize";
import { surveyAnswerTag, surveyResponse } from "../tables";

// SQL of the free texts of a survey (text questions and "Autre, précisez") and of the tags put on them.

type Execute = { rows: Record<string, unknown>[] };
const rowsOf = async <T>(db: Db, query: SQL) => ((await db.execute(query)) as unknown as Execute).rows as T[];

const accented = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœ";
const plain = "aaaaaaceeeeiiiinooooouuuuyyae";

export interface TextRow {
  response_id: string;
  q: string;
  text: string;
  other: boolean;
  submitted_on: string;
  respondent_name: string | null;
  person_id: string | null;
  total: number;
}

/**
 * A page of free texts, most recent day first, with the total: answers to `textIds` and "Autre" texts of
 * `otherIds`, narrowed to one question, to the texts carrying a tag, and to words (case and accents ignored).
 */
export async function textsPage(
  db: Db,
  clsmId: string,
  surveyId: string,
  query: {
    textIds: string[];
    otherIds: string[];
    questionId?: string;
    tag?: string;
    q?: string;
    limit: number;
    offset: number;
  },
) {
  const filters: SQL[] = [sql`r.clsm_id = ${clsmId}::uuid`, sql`r.survey_id = ${surveyId}::uuid`];
  if (query.questionId) filters.push(sql`e.q = ${query.questionId}`);
  for (const word of query.q ? searchKey(query.q).split(" ").filter(Boolean) : [])
    filters.push(sql`translate(lower(e.text), ${accented}, ${plain}) like ${containing(word)}`);
  if (query.tag)
    filters.push(sql`exists (select 1 from survey_answer_tag t
      where t.response_id = r.id and t.question_id = e.q and t.tag = ${query.tag})`);
  return rowsOf<TextRow>(
    db,
    sql`select r.id as response_id, e.q, e.text, e.other, r.submitted_on::text as submitted_on,
          r.respondent_name, i.person_id, (count(*) over ())::int as total
        from survey_response r
        left join survey_invitation i on i.id = r.invitation_id
        cross join lateral (
          select k.q, r.answers ->> k.q as text, false as other
          from jsonb_array_elements_text(${JSON.stringify(query.textIds)}::jsonb) k(q)
          where jsonb_typeof(r.answers -> k.q) = 'string'
          union all
          select k.q, r.others ->> k.q, true
          from jsonb_array_elements_text(${JSON.stringify(query.otherIds)}::jsonb) k(q)
          where jsonb_typeof(r.others -> k.q) = 'string'
        ) e
        where ${sql.join(filters, sql` and `)}
        order by r.submitted_on desc, r.id, e.q
        limit ${query.limit} offset ${query.offset}`,
  );
}

/** The tags of the given answers, by "responseId questionId". */
export async function tagsOf(db: Db, clsmId: string, surveyId: string, responseIds: string[]) {
  const out = new Map<string, string[]>();
  if (!responseIds.length) return out;
  const rows = await db
    .select({
      responseId: surveyAnswerTag.responseId,
      questionId: surveyAnswerTag.questionId,
      tag: surveyAnswerTag.tag,
    })
    .from(surveyAnswerTag)
    .where(
      and(
        eq(surveyAnswerTag.clsmId, clsmId),
        eq(surveyAnswerTag.surveyId, surveyId),
        inArray(surveyAnswerTag.responseId, responseIds),
      ),
    )
    .orderBy(asc(surveyAnswerTag.tag));
  for (const r of rows) {
    const key = `${r.responseId} ${r.questionId}`;
    out.set(key, [...(out.get(key) ?? []), r.tag]);
  }
  return out;
}

/** How many answers carry each tag, per question, most used first. */
export async function tagCounts(db: Db, clsmId: string, surveyId: string) {
  return db
    .select({ questionId: surveyAnswerTag.questionId, tag: surveyAnswerTag.tag, count: count() })
    .from(surveyAnswerTag)
    .where(and(eq(surveyAnswerTag.clsmId, clsmId), eq(surveyAnswerTag.surveyId, surveyId)))
    .groupBy(surveyAnswerTag.questionId, surveyAnswerTag.tag)
    .orderBy(desc(count()), asc(surveyAnswerTag.tag));
}

/** One answer of the survey (its texts), or undefined. */
export async function findResponse(db: Db, clsmId: string, surveyId: string, responseId: string) {
  const [row] = await db
    .select({ id: surveyResponse.id, answers: surveyResponse.answers, others: surveyResponse.others })
    .from(surveyResponse)
    .where(
      and(
        eq(surveyResponse.clsmId, clsmId),
        eq(surveyResponse.surveyId, surveyId),
        eq(surveyResponse.id, responseId),
      ),
    );
  return row;
}

export async function addTag(
  db: Db,
  row: { clsmId: string; surveyId: string; responseId: string; questionId: string; tag: string },
) {
  await db.insert(surveyAnswerTag).values(row).onConflictDoNothing();
}

export async function removeTag(
  db: Db,
  row: { clsmId: string; surveyId: string; responseId: string; questionId: string; tag: string },
) {
  await db
    .delete(surveyAnswerTag)
    .where(
      and(
        eq(surveyAnswerTag.clsmId, row.clsmId),
        eq(surveyAnswerTag.surveyId, row.surveyId),
        eq(surveyAnswerTag.responseId, row.responseId),
        eq(surveyAnswerTag.questionId, row.questionId),
        eq(surveyAnswerTag.tag, row.tag),
      ),
    );
}

/** The tags of one answer to one question, in alphabetical order. */
export async function answerTags(db: Db, clsmId: string, responseId: string, questionId: string) {
  const rows = await db
    .select({ tag: surveyAnswerTag.tag })
    .from(surveyAnswerTag)
    .where(
      and(
        eq(surveyAnswerTag.clsmId, clsmId),
        eq(surveyAnswerTag.responseId, responseId),
        eq(surveyAnswerTag.questionId, questionId),
      ),
    )
    .orderBy(asc(surveyAnswerTag.tag));
  return rows.map((r) => r.tag);
}
