import { asc, eq, sql } from "drizzle-orm";
import type { StructureType } from "../src/contracts/directory";
import { personSearchKey, structureSearchKey } from "../src/server/directory/repo";
import {
  directoryCollege,
  directoryPerson,
  directoryRole,
  directoryStructure,
} from "../src/server/directory/tables";
import type { Db } from "../src/server/platform/db";
import { refCommune } from "../src/server/territory/tables";
import { clsm, clsmCommune } from "../src/server/workspaces/tables";
import { firstNames, lastNames } from "./names";
import { type Random, seeded } from "./random";

// The partner directories of the national dataset (dataset.ts): every CLSM gets 150–300 people and 20–50
// structures on its own communes, the most populous one 5,000 people and 300 structures. Rows are
// bulk-inserted in the shape the directory writes them (search keys from the repo's own functions): a current
// role for nine people in ten, an ended one for one in five, e-mails for most, collèges and pillars.

export const DIRECTORY_SEED = 20261129;
export const LARGE_DIRECTORY = { people: 5_000, structures: 300 };

/** Terms the search bench uses on one CLSM, drawn from what its directory holds. */
export interface DirectoryProbe {
  clsmId: string;
  clsmName: string;
  people: number;
  structures: number;
  /** The most frequent family name, as typed by a coordinator (lower case). */
  lastName: string;
  /** The first three letters of the most frequent first name. */
  firstNamePrefix: string;
  /** The first word of a structure name ("ccas", "mairie", …). */
  structureWord: string;
  communeName: string;
  communeCode: string;
  collegeId: string;
}

export interface DirectoryDataset {
  clsms: number;
  people: number;
  structures: number;
  roles: number;
  seconds: number;
  /** The CLSM given 5,000 people. */
  large: DirectoryProbe;
}

const structureNames: Record<StructureType, string[]> = {
  collectivite: ["Mairie de", "CCAS de", "Maison des solidarités de"],
  etablissement_sante: ["CMP de", "Centre hospitalier de", "Hôpital de jour de", "Maison de santé de"],
  association: ["UNAFAM antenne de", "GEM de", "Association Le Relais", "Secours populaire"],
  service_etat: ["Commissariat de", "Gendarmerie de", "SPIP de"],
  bailleur: ["Office public de l'habitat de", "Habitat solidaire"],
  education: ["Collège Jules Verne", "Lycée professionnel de", "CIO de"],
  entreprise: ["Pharmacie de", "Cabinet médical de"],
  autre: ["Mission locale de", "France Travail"],
};
const types = Object.keys(structureNames) as StructureType[];
const functions = [
  "Directrice",
  "Directeur",
  "Infirmier",
  "Infirmière",
  "Psychiatre",
  "Psychologue",
  "Adjointe au maire",
  "Travailleur social",
  "Assistante sociale",
  "Chargée de mission",
  "Bénévole",
  "Président",
  "Médecin généraliste",
  "Éducateur spécialisé",
];

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

const mostFrequent = (items: string[]) => {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "";
};

const day = (d: Date) => d.toISOString().slice(0, 10);

async function insertAll<T>(items: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += 1000) await insert(items.slice(i, i + 1000));
}

/**
 * Fills the directories of every CLSM of the database (the national dataset, loaded before). Returns the
 * totals and the probe of the large CLSM; `probe(clsmId)` gives the terms for any other.
 */
export async function loadDirectories(db: Db, log: (line: string) => void = console.log) {
  const started = performance.now();
  const rng = seeded(DIRECTORY_SEED);
  const clsms = await db
    .select({ id: clsm.id, name: clsm.name, population: clsm.population })
    .from(clsm)
    .orderBy(asc(clsm.name), asc(clsm.id));
  const communes = await db
    .select({ clsmId: clsmCommune.clsmId, code: refCommune.code, name: refCommune.name })
    .from(clsmCommune)
    .innerJoin(refCommune, eq(refCommune.code, clsmCommune.communeCode))
    .orderBy(asc(clsmCommune.clsmId), asc(refCommune.code));
  const colleges = await db
    .select({ id: directoryCollege.id, clsmId: directoryCollege.clsmId, pillar: directoryCollege.pillar })
    .from(directoryCollege)
    .orderBy(asc(directoryCollege.clsmId), asc(directoryCollege.position));
  const largest = [...clsms].sort((a, b) => b.population - a.population)[0];
  if (!largest) throw new Error("no CLSM: load the national dataset first");

  const now = Date.now();
  const totals = { people: 0, structures: 0, roles: 0 };
  for (const c of clsms) {
    const large = c.id === largest.id;
    const territory = communes.filter((x) => x.clsmId === c.id);
    const ownColleges = colleges.filter((x) => x.clsmId === c.id);
    if (!territory.length || !ownColleges.length)
      throw new Error(`CLSM ${c.name} has no communes or collèges`);
    const { structures, people, roles } = directoryOf(rng, c.id, {
      people: large ? LARGE_DIRECTORY.people : rng.int(150, 300),
      structures: large ? LARGE_DIRECTORY.structures : rng.int(20, 50),
      territory,
      colleges: ownColleges,
      now,
    });
    await db.transaction(async (tx) => {
      await insertAll(structures, (b) => tx.insert(directoryStructure).values(b));
      await insertAll(people, (b) => tx.insert(directoryPerson).values(b));
      await insertAll(roles, (b) => tx.insert(directoryRole).values(b));
    });
    totals.people += people.length;
    totals.structures += structures.length;
    totals.roles += roles.length;
  }
  const dataset: DirectoryDataset = {
    clsms: clsms.length,
    ...totals,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    large: await probe(db, largest.id),
  };
  log(
    `  directories: ${dataset.people} people, ${dataset.structures} structures, ${dataset.roles} roles in ${dataset.clsms} CLSMs, inserted in ${dataset.seconds} s`,
  );
  return dataset;
}

