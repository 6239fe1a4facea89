import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { count, eq } from "drizzle-orm";
import type { Civility, Pillar, StructureType } from "../../contracts/directory";
import type { CreateInstanceBody, MemberRole } from "../../contracts/governance";
import { account, user } from "../accounts/tables";
import type { Services } from "../app";
import type { Actor } from "../platform/access";
import type { Database } from "../platform/db";
import { searchKey } from "../territory/normalize";
import { clsm } from "../workspaces/tables";
import { seedDiagnosticNeeds } from "./diagnostic-needs";
import { seedDiagnosticPriorities } from "./diagnostic-priorities";
import { seedDiagnosticSurvey } from "./diagnostic-survey";
import { seedMeetings } from "./meetings";

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
  const people = await seedDirectory(services, admin, agglo.id);
  const instances = await seedInstances(services, admin, agglo.id, people);
  await seedMeetings(services, admin, agglo.id, instances, people);
  // The residents' survey, closed with its answers; then needs and resources, which link to it and to meetings.
  await seedDiagnosticSurvey(services, admin, agglo.id);
  await seedDiagnosticNeeds(services, admin, agglo.id);
  // Priorities voted on those needs, the avis adopted at the plénière, and the page presenting the survey.
  await seedDiagnosticPriorities(services, admin, agglo.id);

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

// ─── The demo directory ──────────────────────────────────────────────────────────────────────────────────
// Fictional people in realistic structures of the Saint-Brieuc area. The aidants pillar is deliberately
// missing (UNAFAM 22 is listed, but nobody represents carers yet), so the pillars dashboard shows a warning.

type DemoCommune = [code: string, name: string, postalCode: string];
const SB: DemoCommune = ["22278", "Saint-Brieuc", "22000"];
const PLERIN: DemoCommune = ["22187", "Plérin", "22190"];
const PLOUFRAGAN: DemoCommune = ["22215", "Ploufragan", "22440"];
const LANGUEUX: DemoCommune = ["22106", "Langueux", "22360"];
const TREGUEUX: DemoCommune = ["22360", "Trégueux", "22950"];
const QUINTIN: DemoCommune = ["22262", "Quintin", "22800"];

const demoStructures: [name: string, type: StructureType, college: string, commune: DemoCommune][] = [
  ["Mairie de Saint-Brieuc", "collectivite", "Élus", SB],
  ["Saint-Brieuc Armor Agglomération", "collectivite", "Élus", SB],
  ["Mairie de Plérin", "collectivite", "Élus", PLERIN],
  ["CMP adulte de Saint-Brieuc", "etablissement_sante", "Psychiatrie publique", SB],
  [
    "Centre hospitalier de Saint-Brieuc – pôle de psychiatrie",
    "etablissement_sante",
    "Psychiatrie publique",
    SB,
  ],
  ["CMP enfants et adolescents de Ploufragan", "etablissement_sante", "Pédopsychiatrie", PLOUFRAGAN],
  ["GEM L'Escale", "association", "Personnes concernées / usagers", SB],
  ["UNAFAM 22", "association", "Aidants / proches", SB],
  ["CCAS de Plérin", "collectivite", "Social", PLERIN],
  ["CCAS de Saint-Brieuc", "collectivite", "Social", SB],
  ["Bailleur Terre et Baie Habitat", "bailleur", "Logement", SB],
  ["SAVS Les Ajoncs", "association", "Médico-social", LANGUEUX],
  ["Maison de santé pluriprofessionnelle de Trégueux", "autre", "Médecine de ville", TREGUEUX],
  ["Mission locale de Saint-Brieuc", "association", "Insertion / emploi", SB],
  ["Collège Jean Macé", "education", "Éducation", SB],
  ["Commissariat de Saint-Brieuc", "service_etat", "Police / CLSPD", SB],
  ["Délégation départementale ARS Bretagne (22)", "service_etat", "ARS", SB],
  ["Centre social de Quintin", "association", "Social", QUINTIN],
];

