import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "../accounts/tables";
import { clsm } from "../workspaces/tables";

// Imports of the directory from spreadsheets: the uploaded rows (kept until committed), the mapping, the
// coordinator's decisions, the counts, and what each commit changed so that it can be undone.

export const directoryImport = pgTable(
  "directory_import",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clsmId: uuid("clsm_id")
      .notNull()
      .references(() => clsm.id, { onDelete: "cascade" }),
    createdBy: text("created_by")
      .notNull()
      .references(() => user.id),
    fileName: text("file_name").notNull(),
    /** csv | xlsx */
    kind: text("kind").notNull(),
    /** draft | committing | committed | undone */
    status: text("status").notNull().default("draft"),
    headers: jsonb("headers").$type<string[]>().notNull(),
    /** The data rows as read from the file; emptied once the import is committed. */
    rows: jsonb("rows").$type<string[][]>().notNull(),
    mapping: jsonb("mapping").$type<(string | null)[]>().notNull(),
    /** row index → skip | update | create, for rows that match a person already there or in the file. */
    decisions: jsonb("decisions").$type<Record<string, string>>().notNull().default({}),
    totalRows: integer("total_rows").notNull(),
    processedRows: integer("processed_rows").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    skippedCount: integer("skipped_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
  },
  (t) => [index("directory_import_clsm_idx").on(t.clsmId, t.createdAt)],
);

/** A person the commit updated: its previous values and the updated_at the commit left, to undo it. */
export const directoryImportUpdate = pgTable(
  "directory_import_update",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => directoryImport.id, { onDelete: "cascade" }),
    personId: uuid("person_id").notNull(),
    previous: jsonb("previous").$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("directory_import_update_import_idx").on(t.importId)],
);
