import { pgTable, text } from "drizzle-orm/pg-core";

/** Instance-wide settings kept in the database, e.g. the generated auth secret shared by all instances. */
export const appSetting = pgTable("app_setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
