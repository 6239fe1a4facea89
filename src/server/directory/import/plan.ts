import type { ImportDecision, ImportMapping } from "../../../contracts/directory-import";
import {
  collegeAliases,
  duplicatesInFile,
  type ImportRecord,
  nameStructureKey,
  type RowProblem,
  readRow,
} from "./validate";

export interface ExistingPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  structureName: string | null;
}

export interface PlannedRow {
  record: ImportRecord;
  problems: RowProblem[];
  duplicate: {
    personId: string | null;
    matchedBy: "email" | "nameAndStructure" | "file";
    label: string;
    decision: ImportDecision;
    /** false when the e-mail is already taken: a second record cannot be created with it. */
    canCreate: boolean;
  } | null;
  /** What the commit will do with the row. */
  action: "create" | "update" | "skip";
}

/**
 * Reads every row through the mapping, finds its problems and duplicates (inside the file, and against the
 * directory by e-mail or by name + structure) and applies the coordinator's decisions. Pure: the preview and
 * the commit run the same plan.
 */
export function planImport(input: {
  rows: string[][];
  mapping: ImportMapping;
  collegeNames: string[];
  existing: ExistingPerson[];
  decisions: Record<string, string>;
}): PlannedRow[] {
  const collegeKeys = new Set(input.collegeNames.flatMap(collegeAliases));
  const read = input.rows.map((row, i) => readRow(row, i, input.mapping, collegeKeys));
  const inFile = duplicatesInFile(read.map((r) => r.record));
  const byEmail = new Map<string, ExistingPerson>();
  const byName = new Map<string, ExistingPerson>();
  for (const p of input.existing) {
    if (p.email) byEmail.set(p.email.toLowerCase(), p);
    byName.set(nameStructureKey({ ...p, structure: p.structureName }), p);
  }
  return read.map(({ record, problems }) => {
    let duplicate: PlannedRow["duplicate"] = null;
    const chosen = input.decisions[String(record.index)] as ImportDecision | undefined;
    const viaEmail = record.email ? byEmail.get(record.email) : undefined;
    const match = viaEmail ?? (record.lastName ? byName.get(nameStructureKey(record)) : undefined);
    if (match) {
      duplicate = {
        personId: match.id,
        matchedBy: viaEmail ? "email" : "nameAndStructure",
        label: `${match.firstName} ${match.lastName}`.trim(),
        decision: chosen === "create" && viaEmail ? "skip" : (chosen ?? "skip"),
        canCreate: !viaEmail,
      };
    } else if (inFile.has(record.index)) {
      const first = read[inFile.get(record.index) as number]?.record;
      const sameEmail = !!record.email && first?.email === record.email;
      duplicate = {
        personId: null,
        matchedBy: "file",
        label: `ligne ${(inFile.get(record.index) as number) + 2}`,
        decision: chosen === "create" && !sameEmail ? "create" : "skip",
        canCreate: !sameEmail,
      };
    }
    const action: PlannedRow["action"] =
      problems.length > 0 ? "skip" : duplicate ? duplicate.decision : "create";
    return { record, problems, duplicate, action };
  });
}
