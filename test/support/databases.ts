import { randomBytes } from "node:crypto";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openPglite, openPostgres } from "../../src/server/platform/db";
import { projectRoot } from "../../src/server/platform/paths";
import { ensureReferenceData } from "../../src/server/territory/reference";

// One migrated template per run (with the reference geography loaded), copied for every test file:
// a PGlite data directory on disk, or a PostgreSQL `CREATE DATABASE … TEMPLATE` when DATABASE_URL is set.
// (Copying the directory and opening PGlite on it takes half the time of loading a dump into memory.)

/** Names are per run (global-setup's pid), so two test runs on one machine never share a template. */
export const pgliteTemplatePath = (runId: string) =>
  path.join(projectRoot, ".cache", `test-template-${runId}`);

export const usingPostgres = () => !!process.env.DATABASE_URL;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export const templateName = (runId: string) =>
  `${new URL(process.env.DATABASE_URL ?? "").pathname.slice(1)}_tpl${runId}`;

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function buildTemplate(runId: string): Promise<Database> {
  if (usingPostgres()) {
    const name = templateName(runId);
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${name}"`);
    const database = openPostgres(withDatabase(process.env.DATABASE_URL ?? "", name), 2);
    await database.migrate();
    await ensureReferenceData(database.db);
    return database;
  }
  const dataDir = pgliteTemplatePath(runId);
  await rm(dataDir, { recursive: true, force: true });
  const database = openPglite({ dataDir });
  await database.migrate();
  await ensureReferenceData(database.db);
  return database;
}

/** A fresh database for one test file, dropped by `close()`. */
export async function openTestDatabase(runId: string): Promise<Database> {
  if (usingPostgres()) {
    const name = `${new URL(process.env.DATABASE_URL ?? "").pathname.slice(1)}_t${randomBytes(5).toString("hex")}`;
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${templateName(runId)}"`);
    const database = openPostgres(withDatabase(process.env.DATABASE_URL ?? "", name), 5);
    return {
      ...database,
      close: async () => {
        await database.close();
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "maillage-test-"));
  await cp(pgliteTemplatePath(runId), dataDir, { recursive: true });
  const database = openPglite({ dataDir });
  return {
    ...database,
    close: async () => {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A database that outlives the connections opened on it, to test what survives a restart: a PGlite data
 * directory in a temporary folder (migrated on first open), or a PostgreSQL database copied from the template.
 */
export async function persistentTestDatabase(runId: string): Promise<{
  open(): Database;
  dispose(): Promise<void>;
}> {
  if (usingPostgres()) {
    const name = `${new URL(process.env.DATABASE_URL ?? "").pathname.slice(1)}_p${randomBytes(5).toString("hex")}`;
    await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${templateName(runId)}"`);
    return {
      open: () => openPostgres(withDatabase(process.env.DATABASE_URL ?? "", name), 3),
      dispose: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "maillage-test-"));
  const first = openPglite({ dataDir });
  await first.migrate();
  await first.close();
  return {
    open: () => openPglite({ dataDir }),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}
