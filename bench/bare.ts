import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import type { Db } from "../src/server/platform/db";
import { searchKey } from "../src/server/territory/normalize";

// The yardstick: a bare Fastify (no plugins, no hooks, no auth, no schema) whose routes each answer with
// ONE SQL query on the same database handle as the application, returning the same information.
// The application / bare ratio is what the real stack (session, access checks, validation, serialisation,
// and its several queries) costs on top of the database work.

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

interface HomeRow {
  id: string;
  name: string;
  status: string;
  createdAt: Date;
  scale: string;
  population: number;
  memberCount: number;
  communes: unknown[];
  epcis: unknown[];
  quartiers: unknown[];
  departements: unknown[];
  regions: unknown[];
}

/** The CLSM home (GET /api/clsms/:id) in one statement: the row, its territory and its member count. */
export async function clsmHome(db: Db, id: string) {
  const [row] = rowsOf<HomeRow>(
    await db.execute(sql`
      select c.id, c.name, c.status, c.created_at as "createdAt", c.scale, c.population,
        (select count(*)::int from clsm_membership m where m.clsm_id = c.id) as "memberCount",
        coalesce((select json_agg(json_build_object('code', rc.code, 'name', rc.name,
                    'population', rc.population, 'departementCode', rc.departement_code,
                    'epciCode', rc.epci_code) order by rc.name)
                  from clsm_commune cc join ref_commune rc on rc.code = cc.commune_code
                  where cc.clsm_id = c.id), '[]') as communes,
        coalesce((select json_agg(json_build_object('code', e.code, 'name', e.name) order by e.code)
                  from ref_epci e
                  where e.code in (select cc.via_epci_code from clsm_commune cc where cc.clsm_id = c.id)),
                 '[]') as epcis,
        coalesce((select json_agg(json_build_object('id', q.id, 'name', q.name, 'communeCode', q.commune_code,
                    'population', q.population) order by q.name)
                  from clsm_quartier q where q.clsm_id = c.id), '[]') as quartiers,
        coalesce((select json_agg(json_build_object('code', d.code, 'name', d.name) order by d.code)
                  from ref_departement d where d.code = any(c.departement_codes)), '[]') as departements,
        coalesce((select json_agg(json_build_object('code', r.code, 'name', r.name) order by r.name)
                  from ref_region r where r.code = any(c.region_codes)), '[]') as regions
      from clsm c where c.id = ${id}`),
  );
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    createdAt: row.createdAt,
    territory: {
      scale: row.scale,
      population: row.population,
      communes: row.communes,
      epcis: row.epcis,
      quartiers: row.quartiers,
      departements: row.departements,
      regions: row.regions,
    },
    memberCount: row.memberCount,
  };
}

/** One page of members with the total (window count) and pending invitations, in one statement. */
export async function clsmMembers(db: Db, id: string, limit: number, offset: number) {
  const rows = rowsOf<Record<string, unknown> & { total: number }>(
    await db.execute(sql`
      select u.id as "userId", u.name, u.email, m.role, m.is_chair as "isChair", m.is_colead as "isColead",
             m.created_at as "joinedAt",
             (not u.email_verified and not exists (select 1 from account a
               where a.user_id = u.id and a.provider_id = 'credential')) as "invitationPending",
             count(*) over ()::int as total
      from clsm_membership m join "user" u on u.id = m.user_id
      where m.clsm_id = ${id}
      order by m.role = 'coordinator' desc, u.name, u.id
      limit ${limit} offset ${offset}`),
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _, ...item }) => item) };
}

interface HitRow {
  kind: "commune" | "epci";
  code: string;
  name: string;
  population: number;
  departementCode: string | null;
  departementName: string | null;
  postalCodes: string[] | null;
  communeCount: number | null;
  departementCodes: string[] | null;
}

/** The territory search (same predicates and order as territory/repo.ts) in one statement. */
export async function territorySearch(db: Db, q: string, limit: number) {
  const key = searchKey(q);
  const code = q.trim().toUpperCase();
  const contains = `%${key}%`;
  const prefix = `${key}%`;
  const rows = rowsOf<HitRow>(
    await db.execute(sql`
      (select 'commune' as kind, c.code, c.name, c.population, c.departement_code as "departementCode",
              d.name as "departementName", c.postal_codes as "postalCodes",
              null::int as "communeCount", null::text[] as "departementCodes"
       from ref_commune c join ref_departement d on d.code = c.departement_code
       where c.search_name like ${contains} or c.code = ${code} or c.postal_codes @> array[${code}]::text[]
       order by case when c.search_name = ${key} or c.code = ${code} then 0
                     when c.search_name like ${prefix} then 1 else 2 end, c.population desc
       limit ${limit})
      union all
      (select 'epci', e.code, e.name, e.population, null, null, null,
              (select count(*)::int from ref_commune rc where rc.epci_code = e.code),
              (select array_agg(distinct rc.departement_code) from ref_commune rc where rc.epci_code = e.code)
       from ref_epci e
       where e.search_name like ${contains} or e.code = ${code}
       order by case when e.search_name like ${prefix} or e.code = ${code} then 0 else 1 end, e.population desc
       limit ${Math.ceil(limit / 3)})`),
  );
  const hit = (r: HitRow) =>
    r.kind === "epci"
      ? {
          kind: r.kind,
          code: r.code,
          name: r.name,
          population: r.population,
          communeCount: r.communeCount,
          departementCodes: r.departementCodes ?? [],
        }
      : {
          kind: r.kind,
          code: r.code,
          name: r.name,
          departementCode: r.departementCode,
          departementName: r.departementName,
          population: r.population,
          postalCodes: r.postalCodes,
        };
  const epcis = rows.filter((r) => r.kind === "epci");
  const leading = epcis.filter((e) => searchKey(e.name).startsWith(key));
  const trailing = epcis.filter((e) => !leading.includes(e));
  const communes = rows.filter((r) => r.kind === "commune");
  return [...leading, ...communes, ...trailing].slice(0, limit).map(hit);
}

export function buildBareApp(db: Db): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>("/bare/clsms/:id", async (request, reply) => {
    const home = await clsmHome(db, request.params.id);
    return home ?? reply.status(404).send({ error: "not found" });
  });
  app.get<{ Params: { id: string }; Querystring: { limit?: string; offset?: string } }>(
    "/bare/clsms/:id/members",
    async (request) =>
      clsmMembers(
        db,
        request.params.id,
        Number(request.query.limit ?? 25),
        Number(request.query.offset ?? 0),
      ),
  );
  app.get<{ Querystring: { q?: string; limit?: string } }>("/bare/territory/search", async (request) => ({
    items: await territorySearch(db, request.query.q ?? "", Number(request.query.limit ?? 15)),
  }));
  return app;
}
