import { errorBody, optionalText, uuidParam } from "./common";
import { personListQuery } from "./directory";
import { z } from "./zod";

/** The directory fields a spreadsheet column can be mapped to. */
export const importFields = [
  "civility",
  "lastName",
  "firstName",
  "fullName",
  "structure",
  "function",
  "email",
  "phone",
  "college",
  "commune",
  "postalCode",
  "notes",
] as const;
export const importField = z.enum(importFields);
export type ImportField = z.infer<typeof importField>;

/** column index (as in `headers`) → field, or null for a column left out. */
export const importMapping = z.array(importField.nullable()).max(200);
export type ImportMapping = z.infer<typeof importMapping>;

export const importDecision = z.enum(["skip", "update", "create"]);
export type ImportDecision = z.infer<typeof importDecision>;

export const importStatus = z.enum(["draft", "committing", "committed", "undone"]);

export const importSummary = z.object({
  id: z.string(),
  fileName: z.string(),
  kind: z.enum(["csv", "xlsx"]),
  status: importStatus,
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  totalRows: z.number(),
  processedRows: z.number(),
  createdCount: z.number(),
  updatedCount: z.number(),
  skippedCount: z.number(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const importDetail = importSummary.extend({
  headers: z.array(z.string()),
  mapping: importMapping,
});
export type ImportDetail = z.infer<typeof importDetail>;

/** Asked for in `Accept`, the commit answers its progress as one JSON object per line (ImportCommitEvent). */
export const IMPORT_PROGRESS_TYPE = "application/x-ndjson";
export const importCommitEvent = z.discriminatedUnion("type", [
  /** `done` of the file's `total` rows are written (in the commit's transaction: nothing is visible yet). */
  z.object({ type: z.literal("progress"), done: z.number(), total: z.number() }),
  z.object({ type: z.literal("result"), import: importDetail }),
  /** The commit failed and wrote nothing; the same code and French message as the JSON answer's. */
  z.object({ type: z.literal("error"), error: errorBody.shape.error }),
]);
export type ImportCommitEvent = z.infer<typeof importCommitEvent>;

export const importList = z.object({ items: z.array(importSummary), total: z.number() });

export const importProblemCode = z.enum([
  "missingName",
  "invalidEmail",
  "unknownCollege",
  "formula",
  "tooLong",
  "duplicateInFile",
  "duplicateInDirectory",
]);
export type ImportProblemCode = z.infer<typeof importProblemCode>;

export const importPreviewRow = z.object({
  /** 1-based line of the spreadsheet (the header is line 1). */
  line: z.number(),
  index: z.number(),
  values: z.record(z.string(), z.string()),
  problems: z.array(z.object({ code: importProblemCode, field: z.string().nullable(), message: z.string() })),
  /** For a row matching a person already in the directory: who, how, and what the coordinator chose. */
  duplicate: z
    .object({
      personId: z.string().nullable(),
      matchedBy: z.enum(["email", "nameAndStructure", "file"]),
      label: z.string(),
      decision: importDecision,
      canCreate: z.boolean(),
    })
    .nullable(),
});

export const importPreview = z.object({
  items: z.array(importPreviewRow),
  total: z.number(),
  counts: z.object({ rows: z.number(), errors: z.number(), duplicates: z.number(), ready: z.number() }),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importPreviewQuery = z.object({
  only: z.enum(["all", "problems", "duplicates"]).default("all"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The file's name (its extension says CSV or XLSX); checked by the service, after the access checks. */
export const uploadQuery = z.object({ fileName: optionalText(255).optional() });

export const mappingBody = z.object({ mapping: importMapping });
export const decisionsBody = z.object({
  decisions: z
    .array(z.object({ index: z.number().int().min(0).max(1_000_000), decision: importDecision }))
    .max(20_000),
});

export const importParams = z.object({ clsmId: uuidParam, importId: uuidParam });

/** The people list's filters, a format and optionally the selected people. */
export const exportQuery = personListQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(["csv", "xlsx"]).default("csv"),
  /** Comma-separated ids of the people to export (a selection), within the filters. */
  ids: z
    .string()
    .max(40_000)
    .regex(/^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36})*$/, "Liste d'identifiants invalide.")
    .optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;
