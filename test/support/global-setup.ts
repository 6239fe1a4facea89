import { rm } from "node:fs/promises";
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
  // Closed cleanly, the data directory is copied for each test file.
  await template.close();
  return async () => rm(pgliteTemplatePath(runId), { recursive: true, force: true });
}
