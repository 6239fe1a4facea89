import { hashPassword } from "better-auth/crypto";
import { asc, eq, gte, sql } from "drizzle-orm";
import { account, user } from "../src/server/accounts/tables";
import type { Services } from "../src/server/app";
import type { Actor } from "../src/server/platform/access";
import type { Db } from "../src/server/platform/db";
import { appSetting } from "../src/server/platform/tables";
import { refCommune, refEpci, refRegion } from "../src/server/territory/tables";
import { clsmMembership } from "../src/server/workspaces/tables";
import { firstNames, lastNames, quartierNames } from "./names";
import { type Random, seeded } from "./random";

// A national-scale dataset: 300 CLSMs on real territories (official EPCI and communes from the reference
// tables), 40,000 fictional people spread over them, and the platform's officers (admin, national, ARS).
// CLSMs are created through the workspaces service, so their rows are exactly what the application writes;
// people and memberships are bulk-inserted in the same shape as the demo seed and the repo write them.

/** Bump when the generator changes: a database loaded by another version is rebuilt. */
export const DATASET_VERSION = 1;
export const DATASET_SEED = 20261122;
export const BENCH_PASSWORD = "banc-d-essai-maillage";
export const BENCH_EMAIL_DOMAIN = "banc.maillage.test";
const MARKER_KEY = "bench_dataset";

export interface DatasetSize {
  clsms: number;
  people: number;
}
export const NATIONAL_SCALE: DatasetSize = { clsms: 300, people: 40_000 };

export interface DatasetInfo {
  version: number;
  size: DatasetSize;
  scales: Record<"intercommunal" | "communal" | "infracommunal", number>;
  memberships: number;
  officers: number;
  /** The coordinator whose session drives the "CLSM home" scenarios, and their CLSM. */
  coordinator: {
    email: string;
    clsmId: string;
    clsmName: string;
    communeCount: number;
    memberCount: number;
  };
  /** Any other CLSM (not the coordinator's), for the "another tenant is 404" check. */
  otherClsmId: string;
  loadSeconds: Record<string, number>;
}

/** The dataset this database holds, if the bench loaded one. */
export async function readDatasetInfo(db: Db): Promise<DatasetInfo | undefined> {
  const [row] = await db.select().from(appSetting).where(eq(appSetting.key, MARKER_KEY));
  return row ? (JSON.parse(row.value) as DatasetInfo) : undefined;
}

interface PlannedClsm {
  name: string;
  status: "projet" | "actif" | "sommeil";
  scale: keyof DatasetInfo["scales"];
  communeCodes: string[];
  epciCodes: string[];
  quartiers: { name: string; communeCode: string; population: number }[];
  regionCode: string;
  communeCount: number;
}

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function status(rng: Random): PlannedClsm["status"] {
  const r = rng.next();
  return r < 0.15 ? "projet" : r < 0.85 ? "actif" : "sommeil";
}

