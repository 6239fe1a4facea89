import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError, badRequest } from "../../platform/errors";
import { messages } from "../../platform/messages";

/** Limits of an uploaded spreadsheet (issue 3). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export interface ParsedSheet {
  kind: "csv" | "xlsx";
  /** For CSV: the encoding the file was read with. */
  encoding: "utf-8" | "windows-1252" | null;
  headers: string[];
  /** Data rows (header row excluded), every cell a trimmed string, as wide as the headers. */
  rows: string[][];
}

const fileError = (message: string) => badRequest(message, { file: message });

const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A text file has no NUL byte and few other control bytes (tabs and line breaks aside). */
function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i] as number;
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > n / 100;
}

/** UTF-8 (BOM dropped) when the bytes are valid UTF-8, else Windows-1252 (Excel's "CSV" on French Windows). */
export function decodeText(b: Uint8Array): { text: string; encoding: "utf-8" | "windows-1252" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(b);
    return { text: text.startsWith("\uFEFF") ? text.slice(1) : text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(b), encoding: "windows-1252" };
  }
}

const clean = (v: string) => v.split(String.fromCharCode(0)).join("").trim();

function shape(all: string[][]): { headers: string[]; rows: string[][] } {
  const nonEmpty = all.filter((r) => r.some((c) => c !== ""));
  const [headerRow, ...rows] = nonEmpty;
  if (!headerRow) throw fileError(messages.importEmpty);
  if (rows.length === 0) throw fileError(messages.importNoRows);
  if (rows.length > IMPORT_MAX_ROWS) throw fileError(messages.importTooManyRows(IMPORT_MAX_ROWS));
  const width = Math.max(headerRow.length, ...rows.slice(0, 1000).map((r) => r.length));
  const headers = Array.from({ length: width }, (_, i) => headerRow[i] || `Colonne ${i + 1}`);
  return { headers, rows: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")) };
}

function parseCsv(bytes: Uint8Array): ParsedSheet {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === "") throw fileError(messages.importEmpty);
  const result = Papa.parse<string[]>(text, {
    delimitersToGuess: [";", ",", "\t", "|"],
    skipEmptyLines: "greedy",
    // One row past the limit is enough to refuse the file without reading all of it.
    preview: IMPORT_MAX_ROWS + 2,
  });
  const quoteError = result.errors.find((e) => e.type === "Quotes");
  if (quoteError) {
    throw fileError(messages.importBrokenQuotes((quoteError.row ?? 0) + 1));
  }
  return { kind: "csv", encoding, ...shape(result.data.map((r) => r.map((c) => clean(String(c))))) };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    // Formulas: their last computed result, never the formula itself.
    if ("formula" in v || "sharedFormula" in v) {
      const r = (v as { result?: unknown }).result;
      return r === undefined || r === null || typeof r === "object" ? "" : String(r);
    }
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v) return String((v as { text: unknown }).text);
    if ("error" in v) return "";
    return "";
  }
  return String(v);
}

/** What an XLSX may hold once unzipped (a 10 MB file of repeated cells can claim gigabytes: a zip bomb). */
export const XLSX_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/**
 * The total unzipped size the zip's central directory declares, or null when there is no readable directory.
 * Read before anything is inflated, so a zip bomb is refused without being opened.
 */
export function declaredUnzippedSize(b: Uint8Array): number | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > b.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // ZIP64: far beyond any directory
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

async function parseXlsx(bytes: Uint8Array): Promise<ParsedSheet> {
  const unzipped = declaredUnzippedSize(bytes);
  if (unzipped === null) throw fileError(messages.importBrokenXlsx);
  if (unzipped > XLSX_MAX_UNZIPPED_BYTES) throw fileError(messages.importXlsxTooBig);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw fileError(messages.importBrokenXlsx);
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw fileError(messages.importEmpty);
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1)
    throw fileError(messages.importTooManyRows(IMPORT_MAX_ROWS));
  const all: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let i = 1; i <= sheet.columnCount; i++) cells.push(clean(cellText(row.getCell(i))));
    all.push(cells);
  });
  return { kind: "xlsx", encoding: null, ...shape(all) };
}

/**
 * Reads an uploaded spreadsheet, its type found from its content (an XLSX is a zip), not from its name alone.
 * Refuses, with a French message naming the problem, what cannot be a directory spreadsheet.
 */
export async function parseSpreadsheet(bytes: Uint8Array, fileName: string): Promise<ParsedSheet> {
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError(413, "BODY_TOO_LARGE", messages.importTooLarge);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension !== "csv" && extension !== "xlsx" && extension !== "txt") {
    throw fileError(messages.importWrongExtension);
  }
  if (bytes.length === 0) throw fileError(messages.importEmpty);
  if (isZip(bytes)) {
    if (extension !== "xlsx") throw fileError(messages.importWrongExtension);
    return parseXlsx(bytes);
  }
  if (extension === "xlsx") throw fileError(messages.importBrokenXlsx);
  if (looksBinary(bytes)) throw fileError(messages.importBinary);
  return parseCsv(bytes);
}
