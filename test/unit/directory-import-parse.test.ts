import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { guessMapping } from "../../src/server/directory/import/mapping";
import {
  declaredUnzippedSize,
  IMPORT_MAX_ROWS,
  parseSpreadsheet,
} from "../../src/server/directory/import/parse";
import { duplicatesInFile, readRow, splitFullName } from "../../src/server/directory/import/validate";
import { AppError } from "../../src/server/platform/errors";
import { searchKey } from "../../src/server/territory/normalize";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/directory/${name}`, import.meta.url)));

async function refusal(bytes: Uint8Array, fileName: string) {
  const err = await parseSpreadsheet(bytes, fileName).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("parseSpreadsheet", () => {
  it("reads an Excel CSV (UTF-8 with BOM, ';')", async () => {
    const sheet = await parseSpreadsheet(fixture("excel-utf8-bom.csv"), "annuaire.csv");
    expect(sheet).toMatchObject({ kind: "csv", encoding: "utf-8" });
    expect(sheet.headers[0]).toBe("Civilité");
    expect(sheet.rows).toHaveLength(8);
    expect(sheet.rows[2]?.[3]).toBe("GEM L'Escale");
  });

  it("reads a LibreOffice CSV (',' and quoted cells)", async () => {
    const sheet = await parseSpreadsheet(fixture("libreoffice-comma.csv"), "annuaire.csv");
    expect(sheet.headers).toEqual([
      "Prénom",
      "NOM",
      "E-mail",
      "Fonction",
      "Organisme",
      "Tél.",
      "Collège",
      "CP",
      "Ville",
      "Civilité",
    ]);
    expect(sheet.rows[0]?.[0]).toBe("Maryvonne");
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", async () => {
    const sheet = await parseSpreadsheet(fixture("windows-1252.csv"), "export.csv");
    expect(sheet.encoding).toBe("windows-1252");
    expect(sheet.headers[1]).toBe("Prénom");
    expect(sheet.rows[1]?.[0]).toBe("Kerhervé");
  });

  it("reads an XLSX made by Excel-like tools, formulas by their result", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Annuaire");
    ws.addRow(["Nom", "Prénom", "Courriel", "Total"]);
    ws.addRow(["Quéré", "Anaïs", "anais@exemple.test", { formula: "1+1", result: 2 }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = await parseSpreadsheet(bytes, "Annuaire.XLSX");
    expect(sheet.kind).toBe("xlsx");
    expect(sheet.rows).toEqual([["Quéré", "Anaïs", "anais@exemple.test", "2"]]);
  });

  it.each([
    ["empty.csv", "annuaire.csv", /vide/],
    ["headers-only.csv", "annuaire.csv", /aucune personne/],
    ["binary.csv", "annuaire.csv", /pas un tableau lisible/],
    ["wrong-extension.pdf", "annuaire.pdf", /\.csv ou \.xlsx/],
    ["broken-quotes.csv", "annuaire.csv", /guillemet/],
    ["excel-utf8-bom.csv", "annuaire.xlsx", /endommagé/],
  ])("refuses %s (as %s) with a French message", async (file, name, message) => {
    const err = await refusal(fixture(file), name);
    expect(err.statusCode).toBe(400);
    expect(err.message).toMatch(message);
  });

  it("refuses a zip bomb from its declared sizes, before unzipping it", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Annuaire").addRow(["Nom", "Prénom"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(declaredUnzippedSize(bytes)).toBeGreaterThan(0);
    // Claim 300 MB for the first entry of the central directory.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = bytes.length - 22;
    while (view.getUint32(at, true) !== 0x06054b50) at--;
    view.setUint32(view.getUint32(at + 16, true) + 24, 300 * 1024 * 1024, true);
    const err = await refusal(bytes, "annuaire.xlsx");
    expect(err.message).toMatch(/trop volumineux une fois décompressé/);
    const truncated = await refusal(bytes.subarray(0, 200), "annuaire.xlsx");
    expect(truncated.message).toMatch(/endommagé/);
  });

  it("refuses more than 20,000 rows and more than 10 MB", async () => {
    const many = `Nom;Prénom\n${"Dupont;Marie\n".repeat(100_000)}`;
    const err = await refusal(new TextEncoder().encode(many), "gros.csv");
    expect(err.message).toContain("20");
    expect(IMPORT_MAX_ROWS).toBe(20_000);
    const big = await refusal(new Uint8Array(11 * 1024 * 1024).fill(65), "gros.csv");
    expect(big.statusCode).toBe(413);
  });
});

describe("guessMapping", () => {
  it("maps French headers in any order, accents, case and synonyms ignored", () => {
    expect(
      guessMapping([
        "Prénom",
        "NOM",
        "E-mail",
        "Fonction",
        "Organisme",
        "Tél.",
        "Collège",
        "CP",
        "Ville",
        "Civilité",
        "?",
      ]),
    ).toEqual([
      "firstName",
      "lastName",
      "email",
      "function",
      "structure",
      "phone",
      "college",
      "postalCode",
      "commune",
      "civility",
      null,
    ]);
    expect(guessMapping(["Mail", "Courriel", "Téléphone portable", "Nom et prénom"])).toEqual([
      "email",
      null,
      "phone",
      "fullName",
    ]);
  });
});

describe("readRow", () => {
  const colleges = new Set(["Élus", "Usagers"].map(searchKey));
  const mapping = guessMapping(["Nom", "Prénom", "Courriel", "Collège", "Structure"]);

  it("reports a missing name, an invalid e-mail, an unknown collège and formulas", () => {
    const { problems } = readRow(["", "Marie", "marie@", "Bénévoles", "=1+1"], 0, mapping, colleges);
    expect(problems.map((p) => p.code).sort()).toEqual([
      "formula",
      "invalidEmail",
      "missingName",
      "unknownCollege",
    ]);
  });

  it("accepts a clean row, collège matched without accents or case", () => {
    const { record, problems } = readRow(
      ["Quéré", "Anaïs", "Anais@Exemple.test", "elus", "GEM"],
      3,
      mapping,
      colleges,
    );
    expect(problems).toEqual([]);
    expect(record).toMatchObject({
      index: 3,
      lastName: "Quéré",
      email: "anais@exemple.test",
      college: "elus",
    });
  });

  it("finds duplicates inside the file by e-mail or by name + structure", () => {
    const rows = [
      ["Dupont", "Marie", "marie@exemple.test", "", "CCAS"],
      ["DUPONT", "Marie", "", "", "ccas"],
      ["Martin", "Paul", "MARIE@exemple.test", "", "Mairie"],
      ["Martin", "Paul", "", "", "Autre"],
    ].map((r, i) => readRow(r, i, mapping, colleges).record);
    expect([...duplicatesInFile(rows)]).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it("splits a full name", () => {
    expect(splitFullName("DUPONT Marie-Claire")).toEqual({ firstName: "Marie-Claire", lastName: "DUPONT" });
    expect(splitFullName("Marie Dupont")).toEqual({ firstName: "Marie", lastName: "Dupont" });
  });
});
