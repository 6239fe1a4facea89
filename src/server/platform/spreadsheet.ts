import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";

// Spreadsheet files for download (the directory export, a survey's answers and results): CSV for Excel and
// LibreOffice (UTF-8 with a BOM, `;` separators, CRLF) and XLSX, whole in memory or streamed batch by batch.

/** A cell: text (neutralised), a number (a number cell in XLSX, a decimal comma in CSV) or nothing. */
export type Cell = string | number | null;

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, and tab or carriage return before them) is
 * prefixed with an apostrophe: shown as text, never evaluated (CSV injection).
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const csvCell = (c: Cell) =>
  c === null ? "" : typeof c === "number" ? String(c).replace(".", ",") : neutralise(c);
const xlsxCell = (c: Cell) => (typeof c === "string" ? neutralise(c) : c);

const csvLines = (rows: Cell[][]) =>
  Papa.unparse(
    rows.map((r) => r.map(csvCell)),
    { delimiter: ";", newline: "\r\n", quotes: false, escapeFormulae: false },
  );

/** CSV for Excel (and LibreOffice): UTF-8 with a BOM, `;` separator, CRLF line ends. */
export function toCsv(headers: string[], rows: Cell[][]): Buffer {
  return Buffer.from(`\uFEFF${csvLines([headers, ...rows])}\r\n`, "utf-8");
}

function widthOf(header: string, sample: Cell[][], i: number) {
  const widest = Math.max(header.length, ...sample.map((r) => String(r[i] ?? "").length));
  return Math.min(50, Math.max(10, widest + 2));
}

export async function toXlsx(sheetName: string, headers: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Maillage";
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  // Values are written as strings or numbers (never formulas); text neutralised too, for tools that re-evaluate.
  for (const r of rows) sheet.addRow(r.map(xlsxCell));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const sample = rows.slice(0, 500);
  headers.forEach((h, i) => {
    sheet.getColumn(i + 1).width = widthOf(h, sample, i);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same CSV, written as the batches of rows come (a large export never sits whole in memory). */
export function csvStream(headers: string[], batches: AsyncIterable<Cell[][]>): Readable {
  async function* lines() {
    yield Buffer.from(`\uFEFF${csvLines([headers])}\r\n`, "utf-8");
    for await (const rows of batches) if (rows.length) yield Buffer.from(`${csvLines(rows)}\r\n`, "utf-8");
  }
  return Readable.from(lines());
}

/**
 * The same XLSX, written row by row with exceljs's streaming writer as the batches come. Column widths follow the
 * headers (the rows are not known in advance). A failure while writing ends the stream with that error.
 */
export function xlsxStream(sheetName: string, headers: string[], batches: AsyncIterable<Cell[][]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Maillage";
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({ width: Math.min(50, Math.max(10, h.length + 2)) }));
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  (async () => {
    for await (const rows of batches) for (const r of rows) sheet.addRow(r.map(xlsxCell)).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
