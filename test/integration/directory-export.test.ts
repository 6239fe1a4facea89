import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { directoryPerson } from "../../src/server/directory/tables";
import { setupApp } from "../support/app";
import { fixture, importsUrl, uploaded } from "../support/directory-import";
import { createTenant } from "../support/factories";

const t = await setupApp();
const tn = await createTenant(t);
const other = await createTenant(t);
const d = await uploaded(t, tn.coordinator, tn.clsm.id, "a.csv", fixture("excel-utf8-bom.csv"));
await t.request(tn.coordinator, { method: "POST", url: importsUrl(tn.clsm.id, `/${d.id}/commit`) });
const exportUrl = `/api/clsms/${tn.clsm.id}/directory/export`;

describe("directory export", () => {
  it("writes a CSV for Excel: BOM, ';', French headers, formulas neutralised", async () => {
    await t.database.db
      .update(directoryPerson)
      .set({ notes: null, lastName: '=HYPERLINK("http://x.test")' })
      .where(eq(directoryPerson.email, "anais.quere@exemple.test"));
    const res = await t.request(tn.member, { method: "GET", url: exportUrl, query: { format: "csv" } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="annuaire-\d{4}-\d\d-\d\d\.csv"/,
    );
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf-8").slice(1).trim().split("\r\n");
    expect(lines[0]).toBe(
      "Civilité;Nom;Prénom;Structure;Fonction;Courriel;Téléphone;Collège;Pilier;Commune;Accord pour être contacté·e",
    );
    expect(lines).toHaveLength(5);
    const anais = lines.find((l) => l.includes("anais.quere"));
    expect(anais).toContain(`"'=HYPERLINK(""http://x.test"")"`);
    expect(lines.find((l) => l.includes("francois.tanguy"))).toContain(";'+33 6 98 76 54 32;");
  });

  it("writes an XLSX, with the list's filters and a selection of ids", async () => {
    const all = await t.request(tn.coordinator, { method: "GET", url: exportUrl, query: { format: "xlsx" } });
    expect(all.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.actualRowCount).toBe(5);
    expect(sheet?.getRow(1).getCell(2).value).toBe("Nom");

    const [yann] = await t.database.db
      .select({ id: directoryPerson.id })
      .from(directoryPerson)
      .where(eq(directoryPerson.email, "yann.kerherve@exemple.test"));
    const one = await t.request(tn.coordinator, {
      method: "GET",
      url: exportUrl,
      query: { format: "csv", ids: yann?.id ?? "" },
    });
    expect(one.body.trim().split("\r\n")).toHaveLength(2);
    const filtered = await t.request(tn.coordinator, {
      method: "GET",
      url: exportUrl,
      query: { pillar: "aidants" },
    });
    const rows = filtered.body.trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("Tanguy");
  });

  it("hides contact details from members when the CLSM's settings say so", async () => {
    const set = await t.request(tn.coordinator, {
      method: "PATCH",
      url: `/api/clsms/${tn.clsm.id}/directory/settings`,
      payload: { contactsVisibleToMembers: false },
    });
    expect(set.statusCode, set.body).toBe(200);
    const member = await t.request(tn.member, { method: "GET", url: exportUrl });
    expect(member.body).not.toContain("@exemple.test");
    const coordinator = await t.request(tn.coordinator, { method: "GET", url: exportUrl });
    expect(coordinator.body).toContain("yann.kerherve@exemple.test");
  });

  it("answers 404 to another CLSM and 400 to bad parameters", async () => {
    const res = await t.request(other.coordinator, { method: "GET", url: exportUrl });
    expect(res.statusCode).toBe(404);
    const bad = await t.request(tn.coordinator, { method: "GET", url: exportUrl, query: { format: "pdf" } });
    expect(bad.statusCode).toBe(400);
    const ids = await t.request(tn.coordinator, { method: "GET", url: exportUrl, query: { ids: "1,2" } });
    expect(ids.statusCode).toBe(400);
  });
});