function directoryOf(
  rng: Random,
  clsmId: string,
  options: {
    people: number;
    structures: number;
    territory: { code: string; name: string }[];
    colleges: { id: string; pillar: string | null }[];
    now: number;
  },
) {
  const at = (daysAgo: number) => new Date(options.now - daysAgo * 86_400_000);
  const structures = Array.from({ length: options.structures }, () => {
    const type = rng.pick(types);
    const commune = rng.pick(options.territory);
    const name = `${rng.pick(structureNames[type])} ${commune.name}`;
    return {
      id: rng.uuid(),
      clsmId,
      name,
      type,
      communeCode: commune.code,
      communeName: commune.name,
      searchKey: structureSearchKey({ name, communeName: commune.name }),
      createdAt: at(700),
      updatedAt: at(rng.int(0, 700)),
    };
  });
  const people: (typeof directoryPerson.$inferInsert)[] = [];
  const roles: (typeof directoryRole.$inferInsert)[] = [];
  for (let i = 0; i < options.people; i++) {
    const firstName = rng.pick(firstNames);
    const lastName = rng.pick(lastNames);
    const college = rng.pick(options.colleges);
    const id = rng.uuid();
    const current: { function: string; structureName: string | null; communeName: string | null }[] = [];
    if (rng.next() < 0.9) {
      const structure = rng.next() < 0.9 ? rng.pick(structures) : undefined;
      const role = { function: rng.pick(functions), structureId: structure?.id ?? null };
      roles.push({ clsmId, personId: id, ...role, startDate: day(at(rng.int(30, 700))) });
      current.push({
        function: role.function,
        structureName: structure?.name ?? null,
        communeName: structure?.communeName ?? null,
      });
    }
    if (rng.next() < 0.2) {
      const start = rng.int(800, 2000);
      roles.push({
        clsmId,
        personId: id,
        function: rng.pick(functions),
        structureId: rng.pick(structures).id,
        startDate: day(at(start)),
        endDate: day(at(start - rng.int(60, 700))),
      });
    }
    people.push({
      id,
      clsmId,
      civility: rng.next() < 0.5 ? "madame" : "monsieur",
      firstName,
      lastName,
      email: rng.next() < 0.85 ? `${slug(firstName)}.${slug(lastName)}.${i}@exemple.test` : null,
      phone: rng.next() < 0.7 ? `06 ${String(10_000_000 + i).replace(/(\d\d)(?=\d)/g, "$1 ")}` : null,
      collegeId: college.id,
      pillar: college.pillar,
      consentToContact: rng.next() < 0.6,
      source: rng.next() < 0.7 ? "import" : "saisie",
      searchKey: personSearchKey({ firstName, lastName }, current),
      createdAt: at(700),
      updatedAt: at(rng.int(0, 700)),
    });
  }
  return { structures, people, roles };
}

/** The search terms for one CLSM, from its own directory. */
export async function probe(db: Db, clsmId: string): Promise<DirectoryProbe> {
  const [named] = await db.select({ name: clsm.name }).from(clsm).where(eq(clsm.id, clsmId));
  const people = await db
    .select({ firstName: directoryPerson.firstName, lastName: directoryPerson.lastName })
    .from(directoryPerson)
    .where(eq(directoryPerson.clsmId, clsmId));
  const structures = await db
    .select({
      name: directoryStructure.name,
      communeCode: directoryStructure.communeCode,
      communeName: directoryStructure.communeName,
    })
    .from(directoryStructure)
    .where(eq(directoryStructure.clsmId, clsmId))
    .orderBy(asc(directoryStructure.name));
  const [college] = await db
    .select({ id: directoryCollege.id })
    .from(directoryCollege)
    .where(eq(directoryCollege.clsmId, clsmId))
    .orderBy(sql`${directoryCollege.pillar} = 'psychiatrie' desc`, asc(directoryCollege.position));
  const commune = mostFrequent(structures.map((s) => `${s.communeCode}|${s.communeName}`)).split("|");
  return {
    clsmId,
    clsmName: named?.name ?? "",
    people: people.length,
    structures: structures.length,
    lastName: mostFrequent(people.map((p) => p.lastName)).toLowerCase(),
    firstNamePrefix: mostFrequent(people.map((p) => p.firstName))
      .slice(0, 3)
      .toLowerCase(),
    structureWord:
      (structures.find((s) => s.name.startsWith("CCAS"))?.name ?? "CMP").split(" ")[0]?.toLowerCase() ?? "",
    communeCode: commune[0] ?? "",
    communeName: commune[1] ?? "",
    collegeId: college?.id ?? "",
  };
}