/** Picks real, non-overlapping territories: a few infra-communal, some communal, most intercommunal. */
async function planTerritories(db: Db, rng: Random, total: number): Promise<PlannedClsm[]> {
  const infraCount = Math.round(total * 0.035);
  const communalCount = Math.round(total * 0.18);
  const pairCount = Math.round(total * 0.035);
  const singleEpciCount = total - infraCount - communalCount - pairCount;

  const bigCommunes = await db
    .select({
      code: refCommune.code,
      name: refCommune.name,
      population: refCommune.population,
      epciCode: refCommune.epciCode,
      regionCode: refCommune.regionCode,
    })
    .from(refCommune)
    .where(gte(refCommune.population, 20_000))
    .orderBy(asc(refCommune.code));
  const epcis = await db
    .select({
      code: refEpci.code,
      name: refEpci.name,
      communeCount: sql<number>`count(${refCommune.code})::int`,
      departementCode: sql<string>`min(${refCommune.departementCode})`,
      regionCode: sql<string>`min(${refCommune.regionCode})`,
    })
    .from(refEpci)
    .innerJoin(refCommune, eq(refCommune.epciCode, refEpci.code))
    .groupBy(refEpci.code, refEpci.name)
    .orderBy(asc(refEpci.code));

  const planned: PlannedClsm[] = [];
  const takenEpcis = new Set<string>();
  const takenCommunes = new Set<string>();

  // Infra-communal: quartiers of a city of more than 100,000 inhabitants.
  for (const c of rng.shuffle(bigCommunes.filter((c) => c.population >= 100_000)).slice(0, infraCount)) {
    takenCommunes.add(c.code);
    if (c.epciCode) takenEpcis.add(c.epciCode);
    const names = rng.shuffle(quartierNames).slice(0, rng.int(2, 4));
    planned.push({
      name: `CLSM ${c.name} – ${names.join(", ")}`,
      status: status(rng),
      scale: "infracommunal",
      communeCodes: [c.code],
      epciCodes: [],
      quartiers: names.map((name) => ({ name, communeCode: c.code, population: rng.int(6_000, 25_000) })),
      regionCode: c.regionCode,
      communeCount: 1,
    });
  }
  // Communal: one town of more than 20,000 inhabitants (Paris, Lyon and Marseille arrondissements included).
  const communal = rng
    .shuffle(bigCommunes.filter((c) => c.population < 1_000_000 && !takenCommunes.has(c.code)))
    .filter((c) => !c.epciCode || !takenEpcis.has(c.epciCode))
    .slice(0, communalCount);
  for (const c of communal) {
    takenCommunes.add(c.code);
    if (c.epciCode) takenEpcis.add(c.epciCode);
    planned.push({
      name: `CLSM de ${c.name}`,
      status: status(rng),
      scale: "communal",
      communeCodes: [c.code],
      epciCodes: [],
      quartiers: [],
      regionCode: c.regionCode,
      communeCount: 1,
    });
  }
  // Intercommunal: one EPCI, or two EPCI of the same département.
  const free = rng.shuffle(epcis.filter((e) => !takenEpcis.has(e.code)));
  const take = () => {
    const e = free.shift();
    if (!e) throw new Error("not enough EPCI for the requested number of CLSMs");
    takenEpcis.add(e.code);
    return e;
  };
  for (let i = 0; i < singleEpciCount; i++) {
    const e = take();
    planned.push({
      name: `CLSM – ${e.name}`,
      status: status(rng),
      scale: "intercommunal",
      communeCodes: [],
      epciCodes: [e.code],
      quartiers: [],
      regionCode: e.regionCode,
      communeCount: e.communeCount,
    });
  }
  for (let i = 0; i < pairCount; i++) {
    const a = take();
    const index = free.findIndex((e) => e.departementCode === a.departementCode);
    const b = index >= 0 ? free.splice(index, 1)[0] : undefined;
    if (b) takenEpcis.add(b.code);
    planned.push({
      name: b ? `CLSM – ${a.name} et ${b.name}` : `CLSM – ${a.name}`,
      status: status(rng),
      scale: "intercommunal",
      communeCodes: [],
      epciCodes: b ? [a.code, b.code] : [a.code],
      quartiers: [],
      regionCode: a.regionCode,
      communeCount: a.communeCount + (b?.communeCount ?? 0),
    });
  }
  return planned;
}

