// Directory bench: import of a 5,000-row spreadsheet (upload, preview, commit) and the people search on a
// CLSM of 5,000 people, through the services (the HTTP layer is measured by run.ts). A fresh database each
// run: in-memory PGlite, or PostgreSQL when DATABASE_URL names an empty database.
//   npx tsx bench/directory.ts [--rows 5000] [--repeat 20]
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { user } from "../src/server/accounts/tables";
import { buildApp } from "../src/server/app";
import type { Actor } from "../src/server/platform/access";
import { loadConfig } from "../src/server/platform/config";
import { openPglite, openPostgres } from "../src/server/platform/db";
import { ensureReferenceData } from "../src/server/territory/reference";
import { firstNames, lastNames } from "./names";
import { seeded } from "./random";

const { values } = parseArgs({
  options: { rows: { type: "string", default: "5000" }, repeat: { type: "string", default: "20" } },
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

const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const out = await f();
  return [out, performance.now() - start];
};

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
durations.sort((a, b) => a - b);
const pct = (p: number) => durations[Math.min(durations.length - 1, Math.floor(p * durations.length))] ?? 0;

const f = (ms: number) => `${Math.round(ms)} ms`;
console.log(`Database: ${database.kind}; file ${(bytes.length / 1024).toFixed(0)} KB, ${rows} rows`);
console.log(`Import upload (read + store):   ${f(uploadMs)}`);
console.log(`Import preview (${preview.counts.errors} errors):   ${f(previewMs)}`);
console.log(
  `Import commit (${done.createdCount} created, ${done.skippedCount} same name + structure skipped):  ${f(commitMs)}`,
);
console.log(
  `Search on ${rows} people (${durations.length} queries, ${searches.join(" | ")}): median ${pct(0.5).toFixed(1)} ms, p95 ${pct(0.95).toFixed(1)} ms (avg ${Math.round(found / durations.length)} hits)`,
);
await app.close();
await database.close();
