import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { diagnosticPage, survey } from "../tables";

// SQL of the diagnostic page: its own text and selection, and which selected surveys exist in the CLSM.

export async function findPage(db: Db, clsmId: string) {
  const [row] = await db.select().from(diagnosticPage).where(eq(diagnosticPage.clsmId, clsmId));
  return row;
}

/** Writes the page's text and selection (the row exists once written). */
export async function savePage(
  db: Db,
  values: { clsmId: string; introduction: string; conclusion: string; surveyIds: string[] },
) {
  await db
    .insert(diagnosticPage)
    .values(values)
    .onConflictDoUpdate({
      target: diagnosticPage.clsmId,
      set: {
        introduction: sql`excluded.introduction`,
        conclusion: sql`excluded.conclusion`,
        surveyIds: sql`excluded.survey_ids`,
        updatedAt: new Date(),
      },
    });
}

/** Which of these surveys belong to the CLSM, and whether their results are published to members. */
export async function surveysOf(db: Db, clsmId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: survey.id, resultsPublished: survey.resultsPublished })
    .from(survey)
    .where(and(eq(survey.clsmId, clsmId), inArray(survey.id, ids)));
}
