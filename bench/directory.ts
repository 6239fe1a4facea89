// Directory bench, through the services (the HTTP layer is measured by run.ts). A fresh database each run:
// in-memory PGlite, or PostgreSQL when DATABASE_URL names an empty database.
//   npx tsx bench/directory.ts [--rows 5000] [--repeat 20]
//     import of a spreadsheet (upload, preview, commit), then the people search on the CLSM it filled;
//   npx tsx bench/directory.ts --national [--repeat 20]
//     the national dataset (dataset.ts) with a directory in every CLSM (directory-dataset.ts), then the people
//     search (names, structures, communes, filters, sorts, page 2) on a typical CLSM and on the large one.
import { randomUUID } from "node:crypto";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { PersonListQuery } from "../src/contracts/directory";
import { user } from "../src/server/accounts/tables";
import { buildApp } from "../src/server/app";
import type { Actor } from "../src/server/platform/access";
import { loadConfig } from "../src/server/platform/config";
import { openPglite, openPostgres } from "../src/server/platform/db";
import { ensureReferenceData } from "../src/server/territory/reference";
import { loadDataset, NATIONAL_SCALE } from "./dataset";
import { type DirectoryProbe, loadDirectories, probe } from "./directory-dataset";
import { firstNames, lastNames } from "./names";
import { seeded } from "./random";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "5000" },
    repeat: { type: "string", default: "20" },
    national: { type: "boolean", default: false },
  },
});
const rows = Number(values.rows);
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

const adminId = randomUUID();
await database.db.insert(user).values({
  id: adminId,
  email: `bench-${adminId}@exemple.test`,
  name: "Bench",
  emailVerified: true,
  platformRole: "admin",
});
const actor: Actor = {
  userId: adminId,
  name: "Bench",
  email: "bench@exemple.test",
  platformRole: "admin",
  arsRegionCode: null,
  memberships: [],
};
const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const out = await f();
  return [out, performance.now() - start];
};
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const byNumber = (a: number, b: number) => a - b;
const f = (ms: number) => `${Math.round(ms)} ms`;

if (values.national) await nationalSearch();
else await importAndSearch();

async function importAndSearch() {
  const clsm = await services.workspaces.create(actor, {
    name: "CLSM bench annuaire",
    status: "actif",
    territory: { communeCodes: ["22278"], epciCodes: [], quartiers: [] },
  });

  // A spreadsheet as coordinators have them: 300 structures, the collèges by name, a few phones missing.
  const random = seeded(42);
  const colleges = [
    "Élus",
    "Psychiatrie publique",
    "Usagers",
    "Aidants",
    "Logement",
    "Social",
    "Médico-social",
  ];
  const structures = Array.from({ length: 300 }, (_, i) => `Structure ${i + 1}`);
  const functions = ["Directrice", "Infirmier", "Psychiatre", "Adjointe", "Travailleur social", "Bénévole"];
  const lines = ["Nom;Prénom;Structure;Fonction;Courriel;Téléphone;Collège"];
  for (let i = 0; i < rows; i++) {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    lines.push(
      [
        last,
        first,
        random.pick(structures),
        random.pick(functions),
        `${first}.${last}.${i}@exemple.test`.toLowerCase().replace(/[^a-z0-9.@]/g, ""),
        i % 5
          ? `06 ${String(10_000_000 + i)
              .slice(0, 8)
              .replace(/(\d\d)(?=\d)/g, "$1 ")}`
          : "",
        random.pick(colleges),
      ].join(";"),
    );
  }
  const bytes = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);

  const [draft, uploadMs] = await time(() =>
    services.directoryImports.upload(actor, clsm.id, "bench.csv", bytes),
  );
  const [preview, previewMs] = await time(() =>
    services.directoryImports.preview(actor, clsm.id, draft.id, { only: "all", limit: 50, offset: 0 }),
  );
  const [done, commitMs] = await time(() => services.directoryImports.commit(actor, clsm.id, draft.id));
  if (done.createdCount + done.skippedCount !== rows || done.createdCount < rows * 0.99)
    throw new Error(`expected ${rows} created, got ${JSON.stringify(done)}`);

  const searches = ["mar", "dupont", "structure 12", "infirmier", "jean"];
  const durations: number[] = [];
  let found = 0;
  for (let i = 0; i < repeat; i++) {
    for (const q of searches) {
      const [page, ms] = await time(() =>
        services.directory.people(actor, clsm.id, { q, sort: "lastName", limit: 25, offset: 0 }),
      );
      found += page.total;
      durations.push(ms);
    }
  }
  durations.sort(byNumber);
  const pct = (p: number) => percentile(durations, p);

  console.log(`Database: ${database.kind}; file ${(bytes.length / 1024).toFixed(0)} KB, ${rows} rows`);
  console.log(`Import upload (read + store):   ${f(uploadMs)}`);
  console.log(`Import preview (${preview.counts.errors} errors):   ${f(previewMs)}`);
  console.log(
    `Import commit (${done.createdCount} created, ${done.skippedCount} same name + structure skipped):  ${f(commitMs)}`,
  );
  console.log(
    `Search on ${rows} people (${durations.length} queries, ${searches.join(" | ")}): median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms (avg ${Math.round(found / durations.length)} hits)`,
  );
}