/** civility, first name, last name, structure (index above or -1), function, pillar (null = none). */
const demoPeople: [Civility | null, string, string, number, string, Pillar | null][] = [
  ["madame", "Hélène", "Morvan", 0, "Adjointe au maire déléguée à la santé, présidente du CLSM", "elus"],
  ["monsieur", "Thierry", "Le Bras", 1, "Vice-président à la cohésion sociale", "elus"],
  ["madame", "Sophie", "Carré", 2, "Conseillère municipale déléguée aux solidarités", "elus"],
  ["monsieur", "Patrick", "Jégou", 0, "Conseiller municipal", "elus"],
  ["monsieur", "Yann", "Kerleau", 4, "Psychiatre, chef de pôle, co-pilote du CLSM", "psychiatrie"],
  ["madame", "Anne", "Le Bihan", 3, "Cadre de santé", "psychiatrie"],
  ["monsieur", "Gaël", "Rolland", 3, "Infirmier", "psychiatrie"],
  ["madame", "Claire", "Penven", 3, "Psychologue", "psychiatrie"],
  ["madame", "Isabelle", "Quéré", 4, "Assistante sociale", "psychiatrie"],
  ["monsieur", "Marc", "Hervé", 5, "Pédopsychiatre", null],
  ["madame", "Laure", "Boivin", 5, "Infirmière", null],
  ["monsieur", "Noé", "Tanguy", 6, "Adhérent, représentant du GEM", "usagers"],
  ["madame", "Sandrine", "Robin", 6, "Animatrice", null],
  ["monsieur", "Kevin", "Le Goff", 6, "Adhérent", "usagers"],
  ["madame", "Nathalie", "Daniel", 8, "Directrice", null],
  ["monsieur", "Julien", "Briand", 8, "Travailleur social", null],
  ["madame", "Véronique", "Le Roux", 9, "Responsable de l'action sociale", null],
  ["madame", "Amélie", "Thomas", 9, "Conseillère en économie sociale et familiale", null],
  ["monsieur", "Loïc", "Hamon", 10, "Chargé de gestion locative sociale", null],
  ["madame", "Céline", "Guégan", 10, "Conseillère sociale", null],
  ["madame", "Élodie", "Raoul", 11, "Cheffe de service", null],
  ["monsieur", "Romain", "Le Corre", 11, "Éducateur spécialisé", null],
  ["madame", "Marion", "Lucas", 12, "Médecin généraliste", null],
  ["monsieur", "François", "Perrot", 12, "Médecin généraliste", null],
  ["madame", "Gwenaëlle", "Le Gall", 12, "Infirmière Asalée", null],
  ["monsieur", "Mathieu", "Riou", 13, "Conseiller insertion", null],
  ["madame", "Aurélie", "Lemoine", 13, "Directrice", null],
  ["madame", "Christine", "Bertho", 14, "Principale", null],
  ["monsieur", "Nicolas", "Fercoq", 14, "Infirmier scolaire", null],
  ["monsieur", "Stéphane", "Le Moal", 15, "Commandant, référent CLSPD", null],
  ["madame", "Julie", "Nicolas", 16, "Chargée de mission santé mentale", null],
  ["monsieur", "Arnaud", "Cadiou", 16, "Délégué départemental", null],
  ["madame", "Sylvie", "Le Men", 17, "Directrice", null],
  ["monsieur", "Hervé", "Coquelin", 17, "Animateur famille", null],
  ["madame", "Maëlle", "Guillerm", -1, "Habitante, membre du conseil citoyen", null],
  ["monsieur", "Jean-Luc", "Ollivier", -1, "Psychiatre libéral", null],
  ["madame", "Brigitte", "Le Floch", -1, "Habitante", null],
  ["monsieur", "Pierre", "Caradec", 1, "Chargé de mission contrat local de santé", null],
  ["madame", "Karine", "Lebreton", 4, "Cadre supérieure de santé", "psychiatrie"],
  ["monsieur", "David", "Briend", 7, "Ancien délégué départemental (2019-2024)", null],
];

