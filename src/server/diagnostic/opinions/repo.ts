import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { diagnosticOpinion } from "../tables";

// SQL of the avis. Every query is scoped by the CLSM.

export type OpinionRow = typeof diagnosticOpinion.$inferSelect;

/** A page of a CLSM's avis, the latest changed first, with the total. */
export async function listOpinions(db: Db, clsmId: string, page: { limit: number; offset: number }) {
  return db
    .select({ opinion: diagnosticOpinion, total: sql<number>`(count(*) over ())::int` })
    .from(diagnosticOpinion)
    .where(eq(diagnosticOpinion.clsmId, clsmId))
    .orderBy(desc(diagnosticOpinion.createdAt), desc(diagnosticOpinion.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** One avis; `forUpdate` locks it so that changes (editing, adopting, sending) run one after the other. */
export async function findOpinion(
  db: Db,
  clsmId: string,
  id: string,
  forUpdate = false,
): Promise<OpinionRow | undefined> {
  const q = db
    .select()
    .from(diagnosticOpinion)
    .where(and(eq(diagnosticOpinion.clsmId, clsmId), eq(diagnosticOpinion.id, id)))
    .$dynamic();
  const [row] = await (forUpdate ? q.for("update") : q);
  return row;
}

export async function insertOpinion(db: Db, values: typeof diagnosticOpinion.$inferInsert) {
  const [row] = await db.insert(diagnosticOpinion).values(values).returning({ id: diagnosticOpinion.id });
  if (!row) throw new Error("opinion insert returned nothing");
  return row.id;
}

export async function updateOpinion(
  db: Db,
  id: string,
  values: Partial<typeof diagnosticOpinion.$inferInsert>,
) {
  await db
    .update(diagnosticOpinion)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(diagnosticOpinion.id, id));
}

export async function deleteOpinion(db: Db, id: string) {
  await db.delete(diagnosticOpinion).where(eq(diagnosticOpinion.id, id));
}