async function insertPeople(
  db: Db,
  people: (typeof user.$inferInsert)[],
  passwordHash: string,
  rng: Random,
): Promise<void> {
  for (let i = 0; i < people.length; i += 1000) {
    const batch = people.slice(i, i + 1000);
    await db.insert(user).values(batch);
    await db.insert(account).values(
      batch.map((p) => ({
        id: rng.uuid(),
        accountId: p.id,
        providerId: "credential",
        userId: p.id,
        password: passwordHash,
      })),
    );
  }
}

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** Fills an empty (migrated, reference-loaded) database. Same seed, same dataset. */
export async function loadDataset(
  db: Db,
  services: Services,
  size: DatasetSize = NATIONAL_SCALE,
  log: (line: string) => void = console.log,
): Promise<DatasetInfo> {
  const rng = seeded(DATASET_SEED);
  const loadSeconds: Record<string, number> = {};
  let t = performance.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  // The platform's officers: an administrator, the national resource centre, one ARS officer per entry of the
  // région list (the overseas collectivities included: a few more accounts than there are ARS, harmless).
  const regions = await db.select().from(refRegion).orderBy(asc(refRegion.code));
  const officers: (typeof user.$inferInsert)[] = [
    { id: rng.uuid(), name: "Camille Admin", email: `admin@${BENCH_EMAIL_DOMAIN}`, platformRole: "admin" },
    ...[1, 2, 3].map((n) => ({
      id: rng.uuid(),
      name: `Équipe nationale ${n}`,
      email: `national-${n}@${BENCH_EMAIL_DOMAIN}`,
      platformRole: "national",
    })),
    ...regions.map((r) => ({
      id: rng.uuid(),
      name: `ARS ${r.name}`,
      email: `ars-${r.code}@${BENCH_EMAIL_DOMAIN}`,
      platformRole: "ars",
      arsRegionCode: r.code,
    })),
  ].map((o) => ({ ...o, emailVerified: true }));
  await db.transaction((tx) => insertPeople(tx, officers, passwordHash, rng));
  const adminRow = officers[0];
  if (!adminRow) throw new Error("no admin");
  const admin: Actor = {
    userId: adminRow.id,
    name: adminRow.name,
    email: adminRow.email,
    platformRole: "admin",
    arsRegionCode: null,
    memberships: [],
  };

  // CLSMs, through the service (territory resolution, scale, population, départements, régions).
  const planned = await planTerritories(db, rng, size.clsms);
  const clsmIds: string[] = [];
  for (const p of planned) {
    const created = await services.workspaces.create(admin, {
      name: p.name,
      status: p.status,
      territory: { communeCodes: p.communeCodes, epciCodes: p.epciCodes, quartiers: p.quartiers },
    });
    clsmIds.push(created.id);
  }
  loadSeconds.clsms = seconds(t);
  log(`  ${planned.length} CLSMs created through the service in ${loadSeconds.clsms} s`);

  // People: group sizes vary around people / clsms; the first of each group coordinates it,
  // the second chairs it, the third co-leads it.
  t = performance.now();
  const weights = planned.map(() => 0.5 + rng.next());
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(3, Math.floor((size.people * w) / weightSum)));
  for (let i = 0; size.people - sizes.reduce((a, b) => a + b, 0) > 0; i++)
    sizes[i % sizes.length] = (sizes[i % sizes.length] ?? 0) + 1;

  const people: (typeof user.$inferInsert)[] = [];
  const memberships: (typeof clsmMembership.$inferInsert)[] = [];
  const memberCount = new Map<string, number>();
  const coordinatorOf = new Map<string, string>();
  const home: number[] = [];
  planned.forEach((_, c) => {
    const clsmId = clsmIds[c] as string;
    for (let k = 0; k < (sizes[c] ?? 0); k++) {
      const first = rng.pick(firstNames);
      const last = rng.pick(lastNames);
      const id = rng.uuid();
      people.push({
        id,
        name: `${first} ${last}`,
        email: `${slug(first)}.${slug(last)}.${people.length + 1}@${BENCH_EMAIL_DOMAIN}`,
        emailVerified: true,
      });
      home.push(c);
      memberships.push({
        clsmId,
        userId: id,
        role: k === 0 ? "coordinator" : "member",
        isChair: k === 1,
        isColead: k === 2,
      });
      if (k === 0) coordinatorOf.set(clsmId, id);
    }
    memberCount.set(clsmId, sizes[c] ?? 0);
  });

  // Some people sit in several CLSMs of their région (a psychiatrist of a sector, a regional association),
  // and one coordinator in ten coordinates a second CLSM.
  const byRegion = new Map<string, number[]>();
  planned.forEach((p, c) => {
    byRegion.set(p.regionCode, [...(byRegion.get(p.regionCode) ?? []), c]);
  });
  const taken = new Set(memberships.map((m) => `${m.clsmId}/${m.userId}`));
  people.forEach((person, i) => {
    const homeIndex = home[i] as number;
    const isCoordinator = coordinatorOf.get(clsmIds[homeIndex] as string) === person.id;
    const extra = isCoordinator ? (rng.next() < 0.1 ? 1 : 0) : rng.next() < 0.08 ? rng.int(1, 2) : 0;
    const neighbours = byRegion.get(planned[homeIndex]?.regionCode ?? "") ?? [];
    for (let e = 0; e < extra; e++) {
      const other = clsmIds[rng.pick(neighbours)] as string;
      if (taken.has(`${other}/${person.id}`)) continue;
      taken.add(`${other}/${person.id}`);
      memberships.push({
        clsmId: other,
        userId: person.id,
        role: isCoordinator ? "coordinator" : "member",
        isChair: false,
        isColead: false,
      });
      memberCount.set(other, (memberCount.get(other) ?? 0) + 1);
    }
  });

  await db.transaction(async (tx) => {
    await insertPeople(tx, people, passwordHash, rng);
    for (let i = 0; i < memberships.length; i += 2000)
      await tx.insert(clsmMembership).values(memberships.slice(i, i + 2000));
  });
  loadSeconds.people = seconds(t);
  log(`  ${people.length} people, ${memberships.length} memberships inserted in ${loadSeconds.people} s`);

  // The bench signs in as the coordinator of a typical intercommunal CLSM: the median by commune count.
  const intercommunal = planned
    .map((p, c) => ({ p, c }))
    .filter(({ p }) => p.scale === "intercommunal")
    .sort((a, b) => a.p.communeCount - b.p.communeCount || a.c - b.c);
  const chosen = intercommunal[Math.floor(intercommunal.length / 2)];
  if (!chosen) throw new Error("no intercommunal CLSM planned");
  const chosenId = clsmIds[chosen.c] as string;
  const coordinatorId = coordinatorOf.get(chosenId);
  const coordinator = people.find((p) => p.id === coordinatorId);
  if (!coordinator) throw new Error("no coordinator for the chosen CLSM");

  const scales = { intercommunal: 0, communal: 0, infracommunal: 0 };
  for (const p of planned) scales[p.scale]++;
  const info: DatasetInfo = {
    version: DATASET_VERSION,
    size: { clsms: planned.length, people: people.length },
    scales,
    memberships: memberships.length,
    officers: officers.length,
    coordinator: {
      email: coordinator.email,
      clsmId: chosenId,
      clsmName: chosen.p.name,
      communeCount: chosen.p.communeCount,
      memberCount: memberCount.get(chosenId) ?? 0,
    },
    otherClsmId: clsmIds.find((id) => id !== chosenId && coordinatorOf.get(id) !== coordinatorId) ?? "",
    loadSeconds,
  };
  await db
    .insert(appSetting)
    .values({ key: MARKER_KEY, value: JSON.stringify(info) })
    .onConflictDoUpdate({ target: appSetting.key, set: { value: JSON.stringify(info) } });
  return info;
}
