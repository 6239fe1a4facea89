// Survey results bench, over HTTP as the web app calls them (app.inject: the whole Fastify stack, no socket).
//   npx tsx bench/surveys.ts [--answers 20000] [--repeat 20]
// Fills a fresh database — in-memory PGlite, or PostgreSQL when DATABASE_URL names an empty database — with one
// residents' survey of `--answers` answers (surveys-dataset.ts), then times the computation of the results
// (plain and crossed, without the cache), and over HTTP the results (served from the cache once computed), a
// page of free texts, the tag counts and the raw answers and summary exports (CSV and XLSX).
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { allQuestions } from "../src/contracts/survey-definition";
import { buildApp } from "../src/server/app";
import { computeResults } from "../src/server/diagnostic/results/aggregate";
import { findSurvey } from "../src/server/diagnostic/surveys/repo";
import { loadConfig } from "../src/server/platform/config";
import { openPglite, openPostgres } from "../src/server/platform/db";
import { ensureReferenceData } from "../src/server/territory/reference";
import { BENCH_PASSWORD, loadSurveyDataset } from "./surveys-dataset";

const { values } = parseArgs({
  options: { answers: { type: "string", default: "20000" }, repeat: { type: "string", default: "20" } },
});
const repeat = Number(values.repeat);

const database = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL) : openPglite();
await database.migrate();
await ensureReferenceData(database.db);
const { app, services } = await buildApp({
  config: loadConfig({ LOG_LEVEL: "silent", BASE_URL: "http://localhost:3000", JOB_POLL_MS: "0" }),
  database,
  serveWeb: false,
  logger: false,
});
await app.ready();

console.log(`Database: ${database.kind}; ${cpus().length} cores; load average ${loadavg()[0]?.toFixed(1)}`);
const data = await loadSurveyDataset(database.db, services, Number(values.answers));
await database.db.execute(sql`analyze`);
console.log(`Loaded ${data.answers} answers in ${data.seconds.toFixed(1)} s`);

const session = await app.inject({
  method: "POST",
  url: "/api/session",
  payload: { email: data.coordinatorEmail, password: BENCH_PASSWORD },
});
const setCookie = session.headers["set-cookie"];
const cookie = (Array.isArray(setCookie) ? setCookie : [String(setCookie ?? "")])
  .map((c) => c.split(";")[0])
  .join("; ");
const base = `/api/clsms/${data.clsmId}/surveys/${data.surveyId}`;

const scenarios: [label: string, url: string][] = [
  ["results", `${base}/results`],
  ["results × commune (32 communes)", `${base}/results?by=commune`],
  ["results × need for help (yes/no)", `${base}/results?by=besoin-aide`],
  ["free texts, page 1 (20)", `${base}/results/texts`],
  ["free texts, a tag", `${base}/results/texts?tag=${encodeURIComponent("À relire")}`],
  ["free texts, a word", `${base}/results/texts?q=rendez-vous`],
  ["tag counts", `${base}/results/tags`],
  ["summary export, CSV", `${base}/results/export?format=csv`],
  ["raw answers export, CSV", `${base}/responses/export?format=csv`],
  ["raw answers export, XLSX", `${base}/responses/export?format=xlsx`],
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

// The figures computed from the answers each time (what a request costs when the results cache has nothing).
const row = await findSurvey(database.db, data.clsmId, data.surveyId);
if (!row) throw new Error("no survey");
const communes = new Map(
  (await services.workspaces.territoryCommunes(database.db, data.clsmId)).map((c) => [c.code, c.name]),
);
const questions = allQuestions(row.definition);
function byId(id: string) {
  const question = questions.find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id} in the survey`);
  return question;
}
console.log(
  `\n${data.answers} answers, computed without the cache, ${repeat} runs each after one unmeasured\n`,
);
console.log("| Computation | median ms | p95 ms |");
console.log("| --- | --- | --- |");
for (const [label, by] of [
  ["results", null],
  ["results × commune", "commune"],
  ["results × need for help", "besoin-aide"],
] as const) {
  const durations: number[] = [];
  for (let run = -1; run < repeat; run++) {
    const start = performance.now();
    await computeResults(database.db, {
      clsmId: data.clsmId,
      surveyId: data.surveyId,
      definition: row.definition,
      communes,
      by: by ? { kind: "question" as const, question: byId(by) } : null,
    });
    if (run >= 0) durations.push(performance.now() - start);
  }
  durations.sort((a, b) => a - b);
  console.log(
    `| ${label} | ${percentile(durations, 0.5).toFixed(1)} | ${percentile(durations, 0.95).toFixed(1)} |`,
  );
}

console.log(
  `\n${data.answers} answers, over HTTP (app.inject), ${repeat} runs each after one unmeasured (results: from the cache)\n`,
);
console.log("| Request | median ms | p95 ms | response |");
console.log("| --- | --- | --- | --- |");
for (const [label, url] of scenarios) {
  // The exports are long: fewer runs.
  const runs = url.includes("/responses/export") ? Math.min(repeat, 5) : repeat;
  const durations: number[] = [];
  let size = 0;
  for (let run = -1; run < runs; run++) {
    const start = performance.now();
    const res = await app.inject({ method: "GET", url, headers: { cookie } });
    const ms = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    size = res.rawPayload.length;
    if (run >= 0) durations.push(ms);
  }
  durations.sort((a, b) => a - b);
  const kb = size > 1e6 ? `${(size / 1e6).toFixed(1)} MB` : `${(size / 1e3).toFixed(0)} kB`;
  console.log(
    `| ${label} | ${percentile(durations, 0.5).toFixed(1)} | ${percentile(durations, 0.95).toFixed(1)} | ${kb} |`,
  );
}
console.log(`\nLoad average at the end: ${loadavg()[0]?.toFixed(1)}`);

await app.close();
await database.close();
