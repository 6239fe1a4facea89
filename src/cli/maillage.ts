// Operator commands: `npm run maillage -- <command>`.
//   migrate                         apply migrations and refresh the reference geography
//   seed-demo                       load the demo data into an empty database
//   create-admin <email> <name…>    create a platform admin and print the link to choose a password
import { buildApp } from "../server/app";
import { isEmpty, seedDemo } from "../server/demo/seed";
import { loadConfig } from "../server/platform/config";
import { openDatabase } from "../server/platform/db";
import { ensureReferenceData } from "../server/territory/reference";

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const config = loadConfig();
  const database = openDatabase(config);
  try {
    await database.migrate();
    const reference = await ensureReferenceData(database.db);
    switch (command) {
      case "migrate":
        console.log(
          `Migrations appliquées ; géographie ${reference.loaded ? "chargée" : "à jour"} (${reference.version}).`,
        );
        return 0;
      case "seed-demo": {
        if (!(await isEmpty(database))) {
          console.error(
            "La base contient déjà des données : la démonstration n'est chargée que dans une base vide.",
          );
          return 1;
        }
        const { app, services } = await buildApp({ config, database, serveWeb: false, logger: false });
        await seedDemo(database, services);
        await app.close();
        console.log("Données de démonstration chargées.");
        return 0;
      }
      case "create-admin": {
        const [email, ...nameParts] = args;
        if (!email || nameParts.length === 0) {
          console.error("Usage : create-admin <email> <nom complet>");
          return 2;
        }
        const { app, services } = await buildApp({ config, database, serveWeb: false, logger: false });
        const url = await services.accounts.createFirstAdmin({ email, name: nameParts.join(" ") });
        await app.close();
        console.log(`Administrateur·rice créé·e. Lien pour choisir le mot de passe (7 jours) :\n${url}`);
        return 0;
      }
      default:
        console.error("Commandes : migrate | seed-demo | create-admin <email> <nom complet>");
        return 2;
    }
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
