import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { directoryPerson } from "../directory/tables";
import { clsm } from "../workspaces/tables";

// The instances of a CLSM and who sits in them. Members are people of the partner directory: the FK to
// directory_person cascades, so erasing a person erases their memberships (anonymising keeps them).

export const governanceInstance = pgTable(
  "governance_instance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: uuid("clsm_id")
      .notNull()
      .references(() => clsm.id, { onDelete: "cascade" }),
    /** copil | groupe_travail | pleniere | comite_technique | autre */
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    purpose: text("purpose"),
    theme: text("theme"),
    audience: text("audience"),
    /** The COPIL that created a working group; a deleted COPIL leaves its groups standing. */
    parentId: uuid("parent_id").references((): AnyPgColumn => governanceInstance.id, {
      onDelete: "set null",
    }),
    confidential: boolean("confidential").notNull().default(false),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    updatedBy: text("updated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("governance_instance_clsm_idx").on(t.clsmId, t.kind),
    index("governance_instance_parent_idx").on(t.parentId),
  ],
);

export const governanceMembership = pgTable(
  "governance_membership",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: uuid("clsm_id")
      .notNull()
      .references(() => clsm.id, { onDelete: "cascade" }),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => governanceInstance.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => directoryPerson.id, { onDelete: "cascade" }),
    /** president | coanimateur | membre | suppleant | invite */
    role: text("role").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** null = current member. */
    endDate: date("end_date", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One current membership per person and instance; past ones are history.
    uniqueIndex("governance_membership_current_idx")
      .on(t.instanceId, t.personId)
      .where(sql`${t.endDate} is null`),
    index("governance_membership_person_idx").on(t.personId),
    index("governance_membership_clsm_idx").on(t.clsmId, t.instanceId),
  ],
);