/** Creates the demo directory; returns the people's ids by last name. */
async function seedDirectory(services: Services, admin: Actor, clsmId: string): Promise<Map<string, string>> {
  const { directory } = services;
  const colleges = new Map((await directory.colleges(admin, clsmId)).items.map((c) => [c.name, c.id]));
  const collegeOf = (name: string) => colleges.get(name) ?? null;
  const structures: { id: string; college: string | null }[] = [];
  for (const [name, type, college, [code, commune, postalCode]] of demoStructures) {
    const s = await directory.createStructure(admin, clsmId, {
      name,
      type,
      collegeId: collegeOf(college),
      communeCode: code,
      communeName: commune,
      postalCode,
    });
    structures.push({ id: s.id, college: collegeOf(college) });
  }
  const slug = (s: string) => searchKey(s).replace(/ /g, "-");
  const ids = new Map<string, string>();
  for (const [i, [civility, firstName, lastName, at, fn, pillar]] of demoPeople.entries()) {
    const structure = structures[at];
    const person = await directory.createPerson(admin, clsmId, {
      civility,
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}@exemple.demo`,
      phone: i % 3 === 0 ? `02 96 ${String(10 + i).padStart(2, "0")} 00 00` : undefined,
      collegeId:
        structure?.college ??
        collegeOf(lastName === "Ollivier" ? "Psychiatrie privée et libérale" : "Habitants"),
      pillar,
      consentToContact: i % 4 !== 0,
      consentDate: i % 4 !== 0 ? "2025-10-06" : null,
      source: "saisie",
      role: { function: fn, structureId: structure?.id ?? null, startDate: "2023-01-01" },
    });
    ids.set(lastName, person.id);
    // The former UNAFAM delegate's role has ended: the carers' structure is listed, nobody represents it now.
    if (lastName === "Briend") {
      const role = person.roles[0];
      if (role) await directory.updateRole(admin, clsmId, person.id, role.id, { endDate: "2024-12-31" });
    }
  }
  return ids;
}

// ─── The demo instances ──────────────────────────────────────────────────────────────────────────────────
// A COPIL without carers since the UNAFAM delegate left (his ended membership stays as history), two working
// groups it created, a comité technique, the plénière, and the confidential cellule.

const demoInstances: {
  kind: CreateInstanceBody["kind"];
  name: string;
  purpose: string;
  theme?: string;
  audience?: string;
  underCopil?: boolean;
  confidential?: boolean;
  members: [lastName: string, role: MemberRole][];
}[] = [
  {
    kind: "copil",
    name: "Comité de pilotage",
    purpose:
      "Définit les orientations du CLSM, valide le plan d'actions et veille au respect des règles d'éthique et de confidentialité.",
    members: [
      ["Morvan", "president"],
      ["Kerleau", "coanimateur"],
      ["Le Bras", "membre"],
      ["Lebreton", "membre"],
      ["Tanguy", "membre"],
      ["Le Goff", "suppleant"],
      ["Le Roux", "membre"],
      ["Nicolas", "invite"],
    ],
  },
  {
    kind: "groupe_travail",
    name: "Logement et habitat",
    purpose:
      "Favoriser l'accès et le maintien dans le logement des personnes vivant avec des troubles psychiques.",
    theme: "Logement",
    audience: "Adultes",
    underCopil: true,
    members: [
      ["Hamon", "coanimateur"],
      ["Quéré", "coanimateur"],
      ["Guégan", "membre"],
      ["Raoul", "membre"],
      ["Le Corre", "membre"],
      ["Briand", "membre"],
      ["Tanguy", "membre"],
    ],
  },
  {
    kind: "groupe_travail",
    name: "SISM et lutte contre la stigmatisation",
    purpose: "Préparer les Semaines d'information sur la santé mentale et les actions de sensibilisation.",
    theme: "Information et déstigmatisation",
    audience: "Tout public",
    underCopil: true,
    members: [
      ["Robin", "coanimateur"],
      ["Le Goff", "membre"],
      ["Guillerm", "membre"],
      ["Thomas", "membre"],
      ["Le Men", "membre"],
      ["Fercoq", "membre"],
    ],
  },
  {
    kind: "comite_technique",
    name: "Comité technique",
    purpose: "Prépare les COPIL et suit la mise en œuvre des actions entre deux réunions.",
    members: [
      ["Le Bihan", "membre"],
      ["Caradec", "membre"],
      ["Daniel", "membre"],
      ["Nicolas", "membre"],
    ],
  },
  {
    kind: "pleniere",
    name: "Assemblée plénière",
    purpose:
      "Réunit chaque année tous les partenaires du territoire : information, échanges et concertation.",
    members: [],
  },
  {
    kind: "autre",
    name: "Cellule de réflexion et d'aide pour les personnes en situation difficile",
    purpose: "Examine, avec l'accord des personnes, des situations individuelles complexes.",
    confidential: true,
    members: [
      ["Quéré", "coanimateur"],
      ["Penven", "membre"],
      ["Daniel", "membre"],
      ["Le Corre", "membre"],
    ],
  },
];

/** Creates the demo instances with their members; returns their ids by name. */
async function seedInstances(services: Services, admin: Actor, clsmId: string, people: Map<string, string>) {
  const { governance } = services;
  const ids = new Map<string, string>();
  let copilId: string | null = null;
  for (const i of demoInstances) {
    const instance = await governance.create(admin, clsmId, {
      kind: i.kind,
      name: i.name,
      purpose: i.purpose,
      theme: i.theme,
      audience: i.audience,
      parentId: i.underCopil ? copilId : null,
      confidential: i.confidential ?? false,
    });
    if (i.kind === "copil") copilId = instance.id;
    ids.set(i.name, instance.id);
    const byRole = new Map<MemberRole, string[]>();
    const members = i.kind === "pleniere" ? [...people.keys()].map((n) => [n, "membre"] as const) : i.members;
    for (const [lastName, role] of members) {
      const id = people.get(lastName);
      if (id) byRole.set(role, [...(byRole.get(role) ?? []), id]);
    }
    for (const [role, personIds] of byRole)
      await governance.addMembers(admin, clsmId, instance.id, { personIds, role, startDate: "2024-01-15" });
  }
  // The former UNAFAM delegate sat in the COPIL until he left (end of 2024): his membership stays as history.
  const briend = people.get("Briend");
  if (copilId && briend) {
    await governance.addMembers(admin, clsmId, copilId, {
      personIds: [briend],
      role: "membre",
      startDate: "2023-03-01",
    });
    const copil = await governance.get(admin, clsmId, copilId);
    const membership = copil.members?.find((m) => m.personId === briend);
    if (membership)
      await governance.updateMembership(admin, clsmId, copilId, membership.id, { endDate: "2024-12-31" });
  }
  return ids;
}
