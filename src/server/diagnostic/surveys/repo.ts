import { and, count, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import { containing, type Db } from "../../platform/db";
import { searchKey } from "../../territory/normalize";
import { survey, surveyResponse } from "../tables";

// SQL of the survey builder. Other parts of the diagnostic (answering, results) may reuse `findSurvey` and
// `responseCounts`; every function is scoped by the CLSM.

export type SurveyRow = typeof survey.$inferSelect;

const accented = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœ";
const plain = "aaaaaaceeeeiiiinooooouuuuyyae";
/** The title folded like `searchKey` folds the query (case and accents ignored). */
const foldedTitle = sql`translate(lower(${survey.title}), ${accented}, ${plain})`;

/** A page of a CLSM's surveys, newest first, with the total; drafts only when `withDrafts`. */
export async function listSurveys(
  db: Db,
  clsmId: string,
  query: { q?: string; limit: number; offset: number; withDrafts: boolean },
) {
  const conditions: (SQL | undefined)[] = [eq(survey.clsmId, clsmId)];
  if (!query.withDrafts) conditions.push(ne(survey.status, "draft"));
  const words = query.q ? searchKey(query.q).split(" ").filter(Boolean) : [];
  for (const word of words) conditions.push(sql`${foldedTitle} like ${containing(word)}`);
  return db
    .select({ survey, total: sql<number>`(count(*) over ())::int` })
    .from(survey)
    .where(and(...conditions))
    .orderBy(desc(survey.createdAt), desc(survey.id))
    .limit(query.limit)
    .offset(query.offset);
}

/** The number of answers of each survey, in one grouped query (surveys without answers are absent). */
export async function responseCounts(
  db: Db,
  clsmId: string,
  surveyIds: string[],
): Promise<Map<string, number>> {
  if (!surveyIds.length) return new Map();
  const rows = await db
    .select({ surveyId: surveyResponse.surveyId, n: count() })
    .from(surveyResponse)
    .where(and(eq(surveyResponse.clsmId, clsmId), inArray(surveyResponse.surveyId, surveyIds)))
    .groupBy(surveyResponse.surveyId);
  return new Map(rows.map((r) => [r.surveyId, r.n]));
}

export async function responseCount(db: Db, clsmId: string, surveyId: string): Promise<number> {
  return (await responseCounts(db, clsmId, [surveyId])).get(surveyId) ?? 0;
}

/** One survey of a CLSM; `forUpdate` locks it so that changes of one survey run one after the other. */
export async function findSurvey(
  db: Db,
  clsmId: string,
  id: string,
  forUpdate = false,
): Promise<SurveyRow | undefined> {
  const q = db
    .select()
    .from(survey)
    .where(and(eq(survey.clsmId, clsmId), eq(survey.id, id)))
    .$dynamic();
  const [row] = await (forUpdate ? q.for("update") : q);
  return row;
}

export async function insertSurvey(db: Db, values: typeof survey.$inferInsert): Promise<SurveyRow> {
  const [row] = await db.insert(survey).values(values).returning();
  if (!row) throw new Error("survey insert returned nothing");
  return row;
}

export async function updateSurvey(
  db: Db,
  id: string,
  values: Partial<typeof survey.$inferInsert>,
): Promise<SurveyRow> {
  const [row] = await db
    .update(survey)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(survey.id, id))
    .returning();
  if (!row) throw new Error("survey update returned nothing");
  return row;
}

export async function deleteSurvey(db: Db, id: string) {
  await db.delete(survey).where(eq(survey.id, id));
}
