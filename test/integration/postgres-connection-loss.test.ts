import { describe, expect, inject, it } from "vitest";
import { persistentTestDatabase, usingPostgres } from "../support/databases";

// PostgreSQL restarts, failovers and idle-connection kills happen in production: a pooled connection that
// dies while idle must not crash the process, and the next query must work on a fresh connection.

describe.skipIf(!usingPostgres())("losing PostgreSQL connections", () => {
  it("survives the server closing idle pooled connections", async () => {
    const store = await persistentTestDatabase(inject("testRunId"));
    const database = store.open();
    try {
      const run = async () =>
        (
          (await database.db.execute("select current_database() as name" as never)) as unknown as {
            rows: { name: string }[];
          }
        ).rows[0]?.name;
      const name = await run();
      // Open several pooled connections, idle once these return.
      await Promise.all([1, 2, 3].map(() => database.db.execute("select pg_sleep(0.05)" as never)));
      const unhandled: unknown[] = [];
      const listener = (err: unknown) => unhandled.push(err);
      process.on("uncaughtException", listener);
      try {
        await database.db.execute(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid()` as never,
        );
        // The idle pooled connections are gone: give their 'error' events a turn.
        await new Promise((r) => setTimeout(r, 200));
        await Promise.all([run(), run(), run()]);
        expect(await run()).toBe(name);
      } finally {
        process.off("uncaughtException", listener);
      }
      expect(unhandled).toEqual([]);
    } finally {
      await database.close();
      await store.dispose();
    }
  });
});
