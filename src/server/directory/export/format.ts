import ExcelJS from "exceljs";
import Papa from "papaparse";

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, and tab or carriage return before them) is
 * prefixed with an apostrophe: shown as text, never evaluated (CSV injection).
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV for Excel (and LibreOffice): UTF-8 with a BOM, `;` separator, CRLF line ends. */
export function toCsv(headers: string[], rows: string[][]): Buffer {
  const text = Papa.unparse([headers, ...rows.map((r) => r.map(neutralise))], {
    delimiter: ";",
    newline: "\r\n",
    quotes: false,
    escapeFormulae: false,
  });
  return Buffer.from(`\uFEFF${text}\r\n`, "utf-8");
}

export async function toXlsx(sheetName: string, headers: string[], rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Maillage";
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  // Values are written as strings (never formulas); neutralised too, for tools that re-evaluate text cells.
  for (const r of rows) sheet.addRow(r.map(neutralise));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  headers.forEach((h, i) => {
    const widest = Math.max(h.length, ...rows.slice(0, 500).map((r) => (r[i] ?? "").length));
    sheet.getColumn(i + 1).width = Math.min(50, Math.max(10, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
