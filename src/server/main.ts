import { buildApp } from "./app";
import { DEMO_PASSWORD, demoAccounts, hasDemoAccounts, isEmpty, seedDemo } from "./demo/seed";
import { loadConfig } from "./platform/config";
import { openDatabase } from "./platform/db";
import { ensureReferenceData } from "./territory/reference";

async function main() {
  const config = loadConfig();
  const database = openDatabase(config);
  await database.migrate();
  await ensureReferenceData(database.db);
  const firstStart = await isEmpty(database);

  const { app, services } = await buildApp({ config, database });
  if (firstStart && config.loadDemo) {
    await seedDemo(database, services);
    app.log.info("demo data loaded");
  }
  await database.analyze();
  services.jobs.start(config.jobPollMs);

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite embarqué (${config.dataDir})`;
  const lines = [
    "",
    `  Maillage est prêt : ${config.baseUrl}`,
    `  Base de données : ${where}`,
    `  Courriels : ${config.smtpUrl ? "envoyés par SMTP" : "gardés dans la boîte d'envoi (Administration › Courriels)"}`,
  ];
  if (config.loadDemo && (await hasDemoAccounts(database))) {
    lines.push(`  Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :`);
    for (const a of demoAccounts) lines.push(`    - ${a.email.padEnd(36)} ${a.label}`);
  }
  console.log(`${lines.join("\n")}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
