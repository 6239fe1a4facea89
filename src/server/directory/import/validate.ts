import type { ImportField, ImportMapping, ImportProblemCode } from "../../../contracts/directory-import";
import { searchKey } from "../../territory/normalize";

/** The names a collège is known by: "Aidants / proches" is also "aidants" and "proches". */
export function collegeAliases(name: string): string[] {
  const parts = name.split("/").map(searchKey).filter(Boolean);
  return [searchKey(name), ...(parts.length > 1 ? parts : [])];
}

/** One spreadsheet row read through the mapping, ready to be checked and written. */
export interface ImportRecord {
  index: number;
  civility: string | null;
  firstName: string;
  lastName: string;
  structure: string | null;
  function: string | null;
  email: string | null;
  phone: string | null;
  college: string | null;
  commune: string | null;
  postalCode: string | null;
  notes: string | null;
}

export interface RowProblem {
  code: ImportProblemCode;
  field: ImportField | null;
  message: string;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;
const maxLength: Partial<Record<ImportField, number>> = { notes: 2000 };

/** The mapped cells of a row, by field (the first column mapped to a field wins). */
export function mappedValues(row: string[], mapping: ImportMapping): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  mapping.forEach((field, i) => {
    if (field && out[field] === undefined) out[field] = (row[i] ?? "").trim();
  });
  return out;
}

const orNull = (s: string | undefined) => (s && s.trim() !== "" ? s.trim() : null);

/** "DUPONT Marie" / "Marie Dupont": the upper-case words are the last name, else the last word is. */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  const upper = words.filter((w) => w.length > 1 && w === w.toLocaleUpperCase("fr") && /\p{L}/u.test(w));
  if (upper.length > 0 && upper.length < words.length) {
    return {
      lastName: upper.join(" "),
      firstName: words.filter((w) => !upper.includes(w)).join(" "),
    };
  }
  if (words.length < 2) return { firstName: "", lastName: words.join(" ") };
  return { firstName: words.slice(0, -1).join(" "), lastName: words[words.length - 1] as string };
}

/** Reads and checks one row: the record and its own problems (duplicates are found over the whole file). */
export function readRow(
  row: string[],
  index: number,
  mapping: ImportMapping,
  collegeKeys: Set<string>,
): { record: ImportRecord; problems: RowProblem[] } {
  const v = mappedValues(row, mapping);
  const problems: RowProblem[] = [];
  let firstName = v.firstName ?? "";
  let lastName = v.lastName ?? "";
  if (!lastName && v.fullName) ({ firstName, lastName } = splitFullName(v.fullName));
  for (const [field, value] of Object.entries(v) as [ImportField, string][]) {
    if (/^[=@]/.test(value)) {
      problems.push({
        code: "formula",
        field,
        message: "Cette cellule contient une formule, pas une valeur.",
      });
    } else if (value.length > (maxLength[field] ?? 200)) {
      problems.push({ code: "tooLong", field, message: "Cette valeur est trop longue." });
    }
  }
  if (!lastName) {
    problems.push({ code: "missingName", field: "lastName", message: "Le nom de famille manque." });
  }
  const email = orNull(v.email)?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) {
    problems.push({
      code: "invalidEmail",
      field: "email",
      message: `Adresse e-mail invalide : « ${email} ».`,
    });
  }
  const college = orNull(v.college);
  if (college && !collegeKeys.has(searchKey(college))) {
    problems.push({
      code: "unknownCollege",
      field: "college",
      message: `Collège inconnu : « ${college} ». Créez-le ou corrigez le fichier.`,
    });
  }
  return {
    record: {
      index,
      civility: orNull(v.civility),
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      structure: orNull(v.structure),
      function: orNull(v.function),
      email,
      phone: orNull(v.phone),
      college,
      commune: orNull(v.commune),
      postalCode: orNull(v.postalCode),
      notes: orNull(v.notes),
    },
    problems,
  };
}

/** The key by which two rows are the same person when neither has an e-mail: name + structure. */
export const nameStructureKey = (r: { firstName: string; lastName: string; structure: string | null }) =>
  `${searchKey(`${r.firstName} ${r.lastName}`)}|${searchKey(r.structure ?? "")}`;

/** Rows that repeat an earlier row of the same file (same e-mail, or same name + structure): index → first index. */
export function duplicatesInFile(records: ImportRecord[]): Map<number, number> {
  const byEmail = new Map<string, number>();
  const byName = new Map<string, number>();
  const out = new Map<number, number>();
  for (const r of records) {
    if (!r.lastName) continue;
    const nameKey = nameStructureKey(r);
    const first = (r.email ? byEmail.get(r.email) : undefined) ?? byName.get(nameKey);
    if (first !== undefined) out.set(r.index, first);
    else {
      if (r.email) byEmail.set(r.email, r.index);
      byName.set(nameKey, r.index);
    }
  }
  return out;
}
