import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { adminQuery, buildTemplate, pgliteTemplatePath, templateName, usingPostgres } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = String(process.pid);
  project.provide("testRunId", runId);
  const template = await buildTemplate(runId);
  if (usingPostgres()) {
    await template.close();
    return async () => adminQuery(`DROP DATABASE IF EXISTS "${templateName(runId)}" WITH (FORCE)`);
  }
  // Reach the PGlite client through drizzle to dump its data directory.
  const client = (template.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("gzip");
  const file = pgliteTemplatePath(runId);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await template.close();
  return async () => rm(file, { force: true });
}
