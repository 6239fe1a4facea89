import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "../accounts/tables";

export const clsm = pgTable(
  "clsm",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** projet | actif | sommeil */
    status: text("status").notNull(),
    /** infracommunal | communal | intercommunal — derived from the territory on every change. */
    scale: text("scale").notNull(),
    /** Population covered, derived from communes (or quartiers for an infra-communal CLSM). */
    population: integer("population").notNull(),
    departementCodes: text("departement_codes").array().notNull(),
    regionCodes: text("region_codes").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("clsm_region_codes_idx").using("gin", t.regionCodes), index("clsm_name_idx").on(t.name)],
);

export const clsmCommune = pgTable(
  "clsm_commune",
  {
    clsmId: uuid("clsm_id")
      .notNull()
      .references(() => clsm.id, { onDelete: "cascade" }),
    communeCode: text("commune_code").notNull(),
    /** The EPCI through which the commune was added, if any. */
    viaEpciCode: text("via_epci_code"),
  },
  (t) => [primaryKey({ columns: [t.clsmId, t.communeCode] })],
);

export const clsmQuartier = pgTable(
  "clsm_quartier",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: uuid("clsm_id")
      .notNull()
      .references(() => clsm.id, { onDelete: "cascade" }),
    communeCode: text("commune_code").notNull(),
    name: text("name").notNull(),
    population: integer("population").notNull(),
  },
  (t) => [index("clsm_quartier_clsm_idx").on(t.clsmId)],
);

export const clsmMembership = pgTable(
  "clsm_membership",
  {
    clsmId: uuid("clsm_id")
      .notNull()
      .references(() => clsm.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** coordinator | member */
    role: text("role").notNull(),
    isChair: boolean("is_chair").notNull().default(false),
    isColead: boolean("is_colead").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.clsmId, t.userId] }), index("clsm_membership_user_idx").on(t.userId)],
);
