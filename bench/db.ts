import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "../src/server/db/schema";
import type { Database, Db } from "../src/server/platform/db";
import { migrationsDir } from "../src/server/platform/paths";

// The same drivers and settings as src/server/platform/db.ts (openPglite / openPostgres), plus a Drizzle
// logger that only counts queries, so the bench can report how many round trips one request costs.
// Drizzle calls its (no-op) logger on every query anyway: counting adds nothing measurable.

export interface BenchDatabase extends Database {
  /** Queries sent through Drizzle since the database was opened (the app and the bare routes alike). */
  queries: QueryLog;
  /** Raw SQL through the driver, without Drizzle (for EXPLAIN). */
  raw(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  describe: string;
}

export interface QueryLog {
  count: number;
  /** When set, the SQL of each query is appended (used by --trace). */
  sql?: string[];
}

function counter(): { queries: QueryLog; logger: Logger } {
  const queries: QueryLog = { count: 0 };
  return {
    queries,
    logger: {
      logQuery(query) {
        queries.count++;
        queries.sql?.push(query);
      },
    },
  };
}

export function openBenchPglite(dataDir: string): BenchDatabase {
  mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ dataDir });
  const { queries, logger } = counter();
  const db = drizzlePglite(client, { schema, logger }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    queries,
    describe: `PGlite (embedded, ${dataDir})`,
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: migrationsDir }),
    // As main.ts does at every start (PGlite has no autovacuum).
    analyze: async () => {
      await client.exec("ANALYZE");
    },
    close: () => client.close(),
    raw: async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows,
  };
}

/** Pool of 10 connections, as openPostgres() gives main.ts. */
export function openBenchPostgres(connectionString: string, poolSize = 10): BenchDatabase {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  const { queries, logger } = counter();
  const db = drizzlePg(pool, { schema, logger }) as unknown as Db;
  const url = new URL(connectionString);
  return {
    db,
    kind: "postgres",
    queries,
    describe: `PostgreSQL (${url.host}${url.pathname}, pool of ${poolSize})`,
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder: migrationsDir }),
    analyze: async () => {},
    close: () => pool.end(),
    raw: async (text, params) => (await pool.query(text, params)).rows,
  };
}
