import { and, asc, count, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Objective } from "../../../contracts/objectives";
import { containing, type Db } from "../../platform/db";
import { diagnosticLink, diagnosticNeed, diagnosticResource, survey } from "../tables";

export type NeedRow = typeof diagnosticNeed.$inferSelect;
export type ResourceRow = typeof diagnosticResource.$inferSelect;
export type LinkRow = typeof diagnosticLink.$inferSelect;

// ─── Search and sort helpers ─────────────────────────────────────────────────────────────────────────────

const accented = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿ";
const plain = "aaaaaaceeeeiiiinooooouuuuyy";

/** Lower case, ligatures spelt out, accents off: the same fold is applied to the query in `foldedQuery`. */
const folded = (text: SQL) =>
  sql`translate(replace(replace(lower(${text}), 'œ', 'oe'), 'æ', 'ae'), ${accented}, ${plain})`;
const foldedQuery = (q: string) =>
  q
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");

/** Title or description containing the query, accents and case ignored. */
function matching(title: AnyPgColumn, description: AnyPgColumn, q: string | undefined) {
  const query = q ? foldedQuery(q).trim() : "";
  if (!query) return undefined;
  return sql`${folded(sql`${title} || ' ' || coalesce(${description}, '')`)} like ${containing(query)}`;
}

const byTitle = (title: AnyPgColumn) => folded(sql`${title}`);

export interface OwnerListQuery {
  objective?: Objective;
  q?: string;
  sort: "created" | "title";
  limit: number;
  offset: number;
}

// ─── Needs ───────────────────────────────────────────────────────────────────────────────────────────────

export async function listNeeds(db: Db, clsmId: string, query: OwnerListQuery & { theme?: string }) {
  const n = diagnosticNeed;
  const where = and(
    eq(n.clsmId, clsmId),
    query.objective ? sql`${query.objective} = any(${n.objectives})` : undefined,
    query.theme ? sql`lower(${n.theme}) = lower(${query.theme})` : undefined,
    matching(n.title, n.description, query.q),
  );
  const order = query.sort === "title" ? [asc(byTitle(n.title)), asc(n.id)] : [desc(n.createdAt), desc(n.id)];
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(n)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(n).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** Every need of the CLSM, by title (for the diagnostic page). */
export async function allNeeds(db: Db, clsmId: string) {
  return db
    .select()
    .from(diagnosticNeed)
    .where(eq(diagnosticNeed.clsmId, clsmId))
    .orderBy(asc(byTitle(diagnosticNeed.title)), asc(diagnosticNeed.id));
}

/** The distinct themes of the CLSM's needs, alphabetically. */
export async function needThemes(db: Db, clsmId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ theme: diagnosticNeed.theme })
    .from(diagnosticNeed)
    .where(and(eq(diagnosticNeed.clsmId, clsmId), isNotNull(diagnosticNeed.theme)));
  return rows
    .flatMap((r) => (r.theme ? [r.theme] : []))
    .sort((a, b) => a.localeCompare(b, "fr", { sensitivity: "base" }));
}

export async function findNeed(db: Db, clsmId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(diagnosticNeed)
    .where(and(eq(diagnosticNeed.clsmId, clsmId), eq(diagnosticNeed.id, id)))
    .$dynamic();
  const [row] = await (forUpdate ? q.for("update") : q);
  return row;
}

export async function insertNeed(db: Db, values: typeof diagnosticNeed.$inferInsert) {
  const [row] = await db.insert(diagnosticNeed).values(values).returning({ id: diagnosticNeed.id });
  if (!row) throw new Error("need insert returned nothing");
  return row.id;
}

export async function updateNeed(db: Db, id: string, values: Partial<typeof diagnosticNeed.$inferInsert>) {
  await db
    .update(diagnosticNeed)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(diagnosticNeed.id, id));
}

export async function deleteNeed(db: Db, id: string) {
  await db.delete(diagnosticNeed).where(eq(diagnosticNeed.id, id));
}

// ─── Resources ───────────────────────────────────────────────────────────────────────────────────────────

export async function listResources(db: Db, clsmId: string, query: OwnerListQuery & { kind?: string }) {
  const r = diagnosticResource;
  const where = and(
    eq(r.clsmId, clsmId),
    query.objective ? sql`${query.objective} = any(${r.objectives})` : undefined,
    query.kind ? eq(r.kind, query.kind) : undefined,
    matching(r.title, r.description, query.q),
  );
  const order = query.sort === "title" ? [asc(byTitle(r.title)), asc(r.id)] : [desc(r.createdAt), desc(r.id)];
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(r)
      .where(where)
      .orderBy(...order)
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(r).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function allResources(db: Db, clsmId: string) {
  return db
    .select()
    .from(diagnosticResource)
    .where(eq(diagnosticResource.clsmId, clsmId))
    .orderBy(asc(byTitle(diagnosticResource.title)), asc(diagnosticResource.id));
}

export async function findResource(db: Db, clsmId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(diagnosticResource)
    .where(and(eq(diagnosticResource.clsmId, clsmId), eq(diagnosticResource.id, id)))
    .$dynamic();
  const [row] = await (forUpdate ? q.for("update") : q);
  return row;
}

export async function insertResource(db: Db, values: typeof diagnosticResource.$inferInsert) {
  const [row] = await db.insert(diagnosticResource).values(values).returning({ id: diagnosticResource.id });
  if (!row) throw new Error("resource insert returned nothing");
  return row.id;
}

export async function updateResource(
  db: Db,
  id: string,
  values: Partial<typeof diagnosticResource.$inferInsert>,
) {
  await db
    .update(diagnosticResource)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(diagnosticResource.id, id));
}

