import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { count, eq } from "drizzle-orm";
import { account, user } from "../accounts/tables";
import type { Services } from "../app";
import type { Actor } from "../platform/access";
import type { Database } from "../platform/db";
import { clsm } from "../workspaces/tables";

// A believable, fictional demo: real territories (official EPCI and communes), invented people.

export const DEMO_PASSWORD = "maillage-demo";

export const demoAccounts = [
  {
    email: "admin@maillage.demo",
    name: "Camille Admin",
    platformRole: "admin",
    label: "administratrice de la plateforme",
  },
  { email: "coordination@clsm-saintbrieuc.demo", name: "Nadia Le Goff", label: "coordinatrice (2 CLSM)" },
  { email: "elue@clsm-saintbrieuc.demo", name: "Hélène Morvan", label: "élue, présidente du CLSM" },
  { email: "psychiatre@clsm-saintbrieuc.demo", name: "Dr Yann Kerleau", label: "psychiatre, co-pilote" },
  { email: "aidante@clsm-saintbrieuc.demo", name: "Martine Guillou", label: "membre (UNAFAM)" },
  {
    email: "ars@maillage.demo",
    name: "Julien Tanguy",
    platformRole: "ars",
    arsRegionCode: "53",
    label: "ARS Bretagne",
  },
  {
    email: "national@maillage.demo",
    name: "Inès Baptiste",
    platformRole: "national",
    label: "centre national de ressources",
  },
] as const;

const SAINT_BRIEUC_AGGLO = "200069409";
const RENNES = "35238";

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: count() }).from(clsm);
  const [users] = await database.db.select({ n: count() }).from(user);
  return (row?.n ?? 0) === 0 && (users?.n ?? 0) === 0;
}

export async function hasDemoAccounts(database: Database): Promise<boolean> {
  const [row] = await database.db
    .select({ n: count() })
    .from(user)
    .where(eq(user.email, demoAccounts[0].email));
  return (row?.n ?? 0) > 0;
}

export async function seedDemo(database: Database, services: Services): Promise<void> {
  const { db } = database;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const a of demoAccounts) {
      const id = randomUUID();
      ids.set(a.email, id);
      await tx.insert(user).values({
        id,
        name: a.name,
        email: a.email,
        emailVerified: true,
        platformRole: "platformRole" in a ? a.platformRole : null,
        arsRegionCode: "arsRegionCode" in a ? a.arsRegionCode : null,
      });
      await tx.insert(account).values({
        id: randomUUID(),
        accountId: id,
        providerId: "credential",
        userId: id,
        password: passwordHash,
      });
    }
  });

  const admin: Actor = {
    userId: ids.get("admin@maillage.demo") ?? "",
    name: "Camille Admin",
    email: "admin@maillage.demo",
    platformRole: "admin",
    arsRegionCode: null,
    memberships: [],
  };
  const { workspaces } = services;
  const agglo = await workspaces.create(admin, {
    name: "CLSM de Saint-Brieuc Armor Agglomération",
    status: "actif",
    territory: { communeCodes: [], epciCodes: [SAINT_BRIEUC_AGGLO], quartiers: [] },
  });
  const members = [
    { email: "coordination@clsm-saintbrieuc.demo", role: "coordinator", isChair: false, isColead: false },
    { email: "elue@clsm-saintbrieuc.demo", role: "member", isChair: true, isColead: false },
    { email: "psychiatre@clsm-saintbrieuc.demo", role: "member", isChair: false, isColead: true },
    { email: "aidante@clsm-saintbrieuc.demo", role: "member", isChair: false, isColead: false },
  ] as const;
  for (const m of members) await workspaces.addMember(admin, agglo.id, m);

  const quartiers = await workspaces.create(admin, {
    name: "CLSM Rennes – quartiers nord",
    status: "projet",
    territory: {
      communeCodes: [RENNES],
      epciCodes: [],
      quartiers: [
        { name: "Maurepas – Patton", communeCode: RENNES, population: 20400 },
        { name: "Villejean – Beauregard", communeCode: RENNES, population: 19800 },
      ],
    },
  });
  await workspaces.addMember(admin, quartiers.id, {
    email: "coordination@clsm-saintbrieuc.demo",
    role: "coordinator",
    isChair: false,
    isColead: false,
  });
}
