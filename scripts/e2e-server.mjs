// Starts the built server for the end-to-end tests on a fresh database: a new PGlite data directory,
// or, when DATABASE_URL is set, a fresh `<database>_e2e` database on that PostgreSQL server.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";

const env = { ...process.env };
if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  const name = `${url.pathname.slice(1)}_e2e`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  rmSync(env.MAILLAGE_DATA_DIR ?? ".cache/e2e-data", { recursive: true, force: true });
}

const server = spawn(process.execPath, ["--enable-source-maps", "dist/server/main.js"], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
