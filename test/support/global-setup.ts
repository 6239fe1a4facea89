import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { adminQuery, buildTemplate, pgliteTemplatePath, templateName, usingPostgres } from "./databases";

export default async function setup() {
  const template = await buildTemplate();
  if (usingPostgres()) {
    await template.close();
    return async () => adminQuery(`DROP DATABASE IF EXISTS "${templateName()}" WITH (FORCE)`);
  }
  // Reach the PGlite client through drizzle to dump its data directory.
  const client = (template.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("gzip");
  await mkdir(path.dirname(pgliteTemplatePath), { recursive: true });
  await writeFile(pgliteTemplatePath, Buffer.from(await dump.arrayBuffer()));
  await template.close();
}
