import { email, multilineText, optionalText, text, uuidParam } from "./common";
import { inseeCode } from "./territory";
import { z } from "./zod";

// The partner directory: collèges, structures, people and their roles, the four pillars.

export const pillars = ["elus", "psychiatrie", "usagers", "aidants"] as const;
export const pillar = z.enum(pillars);
export type Pillar = z.infer<typeof pillar>;
export const pillarLabels: Record<Pillar, string> = {
  elus: "Élus",
  psychiatrie: "Psychiatrie publique",
  usagers: "Personnes concernées",
  aidants: "Aidants",
};
/** Label of a collège or person without a pillar. */
export const otherPartnersLabel = "Autres partenaires";

export const structureTypes = [
  "collectivite",
  "etablissement_sante",
  "association",
  "service_etat",
  "bailleur",
  "education",
  "entreprise",
  "autre",
] as const;
export const structureType = z.enum(structureTypes);
export type StructureType = z.infer<typeof structureType>;
export const structureTypeLabels: Record<StructureType, string> = {
  collectivite: "Collectivité",
  etablissement_sante: "Établissement de santé",
  association: "Association",
  service_etat: "Service de l'État",
  bailleur: "Bailleur social",
  education: "Éducation",
  entreprise: "Entreprise",
  autre: "Autre",
};

export const civilities = ["madame", "monsieur"] as const;
export const civility = z.enum(civilities);
export type Civility = z.infer<typeof civility>;
export const civilityLabels: Record<Civility, string> = { madame: "Madame", monsieur: "Monsieur" };

export const personSources = ["saisie", "import", "autre"] as const;
export const personSource = z.enum(personSources);
export type PersonSource = z.infer<typeof personSource>;
export const personSourceLabels: Record<PersonSource, string> = {
  saisie: "Saisie manuelle",
  import: "Import de fichier",
  autre: "Autre",
};

