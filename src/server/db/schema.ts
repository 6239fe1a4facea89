// The whole schema, for drizzle-kit and for the typed query builder. Each domain owns its tables.ts.
export * from "../accounts/tables";
export * from "../diagnostic/tables";
export * from "../directory/import-tables";
export * from "../directory/tables";
export * from "../governance/tables";
export * from "../jobs/tables";
export * from "../mail/tables";
export * from "../meetings/tables";
export * from "../platform/tables";
export * from "../territory/tables";
export * from "../workspaces/tables";
