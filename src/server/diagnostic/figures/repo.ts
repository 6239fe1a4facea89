import { and, asc, count, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { territorialFigure } from "../tables";

export type FigureRow = typeof territorialFigure.$inferSelect;

const f = territorialFigure;
/** By theme (figures without one last), then label, accents and case ignored by lower(). */
const order = [sql`${f.theme} is null`, asc(sql`lower(${f.theme})`), asc(sql`lower(${f.label})`), asc(f.id)];

export async function listFigures(
  db: Db,
  clsmId: string,
  query: { theme?: string; limit: number; offset: number },
) {
  const where = and(
    eq(f.clsmId, clsmId),
    query.theme ? sql`lower(${f.theme}) = lower(${query.theme})` : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(f)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(f).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Every figure of the CLSM, in the list's order (for the diagnostic page). */
export async function allFigures(db: Db, clsmId: string) {
  return db
    .select()
    .from(f)
    .where(eq(f.clsmId, clsmId))
    .orderBy(...order);
}

export async function figureThemes(db: Db, clsmId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ theme: f.theme })
    .from(f)
    .where(and(eq(f.clsmId, clsmId), isNotNull(f.theme)));
  return rows
    .flatMap((r) => (r.theme ? [r.theme] : []))
    .sort((a, b) => a.localeCompare(b, "fr", { sensitivity: "base" }));
}

export async function findFigure(db: Db, clsmId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(f)
    .where(and(eq(f.clsmId, clsmId), eq(f.id, id)))
    .$dynamic();
  const [row] = await (forUpdate ? q.for("update") : q);
  return row;
}

export async function insertFigure(db: Db, values: typeof f.$inferInsert) {
  const [row] = await db.insert(f).values(values).returning();
  if (!row) throw new Error("figure insert returned nothing");
  return row;
}

export async function updateFigure(db: Db, id: string, values: Partial<typeof f.$inferInsert>) {
  const [row] = await db
    .update(f)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(f.id, id))
    .returning();
  if (!row) throw new Error("figure update returned nothing");
  return row;
}

export async function deleteFigure(db: Db, id: string) {
  await db.delete(f).where(eq(f.id, id));
}
