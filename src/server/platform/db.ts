import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { type ExtractTablesWithRelations, getTableName, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { AnyPgColumn, PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "../db/schema";
import { errorMessage } from "./logger";
import { migrationsDir } from "./paths";

export type Schema = typeof schema;
/** The database or a transaction: repos take this and run on whatever they are given. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  /**
   * Refreshes the planner's statistics after bulk loads. PGlite has no autovacuum, so without this its planner
   * scans whole tables (measured in bench/RESULTS.md); PostgreSQL's autovacuum does it by itself.
   */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

/** Embedded PostgreSQL (PGlite). `dataDir` undefined = in memory; `loadDataDir` restores a dumped template. */
export function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Database {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: migrationsDir }),
    analyze: async () => {
      await client.exec("ANALYZE");
    },
    close: () => client.close(),
  };
}

export function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // A pooled connection that dies while idle (server restart, failover, idle timeout) emits 'error' on the
  // pool; unhandled, that would crash the process. The pool opens a fresh connection on next use.
  pool.on("error", (err) => {
    process.emitWarning(`PostgreSQL connection lost: ${errorMessage(err)}`, {
      code: "MAILLAGE_PG_CONNECTION",
    });
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder: migrationsDir }),
    analyze: async () => {},
    close: () => pool.end(),
  };
}

export function openDatabase(config: { databaseUrl: string | undefined; dataDir: string }): Database {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openPglite({ dataDir: `${config.dataDir}/pglite` });
}

/**
 * A column prefixed with its table's name, for correlated subqueries in a selection. Drizzle leaves columns
 * unqualified in the selection of a query without joins, so `${inner.epciCode} = ${outer.code}` would
 * silently compare two columns of the inner table when both tables have a column of that name.
 */
export function qualified(column: AnyPgColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** `case id when … then 0 when … then 1 … end`: each row's index in `ids`, to reorder rows in one statement. */
export function positionIn(idColumn: AnyPgColumn, ids: string[]): SQL {
  const cases = sql.join(
    ids.map((id, index) => sql`when ${id}::uuid then ${index}::int`),
    sql` `,
  );
  return sql`case ${idColumn} ${cases} end`;
}

/** An ILIKE pattern matching `text` anywhere, the pattern characters in it taken literally. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