/**
 * Luhn check of a SIRET. La Poste's establishments (SIREN 356 000 000) do not follow it: their digits sum
 * to a multiple of 5 instead.
 */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(siret[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  if (sum % 10 === 0) return true;
  return siret.startsWith("356000000") && [...siret].reduce((s, d) => s + Number(d), 0) % 5 === 0;
}

const noSpaces = (s: string) => s.replace(/[\s.]/g, "");
export const siret = z
  .string()
  .max(30)
  .transform(noSpaces)
  .pipe(
    z
      .string()
      .regex(/^\d{14}$/, "Le numéro SIRET compte 14 chiffres.")
      .refine(isValidSiret, "Ce numéro SIRET n'est pas valide (clé de contrôle)."),
  );
export const finess = z
  .string()
  .max(30)
  .transform((s) => noSpaces(s).toUpperCase())
  .pipe(z.string().regex(/^(\d{2}|2[AB])\d{7}$/, "Le numéro FINESS compte 9 caractères."));
export const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+().\s-]*$/, "Numéro de téléphone invalide.");
export const website = z
  .string()
  .trim()
  .max(300)
  .regex(/^(https?:\/\/)?[^\s/$.?#][^\s]*$/i, "Adresse de site web invalide.");
export const postalCode = z
  .string()
  .trim()
  .regex(/^\d{5}$/, "Le code postal compte 5 chiffres.");
/** A date (YYYY-MM-DD). */
export const isoDate = z.iso.date("Date invalide (format AAAA-MM-JJ).");

/** An optional field of a body: absent = unchanged (PATCH) or empty (POST); null or "" = cleared. */
const clearable = <T extends z.ZodType>(schema: T) => z.union([z.literal(""), z.null(), schema]).optional();

// ─── Collèges ────────────────────────────────────────────────────────────────────────────────────────────

export const college = z.object({
  id: z.uuid(),
  name: z.string(),
  /** null = autres partenaires. */
  pillar: pillar.nullable(),
  position: z.number().int(),
  personCount: z.number().int(),
});
export type College = z.infer<typeof college>;
export const collegeList = z.object({
  items: z.array(college),
  can: z.object({ manage: z.boolean() }),
});
export const createCollegeBody = z.object({ name: text(120), pillar: pillar.nullable().default(null) });
export const updateCollegeBody = z.object({
  name: text(120).optional(),
  pillar: pillar.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const orderCollegesBody = z.object({ ids: z.array(uuidParam).min(1).max(500) });

// ─── Structures ──────────────────────────────────────────────────────────────────────────────────────────

export const structureFields = {
  type: structureType,
  collegeId: z.uuid("Identifiant invalide.").nullable(),
  address: optionalText(300),
  postalCode: clearable(postalCode),
  communeCode: clearable(inseeCode),
  communeName: optionalText(120),
  phone: clearable(phone),
  email: clearable(email),
  website: clearable(website),
  siret: clearable(siret),
  finess: clearable(finess),
  notes: multilineText(5000),
};
export const createStructureBody = z.object({
  name: text(200),
  type: structureFields.type.default("autre"),
  collegeId: structureFields.collegeId.optional(),
  address: structureFields.address.optional(),
  postalCode: structureFields.postalCode,
  communeCode: structureFields.communeCode,
  communeName: structureFields.communeName.optional(),
  phone: structureFields.phone,
  email: structureFields.email,
  website: structureFields.website,
  siret: structureFields.siret,
  finess: structureFields.finess,
  notes: structureFields.notes.optional(),
});
export type CreateStructureBody = z.infer<typeof createStructureBody>;
export const updateStructureBody = createStructureBody.partial().extend({
  type: structureType.optional(),
});
export type UpdateStructureBody = z.infer<typeof updateStructureBody>;

export const structureSorts = ["name", "updated"] as const;
export const structureListQuery = z.object({
  q: optionalText(100).optional(),
  type: structureType.optional(),
  collegeId: z.uuid("Identifiant invalide.").optional(),
  communeCode: inseeCode.optional(),
  sort: z.enum(structureSorts).default("name"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type StructureListQuery = z.infer<typeof structureListQuery>;

export const structureListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  type: structureType,
  collegeId: z.uuid().nullable(),
  collegeName: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** People currently holding a role in the structure. */
  personCount: z.number().int(),
  updatedAt: z.string(),
});
export type StructureListItem = z.infer<typeof structureListItem>;
export const structureList = z.object({
  items: z.array(structureListItem),
  total: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});

export const structureDetail = structureListItem.extend({
  address: z.string().nullable(),
  website: z.string().nullable(),
  siret: z.string().nullable(),
  finess: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  /** People whose current role is in this structure. */
  people: z.array(
    z.object({
      personId: z.uuid(),
      roleId: z.uuid(),
      name: z.string(),
      function: z.string(),
    }),
  ),
  can: z.object({ manage: z.boolean() }),
});
export type StructureDetail = z.infer<typeof structureDetail>;

// ─── People and roles ────────────────────────────────────────────────────────────────────────────────────

export const roleInput = z.object({
  function: text(200),
  structureId: z.uuid("Identifiant invalide.").nullable().default(null),
  /** Defaults to today. The person's current role, if any, ends on this date. */
  startDate: isoDate.optional(),
});
export const updateRoleBody = z.object({
  function: text(200).optional(),
  structureId: z.uuid("Identifiant invalide.").nullable().optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.nullable().optional(),
});

export const createPersonBody = z.object({
  civility: civility.nullable().optional(),
  firstName: text(100),
  lastName: text(100),
  email: clearable(email),
  phone: clearable(phone),
  collegeId: z.uuid("Identifiant invalide.").nullable().optional(),
  /** The pillar the person represents; defaults to their collège's pillar. */
  pillar: pillar.nullable().optional(),
  consentToContact: z.boolean().default(false),
  consentDate: isoDate.nullable().optional(),
  source: personSource.default("saisie"),
  notes: multilineText(5000).optional(),
  role: roleInput.omit({ startDate: true }).extend({ startDate: isoDate.optional() }).optional(),
});
export type CreatePersonBody = z.infer<typeof createPersonBody>;
export const updatePersonBody = createPersonBody
  .omit({ role: true })
  .partial()
  .extend({ consentToContact: z.boolean().optional(), source: personSource.optional() });
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const personSorts = ["lastName", "updatedAt", "structure"] as const;
export const personListQuery = z.object({
  q: optionalText(100).optional(),
  collegeId: z.uuid("Identifiant invalide.").optional(),
  pillar: pillar.optional(),
  structureId: z.uuid("Identifiant invalide.").optional(),
  structureType: structureType.optional(),
  communeCode: inseeCode.optional(),
  /** Current members of this instance (governance). */
  instanceId: z.uuid("Identifiant invalide.").optional(),
  sort: z.enum(personSorts).default("lastName"),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PersonListQuery = z.infer<typeof personListQuery>;

export const personListItem = z.object({
  id: z.uuid(),
  civility: civility.nullable(),
  firstName: z.string(),
  lastName: z.string(),
  /** null when the CLSM's settings hide contact details from members. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  collegeId: z.uuid().nullable(),
  collegeName: z.string().nullable(),
  pillar: pillar.nullable(),
  /** The current role (the one without an end date, most recent first). */
  function: z.string().nullable(),
  structureId: z.uuid().nullable(),
  structureName: z.string().nullable(),
  structureType: structureType.nullable(),
  communeName: z.string().nullable(),
  consentToContact: z.boolean(),
  anonymised: z.boolean(),
  updatedAt: z.string(),
});
export type PersonListItem = z.infer<typeof personListItem>;
export const personList = z.object({
  items: z.array(personListItem),
  total: z.number().int(),
  /** Whether e-mails and phones are shown to this reader. */
  contactsVisible: z.boolean(),
  can: z.object({ manage: z.boolean() }),
});

export const role = z.object({
  id: z.uuid(),
  function: z.string(),
  structureId: z.uuid().nullable(),
  structureName: z.string().nullable(),
  startDate: z.string(),
  /** null = current. */
  endDate: z.string().nullable(),
});
export type Role = z.infer<typeof role>;

export const personDetail = personListItem.extend({
  consentDate: z.string().nullable(),
  source: personSource,
  notes: z.string().nullable(),
  anonymisedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Every role, current first then most recent. */
  roles: z.array(role),
  can: z.object({ manage: z.boolean() }),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const mergeBody = z.object({ otherId: z.uuid("Identifiant invalide.") });

// ─── Pillars dashboard ───────────────────────────────────────────────────────────────────────────────────

export const pillarStatus = z.object({
  pillar,
  label: z.string(),
  present: z.boolean(),
  count: z.number().int(),
  /** Up to 5 people representing the pillar. */
  people: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      structureName: z.string().nullable(),
      function: z.string().nullable(),
    }),
  ),
  /** French warning when the pillar is missing, null otherwise. */
  warning: z.string().nullable(),
});
export type PillarStatus = z.infer<typeof pillarStatus>;
export const pillarsDashboard = z.object({ pillars: z.array(pillarStatus), complete: z.boolean() });

// ─── Settings ────────────────────────────────────────────────────────────────────────────────────────────

export const directorySettings = z.object({
  contactsVisibleToMembers: z.boolean(),
  can: z.object({ manage: z.boolean() }),
});
export const updateDirectorySettingsBody = z.object({ contactsVisibleToMembers: z.boolean() });

// ─── Personal data ───────────────────────────────────────────────────────────────────────────────────────

/** Shown before and after anonymising: what is kept and why. */
export const anonymisationNotice =
  "L'anonymisation remplace le nom par « Personne anonymisée » et efface la civilité, l'adresse e-mail, le " +
  "téléphone, les notes et le consentement. Sont conservés, sans rien qui identifie la personne : son collège, " +
  "le pilier représenté, l'historique de ses fonctions (structure, intitulé, dates) et ses participations aux " +
  "instances (COPIL, groupes de travail…), car ils documentent " +
  "la composition passée du CLSM (présence des piliers, bilans d'activité). Pour tout effacer, utilisez la suppression.";
export const erasureNotice =
  "La suppression efface définitivement la fiche de la personne, tout son historique de fonctions et ses " +
  "participations aux instances. " +
  "Rien n'est conservé dans l'annuaire.";

export const personExport = z.object({
  exportedAt: z.string(),
  clsm: z.object({ id: z.uuid(), name: z.string() }),
  person: z.object({
    id: z.uuid(),
    civility: civility.nullable(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    college: z.string().nullable(),
    pillar: pillar.nullable(),
    consentToContact: z.boolean(),
    consentDate: z.string().nullable(),
    source: personSource,
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    anonymisedAt: z.string().nullable(),
  }),
  roles: z.array(role),
  /** The instances of the CLSM the person sits or sat in. */
  instances: z.array(
    z.object({
      instance: z.string(),
      kind: z.string(),
      role: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
    }),
  ),
  /** The meetings the person was invited to: their answer and attendance. */
  meetings: z.array(
    z.object({
      meeting: z.string(),
      date: z.string(),
      rsvp: z.string(),
      attendance: z.string().nullable(),
      representedBy: z.string().nullable(),
    }),
  ),
  /** The actions to follow assigned to the person in meetings. */
  followUps: z.array(
    z.object({
      meeting: z.string(),
      date: z.string(),
      description: z.string(),
      dueDate: z.string().nullable(),
      status: z.string(),
      closedAt: z.string().nullable(),
    }),
  ),
  /** The surveys the person was invited to by a personal link; what they answered when the survey is named. */
  surveys: z.array(
    z.object({
      survey: z.string(),
      anonymous: z.boolean(),
      sentAt: z.string().nullable(),
      remindedAt: z.string().nullable(),
      /** The day the answer came, only on a named survey (an anonymous one keeps only that it came). */
      answeredOn: z.string().nullable(),
      answered: z.boolean(),
      answers: z.array(z.object({ question: z.string(), answer: z.string() })),
    }),
  ),
  /** French explanation of what this export contains. */
  notice: z.string(),
});
export type PersonExport = z.infer<typeof personExport>;

export const anonymiseResult = z.object({ person: personDetail, notice: z.string() });