export async function deleteResource(db: Db, id: string) {
  await db.delete(diagnosticResource).where(eq(diagnosticResource.id, id));
}

// ─── Links ───────────────────────────────────────────────────────────────────────────────────────────────

export type LinkOwner = { needId: string } | { resourceId: string };
const ownerColumn = (owner: "need" | "resource") =>
  owner === "need" ? diagnosticLink.needId : diagnosticLink.resourceId;

/** The links of some needs or resources, oldest first, in one query. */
export async function linksOf(db: Db, owner: "need" | "resource", ids: string[]) {
  if (!ids.length) return [];
  return db
    .select()
    .from(diagnosticLink)
    .where(inArray(ownerColumn(owner), ids))
    .orderBy(asc(diagnosticLink.createdAt), asc(diagnosticLink.id));
}

export async function findLink(db: Db, clsmId: string, id: string) {
  const [row] = await db
    .select()
    .from(diagnosticLink)
    .where(and(eq(diagnosticLink.clsmId, clsmId), eq(diagnosticLink.id, id)));
  return row;
}

/** The same link if it exists already (same owner, same survey and question, or same meeting). */
export async function findSameLink(
  db: Db,
  owner: LinkOwner,
  target: { surveyId: string | null; questionId: string | null; meetingId: string | null },
) {
  const [row] = await db
    .select()
    .from(diagnosticLink)
    .where(
      and(
        "needId" in owner
          ? eq(diagnosticLink.needId, owner.needId)
          : eq(diagnosticLink.resourceId, owner.resourceId),
        target.surveyId ? eq(diagnosticLink.surveyId, target.surveyId) : isNull(diagnosticLink.surveyId),
        target.questionId
          ? eq(diagnosticLink.questionId, target.questionId)
          : isNull(diagnosticLink.questionId),
        target.meetingId ? eq(diagnosticLink.meetingId, target.meetingId) : isNull(diagnosticLink.meetingId),
      ),
    );
  return row;
}

export async function insertLink(db: Db, values: typeof diagnosticLink.$inferInsert) {
  const [row] = await db.insert(diagnosticLink).values(values).returning();
  if (!row) throw new Error("link insert returned nothing");
  return row;
}

export async function deleteLink(db: Db, id: string) {
  await db.delete(diagnosticLink).where(eq(diagnosticLink.id, id));
}

// ─── Surveys (the same domain: read for the links) ───────────────────────────────────────────────────────

/** Title, status and questionnaire of some surveys of the CLSM (unknown ids left out). */
export async function surveysByIds(db: Db, clsmId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: survey.id, title: survey.title, status: survey.status, definition: survey.definition })
    .from(survey)
    .where(and(eq(survey.clsmId, clsmId), inArray(survey.id, ids)));
}

/** The status of some surveys of the CLSM, without their questionnaires. */
export async function surveyStatuses(db: Db, clsmId: string, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: survey.id, status: survey.status })
    .from(survey)
    .where(and(eq(survey.clsmId, clsmId), inArray(survey.id, ids)));
}

/** The CLSM's most recent survey made from a shipped template (the demo links to the residents' survey). */
export async function surveyOfTemplate(db: Db, clsmId: string, templateKey: string) {
  const [row] = await db
    .select({ id: survey.id, title: survey.title, definition: survey.definition })
    .from(survey)
    .where(and(eq(survey.clsmId, clsmId), eq(survey.templateKey, templateKey)))
    .orderBy(desc(survey.createdAt))
    .limit(1);
  return row;
}

// ─── Summary ─────────────────────────────────────────────────────────────────────────────────────────────

/** Needs and resources per objective tag ('' for those without any), in one query. */
export async function countsByObjective(db: Db, clsmId: string) {
  const result = await db.execute(sql`
    select 'need' as kind, coalesce(o.objective, '') as objective, count(*)::int as n
      from ${diagnosticNeed} x
      left join lateral unnest(x.objectives) as o(objective) on true
      where x.clsm_id = ${clsmId}
      group by 2
    union all
    select 'resource' as kind, coalesce(o.objective, '') as objective, count(*)::int as n
      from ${diagnosticResource} x
      left join lateral unnest(x.objectives) as o(objective) on true
      where x.clsm_id = ${clsmId}
      group by 2`);
  return (result as unknown as { rows: { kind: "need" | "resource"; objective: string; n: number }[] }).rows;
}

/** How many needs and resources the CLSM has. */
export async function totals(db: Db, clsmId: string) {
  const [[needs], [resources]] = await Promise.all([
    db.select({ n: count() }).from(diagnosticNeed).where(eq(diagnosticNeed.clsmId, clsmId)),
    db.select({ n: count() }).from(diagnosticResource).where(eq(diagnosticResource.clsmId, clsmId)),
  ]);
  return { needs: needs?.n ?? 0, resources: resources?.n ?? 0 };
}
