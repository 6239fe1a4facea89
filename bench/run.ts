import { execSync } from "node:child_process";
import { rmSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { count } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { user } from "../src/server/accounts/tables";
import { buildApp } from "../src/server/app";
import { loadConfig } from "../src/server/platform/config";
import { ensureReferenceData } from "../src/server/territory/reference";
import { buildBareApp } from "./bare";
import {
  BENCH_PASSWORD,
  DATASET_VERSION,
  type DatasetInfo,
  loadDataset,
  NATIONAL_SCALE,
  readDatasetInfo,
} from "./dataset";
import { type BenchDatabase, openBenchPglite, openBenchPostgres } from "./db";
import { type LoadResult, runLoad } from "./load";

// npm run bench [-- --fresh] [-- --duration 3] — see bench/README.md.

const { values: flags } = parseArgs({
  options: {
    fresh: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "50" },
    repeat: { type: "string", default: "1" },
    only: { type: "string" },
    trace: { type: "boolean", default: false },
    analyze: { type: "boolean", default: false },
    "data-dir": { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (flags.help) {
  console.log(`npm run bench -- [--fresh] [--duration 10] [--warmup 2] [--connections 50] [--repeat 1] [--only home,members,search] [--trace] [--analyze] [--data-dir DIR]
  DATABASE_URL=postgres://…  runs on PostgreSQL (an empty database, or one the bench filled before)
  otherwise PGlite in bench/.data/pglite (built on first run, rebuilt by --fresh)`);
  process.exit(0);
}
const positive = (name: string, value: string | undefined) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${value}"`);
  return n;
};
const duration = positive("duration", flags.duration);
const warmup = Number(flags.warmup ?? 0);
const connections = Math.round(positive("connections", flags.connections));
const repeat = Math.round(positive("repeat", flags.repeat));

const pgliteDir = flags["data-dir"] ?? fileURLToPath(new URL("./.data/pglite", import.meta.url));
const databaseUrl = process.env.DATABASE_URL || undefined;

const searchQueries = ["saint", "lyon", "brest", "22000", "35238", "val de", "morlaix"];

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const log = (line = "") => console.log(line);

function open(): BenchDatabase {
  return databaseUrl ? openBenchPostgres(databaseUrl) : openBenchPglite(pgliteDir);
}

/** Drops everything in a PostgreSQL database the bench filled before (never a database it did not fill). */
async function resetPostgres(database: BenchDatabase) {
  await database.raw("drop schema if exists drizzle cascade");
  await database.raw("drop schema public cascade");
  await database.raw("create schema public");
}

async function prepareDatabase(): Promise<{ database: BenchDatabase; info: DatasetInfo | undefined }> {
  if (flags.fresh && !databaseUrl) rmSync(pgliteDir, { recursive: true, force: true });
  let database = open();
  log(`Database: ${database.describe}`);
  let t = performance.now();
  await database.migrate();
  const reference = await ensureReferenceData(database.db);
  if (reference.loaded) log(`  reference data ${reference.version} loaded in ${seconds(t)} s`);

  const info = await readDatasetInfo(database.db);
  const stale = info && (flags.fresh || info.version !== DATASET_VERSION);
  const [people] = await database.db.select({ n: count() }).from(user);
  if (!info && (people?.n ?? 0) > 0) {
    if (databaseUrl) {
      throw new Error(
        "DATABASE_URL points to a database that holds accounts but not the bench dataset: give an empty database.",
      );
    }
    log("  incomplete dataset (interrupted load?): rebuilding");
  }
  if (stale || (!info && (people?.n ?? 0) > 0)) {
    if (databaseUrl) await resetPostgres(database);
    else {
      await database.close();
      rmSync(pgliteDir, { recursive: true, force: true });
      database = open();
    }
    t = performance.now();
    await database.migrate();
    await ensureReferenceData(database.db);
    log(`  database reset, migrated and reference data loaded in ${seconds(t)} s`);
    return { database, info: undefined };
  }
  return { database, info };
}

/** Whether the tables were ever analyzed: PGlite has no autovacuum, so without ANALYZE it plans blind. */
async function plannerStatistics(database: BenchDatabase): Promise<string> {
  const [row] = await database.raw(
    `select count(*)::int as n from pg_stats where schemaname = 'public' and tablename in ('user', 'clsm_membership', 'ref_commune')`,
  );
  return Number(row?.n ?? 0) > 0
    ? "tables analyzed (ANALYZE or autovacuum)"
    : database.kind === "pglite"
      ? "never analyzed (PGlite has no autovacuum)"
      : "not analyzed yet (autovacuum has not run yet)";
}

async function signIn(origin: string, email: string): Promise<string> {
  const res = await fetch(`${origin}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function getJson(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`check before load: ${message}`);
}

interface Target {
  paths: string[];
  headers?: Record<string, string>;
}
interface Scenario {
  key: string;
  label: string;
  app: Target;
  bare: Target;
}
interface Measured {
  scenario: Scenario;
  stack: "app" | "bare";
  result: LoadResult;
  queriesPerRequest: number;
}

/** Round trips to the database for one request (sequential, nothing else running); --trace prints them. */
async function queriesPerRequest(database: BenchDatabase, origin: string, target: Target) {
  let total = 0;
  for (const [i, path] of target.paths.entries()) {
    const before = database.queries.count;
    if (flags.trace && i === 0) database.queries.sql = [];
    const res = await fetch(`${origin}${path}`, { headers: target.headers });
    await res.arrayBuffer();
    total += database.queries.count - before;
    if (database.queries.sql) {
      log(`\n  GET ${path} — ${database.queries.sql.length} queries:`);
      for (const query of database.queries.sql) log(`    ${query.replace(/\s+/g, " ").slice(0, 300)}`);
      database.queries.sql = undefined;
    }
  }
  return total / target.paths.length;
}

/** Per figure, the median of the runs (errors and non-2xx are summed: one is too many). */
function median(runs: LoadResult[]): LoadResult {
  const mid = (pick: (r: LoadResult) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
  };
  const sum = (pick: (r: LoadResult) => number) => runs.reduce((total, r) => total + pick(r), 0);
  const statusCodes: Record<string, number> = {};
  for (const r of runs)
    for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  return {
    requestsPerSecond: mid((r) => r.requestsPerSecond),
    total: sum((r) => r.total),
    p50: mid((r) => r.p50),
    p90: mid((r) => r.p90),
    p99: mid((r) => r.p99),
    max: Math.max(...runs.map((r) => r.max)),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    statusCodes,
  };
}

/** Waits until the requests still in flight when autocannon stopped have reached the database. */
async function drained(database: BenchDatabase) {
  const deadline = Date.now() + 15_000;
  let last = -1;
  while (database.queries.count !== last && Date.now() < deadline) {
    last = database.queries.count;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function main() {
  const started = new Date();
  const commit = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  const dirty =
    execSync("git status --porcelain -- src/server src/contracts", { encoding: "utf8" }).trim() !== "";
  log(
    `Maillage bench — ${started.toISOString()} — commit ${commit}${dirty ? " (uncommitted changes in src/server or src/contracts)" : ""}`,
  );
  log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" / ")}`,
  );

  const { database, info: existing } = await prepareDatabase();
  const config = loadConfig({
    LOG_LEVEL: "silent",
    BASE_URL: "http://127.0.0.1",
    JOB_POLL_MS: "0",
    MAILLAGE_DEMO: "false",
  });
  const { app, services } = await buildApp({ config, database, serveWeb: false, logger: false });
  let info = existing;
  if (!info) {
    log(`Loading the national dataset (${NATIONAL_SCALE.clsms} CLSMs, ${NATIONAL_SCALE.people} people)…`);
    const t = performance.now();
    info = await loadDataset(database.db, services, NATIONAL_SCALE, (line) => log(line));
    log(`  dataset loaded in ${seconds(t)} s`);
  } else {
    log(`Dataset v${info.version} already loaded (--fresh rebuilds it).`);
  }
  log(
    `  ${info.size.clsms} CLSMs (${info.scales.intercommunal} intercommunal, ${info.scales.communal} communal, ` +
      `${info.scales.infracommunal} infra-communal), ${info.size.people} people, ${info.memberships} memberships, ` +
      `${info.officers} ARS/national/admin accounts`,
  );
  log(
    `  bench coordinator: ${info.coordinator.email} — "${info.coordinator.clsmName}" ` +
      `(${info.coordinator.communeCount} communes, ${info.coordinator.memberCount} members)`,
  );

  // main.ts analyzes at every start (a no-op on PostgreSQL, whose autovacuum does it); --analyze forces it anywhere.
  const t = performance.now();
  if (flags.analyze) await database.raw("analyze");
  else await database.analyze();
  log(`Start-up ANALYZE as in main.ts done in ${seconds(t)} s.`);
  const statistics = await plannerStatistics(database);
  log(`Planner statistics: ${statistics}`);

  const bare = buildBareApp(database.db);
  const servers: FastifyInstance[] = [app, bare];
  try {
    const appOrigin = await app.listen({ host: "127.0.0.1", port: 0 });
    const bareOrigin = await bare.listen({ host: "127.0.0.1", port: 0 });
    const cookie = await signIn(appOrigin, info.coordinator.email);
    const auth = { cookie };
    const id = info.coordinator.clsmId;
    const q = (s: string) => encodeURIComponent(s);

    const scenarios: Scenario[] = [
      {
        key: "home",
        label: "CLSM home",
        app: { paths: [`/api/clsms/${id}`], headers: auth },
        bare: { paths: [`/bare/clsms/${id}`] },
      },
      {
        key: "members",
        label: "Members (25)",
        app: { paths: [`/api/clsms/${id}/members?limit=25`], headers: auth },
        bare: { paths: [`/bare/clsms/${id}/members?limit=25`] },
      },
      {
        key: "search",
        label: "Territory search",
        app: { paths: searchQueries.map((s) => `/api/territory/search?q=${q(s)}`), headers: auth },
        bare: { paths: searchQueries.map((s) => `/bare/territory/search?q=${q(s)}`) },
      },
    ].filter((s) => !flags.only || flags.only.split(",").includes(s.key));

    // Before any load: every request answers 200 with the same content on both sides, and the session
    // is really checked (no cookie = 401, another tenant's CLSM = 404).
    const home = await getJson(`${appOrigin}/api/clsms/${id}`, auth);
    const bareHome = await getJson(`${bareOrigin}/bare/clsms/${id}`);
    assert(home.status === 200, `GET /api/clsms/:id → ${home.status}`);
    assert(bareHome.status === 200, `GET /bare/clsms/:id → ${bareHome.status}`);
    const territory = (body: Record<string, unknown>) => body.territory as { communes: { code: string }[] };
    assert(
      JSON.stringify(territory(home.body).communes.map((c) => c.code)) ===
        JSON.stringify(territory(bareHome.body).communes.map((c) => c.code)) &&
        home.body.memberCount === bareHome.body.memberCount,
      "the bare home does not return the same communes or member count",
    );
    assert((await getJson(`${appOrigin}/api/clsms/${id}`)).status === 401, "no 401 without a cookie");
    assert(
      (await getJson(`${appOrigin}/api/clsms/${info.otherClsmId}`, auth)).status === 404,
      "another tenant's CLSM is not a 404",
    );
    const members = await getJson(`${appOrigin}/api/clsms/${id}/members?limit=25`, auth);
    const bareMembers = await getJson(`${bareOrigin}/bare/clsms/${id}/members?limit=25`);
    assert(members.status === 200 && bareMembers.status === 200, "the member list does not answer 200");
    const userIds = (body: Record<string, unknown>) =>
      JSON.stringify((body.items as { userId: string }[]).map((m) => m.userId));
    assert(
      members.body.total === bareMembers.body.total && userIds(members.body) === userIds(bareMembers.body),
      "the bare member list differs",
    );
    for (const s of searchQueries) {
      const hits = await getJson(`${appOrigin}/api/territory/search?q=${q(s)}`, auth);
      const bareHits = await getJson(`${bareOrigin}/bare/territory/search?q=${q(s)}`);
      assert(hits.status === 200 && bareHits.status === 200, `search "${s}": not 200`);
      const codes = (body: Record<string, unknown>) =>
        JSON.stringify((body.items as { code: string }[]).map((h) => h.code));
      assert(codes(hits.body) === codes(bareHits.body), `search "${s}": different results`);
      assert((hits.body.items as unknown[]).length > 0, `search "${s}": no result`);
    }
    log(
      "Checks: 200 everywhere, same content app / bare, 401 without a cookie, 404 on another tenant's CLSM.",
    );

    const explain = await database.raw(
      `explain (analyze, format json) select code from ref_commune
       where search_name like '%saint%' or code = 'SAINT' or postal_codes @> array['SAINT']::text[]
       order by population desc limit 15`,
    );
    type Plan = { "Execution Time": number };
    const plan = (explain[0]?.["QUERY PLAN"] as Plan[] | undefined)?.[0];
    if (!plan) throw new Error("EXPLAIN sans plan");
    const scanned = JSON.stringify(plan).match(/"Node Type":"([^"]+Scan)"/)?.[1] ?? "?";
    log(`Commune search "saint": ${scanned}, ${plan["Execution Time"].toFixed(1)} ms in the database.`);

    const perRequest = new Map<string, number>();
    for (const scenario of scenarios) {
      perRequest.set(`${scenario.key}/app`, await queriesPerRequest(database, appOrigin, scenario.app));
      perRequest.set(`${scenario.key}/bare`, await queriesPerRequest(database, bareOrigin, scenario.bare));
    }

    const measured: Measured[] = [];
    log(
      `\nLoad: autocannon, ${connections} connections, ${duration} s per scenario` +
        (repeat > 1 ? `, ${repeat} times alternating app and bare (medians in the tables)` : "") +
        (warmup > 0 ? ` (after ${warmup} s of unmeasured warm-up)` : "") +
        ", from a separate process, against 127.0.0.1.",
    );
    for (const scenario of scenarios) {
      const runs: Record<"app" | "bare", LoadResult[]> = { app: [], bare: [] };
      // app, bare, app, bare…: a burst of outside load hits both stacks alike.
      for (let round = 0; round < repeat; round++) {
        for (const stack of ["app", "bare"] as const) {
          const target = scenario[stack];
          const origin = stack === "app" ? appOrigin : bareOrigin;
          const load = { origin, paths: target.paths, headers: target.headers, connections };
          if (round === 0 && warmup > 0) await runLoad({ ...load, duration: warmup });
          await drained(database);
          const result = await runLoad({ ...load, duration });
          await drained(database);
          runs[stack].push(result);
          log(
            `  ${scenario.label.padEnd(22)} ${stack === "app" ? "app " : "bare"} ` +
              `${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms` +
              ` (p90 ${result.p90}, max ${result.max})  non-2xx ${result.non2xx}  errors ${result.errors}`,
          );
        }
      }
      for (const stack of ["app", "bare"] as const) {
        const queries = perRequest.get(`${scenario.key}/${stack}`) ?? Number.NaN;
        measured.push({ scenario, stack, result: median(runs[stack]), queriesPerRequest: queries });
      }
    }

    report(measured, info, `${database.describe}, planner statistics: ${statistics}`, commit);
    const failures = measured.filter((m) => m.result.non2xx > 0 || m.result.errors > 0);
    if (failures.length) {
      console.error(
        `\nWARNING: non-2xx responses or errors under load (${failures
          .map(
            (f) =>
              `${f.scenario.label} ${f.stack}: status ${JSON.stringify(f.result.statusCodes)}, ` +
              `${f.result.errors} errors of which ${f.result.timeouts} timeouts (> 10 s)`,
          )
          .join("; ")}). These figures do not measure normal service.`,
      );
      process.exitCode = 1;
    }
    log(
      `\nLoad average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" / ")}`,
    );
  } finally {
    for (const server of servers) await server.close();
    await database.close();
  }
}

function report(measured: Measured[], info: DatasetInfo, describe: string, commit: string) {
  const rows: string[][] = [];
  const ratios: string[][] = [];
  const byScenario = new Map<string, Measured[]>();
  for (const m of measured) byScenario.set(m.scenario.key, [...(byScenario.get(m.scenario.key) ?? []), m]);
  for (const [, pair] of byScenario) {
    for (const m of pair) {
      rows.push([
        m.scenario.label,
        m.stack === "app" ? "app" : "bare Fastify, 1 SQL statement",
        m.result.requestsPerSecond.toFixed(0),
        String(m.result.p50),
        String(m.result.p99),
        `${m.result.non2xx} / ${m.result.errors}`,
        m.queriesPerRequest.toFixed(1),
      ]);
    }
    const app = pair.find((m) => m.stack === "app")?.result;
    const bare = pair.find((m) => m.stack === "bare")?.result;
    if (app && bare) {
      ratios.push([
        pair[0]?.scenario.label ?? "",
        (app.requestsPerSecond / bare.requestsPerSecond).toFixed(2),
        (app.p99 / Math.max(bare.p99, 1)).toFixed(2),
      ]);
    }
  }
  const table = (header: string[], body: string[][]) =>
    [header, header.map(() => "---"), ...body].map((r) => `| ${r.join(" | ")} |`).join("\n");
  log(
    `\n### ${describe} — commit ${commit}, ${connections} connections × ${duration} s${repeat > 1 ? `, median of ${repeat} runs` : ""}\n`,
  );
  log(
    `Dataset: ${info.size.clsms} CLSMs, ${info.size.people} people, ${info.memberships} memberships; ` +
      `measured CLSM: ${info.coordinator.communeCount} communes, ${info.coordinator.memberCount} members.\n`,
  );
  log(
    table(
      ["Scenario", "Stack", "req/s", "p50 ms", "p99 ms", "non-2xx / errors", "SQL statements per request"],
      rows,
    ),
  );
  log("");
  log(table(["Scenario", "throughput app / bare", "p99 app / bare"], ratios));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