async function nationalSearch() {
  console.log(`Database: ${database.kind}; ${cpus().length} cores`);
  const info = await loadDataset(database.db, services, NATIONAL_SCALE);
  // As the server does at start on PGlite (autovacuum's work on PostgreSQL): the directories come after.
  await database.db.execute(sql`analyze`);
  const directories = await loadDirectories(database.db);
  const targets = [await probe(database.db, info.coordinator.clsmId), directories.large];
  for (const p of targets) {
    console.log(
      `  ${p.clsmName}: ${p.people} people, ${p.structures} structures; terms: "${p.lastName}", "${p.firstNamePrefix}", "${p.structureWord}", "${p.communeName}" (${p.communeCode})`,
    );
  }
  const report = async (title: string) => {
    const results = [];
    for (const p of targets) results.push(await searchBench(p));
    const [typical, large] = results;
    if (!typical || !large) return;
    console.log(`\n${title} (${repeat} runs of each search, 25 per page)\n`);
    console.log(
      `| Search | typical CLSM (${targets[0]?.people} people): median ms | p95 ms | hits | large CLSM (${targets[1]?.people}): median ms | p95 ms | hits |`,
    );
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    const ms = (n: number) => n.toFixed(1);
    typical.rows.forEach((row, i) => {
      const l = large.rows[i];
      console.log(
        `| ${row.label} | ${ms(row.median)} | ${ms(row.p95)} | ${row.hits} | ${ms(l?.median ?? 0)} | ${ms(l?.p95 ?? 0)} | ${l?.hits} |`,
      );
    });
    console.log(
      `| **all searches** | **${ms(typical.median)}** | **${ms(typical.p95)}** | | **${ms(large.median)}** | **${ms(large.p95)}** | |`,
    );
  };
  await report("Directory tables not analyzed since they were filled");
  await database.db.execute(sql`analyze`);
  await report("After ANALYZE");
}

/** Each search `repeat` times (after one unmeasured round), in turn, through the service as the API calls it. */
async function searchBench(p: DirectoryProbe) {
  const searches: [string, Partial<PersonListQuery>][] = [
    ["list, by name", {}],
    ["q: family name", { q: p.lastName }],
    ["q: first 3 letters of a first name", { q: p.firstNamePrefix }],
    ["q: structure (CCAS)", { q: p.structureWord }],
    ["q: commune", { q: p.communeName }],
    ["filter: collège", { collegeId: p.collegeId }],
    ["filter: pillar + structure type", { pillar: "psychiatrie", structureType: "etablissement_sante" }],
    ["filter: commune of the structure", { communeCode: p.communeCode }],
    ["sort: structure", { sort: "structure" }],
    ["sort: last change", { sort: "updatedAt" }],
    ["page 2, by name", { offset: 25 }],
    ["page 2, q: commune", { q: p.communeName, offset: 25 }],
  ];
  const durations = searches.map((): number[] => []);
  const hits = searches.map(() => 0);
  for (let run = -1; run < repeat; run++) {
    for (const [i, [, query]] of searches.entries()) {
      const [page, ms] = await time(() =>
        services.directory.people(actor, p.clsmId, { sort: "lastName", limit: 25, offset: 0, ...query }),
      );
      if (run >= 0) durations[i]?.push(ms);
      hits[i] = page.total;
    }
  }
  const all = durations.flat().sort(byNumber);
  return {
    rows: searches.map(([label], i) => {
      const d = (durations[i] ?? []).sort(byNumber);
      return { label, median: percentile(d, 0.5), p95: percentile(d, 0.95), hits: hits[i] ?? 0 };
    }),
    median: percentile(all, 0.5),
    p95: percentile(all, 0.95),
  };
}

await app.close();
await database.close();
