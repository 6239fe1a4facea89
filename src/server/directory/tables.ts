import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clsmIdColumn, timestamps } from "../workspaces/columns";
import { clsm } from "../workspaces/tables";

// The partner directory of a CLSM. Every row carries its clsm_id; the import slice writes import_id.

export const directoryCollege = pgTable(
  "directory_college",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    name: text("name").notNull(),
    /** elus | psychiatrie | usagers | aidants, null = autres partenaires. */
    pillar: text("pillar"),
    position: integer("position").notNull().default(0),
    ...timestamps,
  },
  (t) => [index("directory_college_clsm_idx").on(t.clsmId, t.position)],
);

export const directoryStructure = pgTable(
  "directory_structure",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    name: text("name").notNull(),
    /** collectivite | etablissement_sante | association | service_etat | bailleur | education | entreprise | autre */
    type: text("type").notNull(),
    collegeId: uuid("college_id").references(() => directoryCollege.id, { onDelete: "set null" }),
    address: text("address"),
    postalCode: text("postal_code"),
    communeCode: text("commune_code"),
    communeName: text("commune_name"),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    siret: text("siret"),
    finess: text("finess"),
    notes: text("notes"),
    /** searchKey(name + commune name): accent- and case-insensitive search. */
    searchKey: text("search_key").notNull(),
    /** The import that created the row (no FK: the import slice owns its table). */
    importId: uuid("import_id"),
    updatedBy: text("updated_by"),
    ...timestamps,
  },
  (t) => [
    index("directory_structure_clsm_name_idx").on(t.clsmId, t.name),
    index("directory_structure_clsm_college_idx").on(t.clsmId, t.collegeId),
    index("directory_structure_clsm_commune_idx").on(t.clsmId, t.communeCode),
    index("directory_structure_import_idx").on(t.importId),
  ],
);

export const directoryPerson = pgTable(
  "directory_person",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    /** madame | monsieur | null */
    civility: text("civility"),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    collegeId: uuid("college_id").references(() => directoryCollege.id, { onDelete: "set null" }),
    /** The pillar the person represents (elus | psychiatrie | usagers | aidants), null = none. */
    pillar: text("pillar"),
    consentToContact: boolean("consent_to_contact").notNull().default(false),
    consentDate: date("consent_date", { mode: "string" }),
    /** saisie | import | autre */
    source: text("source").notNull().default("saisie"),
    notes: text("notes"),
    /** searchKey of first name, last name, current structures, communes and functions. */
    searchKey: text("search_key").notNull(),
    importId: uuid("import_id"),
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    updatedBy: text("updated_by"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("directory_person_clsm_email_idx")
      .on(t.clsmId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    index("directory_person_clsm_name_idx").on(t.clsmId, t.lastName, t.firstName),
    index("directory_person_clsm_college_idx").on(t.clsmId, t.collegeId),
    index("directory_person_clsm_pillar_idx").on(t.clsmId, t.pillar),
    index("directory_person_import_idx").on(t.importId),
  ],
);

export const directoryRole = pgTable(
  "directory_role",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: clsmIdColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => directoryPerson.id, { onDelete: "cascade" }),
    structureId: uuid("structure_id").references(() => directoryStructure.id, { onDelete: "set null" }),
    function: text("function").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** null = current role. */
    endDate: date("end_date", { mode: "string" }),
    ...timestamps,
  },
  (t) => [
    index("directory_role_person_idx").on(t.personId, t.endDate),
    index("directory_role_structure_idx").on(t.structureId),
    index("directory_role_clsm_idx").on(t.clsmId),
  ],
);

export const directorySettings = pgTable("directory_settings", {
  clsmId: uuid("clsm_id")
    .primaryKey()
    .references(() => clsm.id, { onDelete: "cascade" }),
  contactsVisibleToMembers: boolean("contacts_visible_to_members").notNull().default(true),
  /** Set once the default collèges were created (so deleting them all does not bring them back). */
  initialisedAt: timestamp("initialised_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
