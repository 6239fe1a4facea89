import { timestamp, uuid } from "drizzle-orm/pg-core";
import { clsm } from "./tables";

// Columns every table that belongs to a CLSM repeats: its clsm_id (deleted with the CLSM) and its timestamps.

export const clsmIdColumn = () =>
  uuid("clsm_id")
    .notNull()
    .references(() => clsm.id, { onDelete: "cascade" });

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};
