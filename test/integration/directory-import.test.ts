import { and, count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ImportDetail, ImportPreview } from "../../src/contracts/directory-import";
import { directoryImport } from "../../src/server/directory/import-tables";
import { directoryPerson, directoryRole, directoryStructure } from "../../src/server/directory/tables";
import { setupApp } from "../support/app";
import { fixture, importsUrl, upload, uploaded } from "../support/directory-import";
import { createTenant, expectErrorBody, type Tenant } from "../support/factories";

const t = await setupApp();

/** A CLSM with the default collèges ("Élus", "Personnes concernées / usagers", "Aidants / proches", …). */
const tenant = () => createTenant(t);

async function peopleCount(clsmId: string) {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(directoryPerson)
    .where(eq(directoryPerson.clsmId, clsmId));
  return row?.n ?? 0;
}

async function preview(tn: Tenant, id: string, query: Record<string, string> = {}) {
  const res = await t.request(tn.coordinator, {
    method: "GET",
    url: importsUrl(tn.clsm.id, `/${id}/preview`),
    query,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ImportPreview;
}

const post = (tn: Tenant, id: string, action: string) =>
  t.request(tn.coordinator, { method: "POST", url: importsUrl(tn.clsm.id, `/${id}/${action}`) });

describe("directory import", () => {
  it("uploads an Excel CSV, guesses the mapping, previews problems and duplicates, commits and undoes", async () => {
    const tn = await tenant();
    const detail = await uploaded(
      t,
      tn.coordinator,
      tn.clsm.id,
      "Annuaire CLSM.csv",
      fixture("excel-utf8-bom.csv"),
    );
    expect(detail).toMatchObject({
      status: "draft",
      kind: "csv",
      totalRows: 8,
      fileName: "Annuaire CLSM.csv",
    });
    expect(detail.mapping).toEqual([
      "civility",
      "lastName",
      "firstName",
      "structure",
      "function",
      "email",
      "phone",
      "college",
      "commune",
      "postalCode",
    ]);

    const p = await preview(tn, detail.id);
    expect(p.counts).toEqual({ rows: 8, errors: 3, duplicates: 1, ready: 4 });
    const byLine = new Map(p.items.map((r) => [r.line, r]));
    expect(byLine.get(6)?.problems.map((x) => x.code)).toEqual(["invalidEmail"]);
    expect(byLine.get(7)?.problems.map((x) => x.code)).toEqual(["unknownCollege"]);
    expect(byLine.get(9)?.problems.map((x) => x.code)).toEqual(["missingName"]);
    expect(byLine.get(8)?.duplicate).toMatchObject({ matchedBy: "file", decision: "skip", canCreate: false });
    const onlyProblems = await preview(tn, detail.id, { only: "problems", limit: "2" });
    expect(onlyProblems.total).toBe(3);
    expect(onlyProblems.items).toHaveLength(2);

    const committed = await post(tn, detail.id, "commit");
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json()).toMatchObject({
      status: "committed",
      createdCount: 4,
      updatedCount: 0,
      skippedCount: 4,
    });
    expect(await peopleCount(tn.clsm.id)).toBe(4);
    const [yann] = await t.database.db
      .select()
      .from(directoryPerson)
      .where(and(eq(directoryPerson.clsmId, tn.clsm.id), eq(directoryPerson.lastName, "Kerhervé")));
    expect(yann).toMatchObject({
      civility: "monsieur",
      pillar: "psychiatrie",
      source: "import",
      importId: detail.id,
    });
    const roles = await t.database.db
      .select()
      .from(directoryRole)
      .where(eq(directoryRole.personId, yann?.id ?? ""));
    expect(roles).toMatchObject([{ function: "Psychiatre" }]);

    // A second commit is refused.
    expect((await post(tn, detail.id, "commit")).statusCode).toBe(409);

    // The import is listed with who, when, what.
    const list = await t.request(tn.coordinator, { method: "GET", url: importsUrl(tn.clsm.id) });
    expect(list.json().items[0]).toMatchObject({
      id: detail.id,
      createdCount: 4,
      createdBy: { id: tn.coordinator.id },
    });

    // Importing the same file again: people are found in the directory, by e-mail.
    const again = await uploaded(
      t,
      tn.coordinator,
      tn.clsm.id,
      "annuaire.csv",
      fixture("excel-utf8-bom.csv"),
    );
    const p2 = await preview(tn, again.id, { only: "duplicates" });
    expect(p2.items.find((r) => r.line === 2)?.duplicate).toMatchObject({
      matchedBy: "email",
      decision: "skip",
    });
    const wrong = await t.request(tn.coordinator, {
      method: "PUT",
      url: importsUrl(tn.clsm.id, `/${again.id}/decisions`),
      payload: { decisions: [{ index: 0, decision: "create" }] },
    });
    expect(wrong.statusCode).toBe(400);
    expect(expectErrorBody(wrong.body).message).toMatch(/courriel/);
    const decided = await t.request(tn.coordinator, {
      method: "PUT",
      url: importsUrl(tn.clsm.id, `/${again.id}/decisions`),
      payload: { decisions: [{ index: 0, decision: "update" }] },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const second = await post(tn, again.id, "commit");
    expect(second.json()).toMatchObject({ createdCount: 0, updatedCount: 1 });

    // Undo the first import while the second one updated one of its people: refused.
    const refused = await post(tn, detail.id, "undo");
    expect(refused.statusCode).toBe(409);
    expect(expectErrorBody(refused.body, "CONFLICT").message).toMatch(/modifiées depuis/);

    // Undo the second, then the first: the directory is as before.
    expect((await post(tn, again.id, "undo")).statusCode).toBe(200);
    const undone = await post(tn, detail.id, "undo");
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json()).toMatchObject({ status: "undone" });
    expect(await peopleCount(tn.clsm.id)).toBe(0);
    const structures = await t.database.db
      .select({ n: count() })
      .from(directoryStructure)
      .where(eq(directoryStructure.clsmId, tn.clsm.id));
    expect(structures[0]?.n).toBe(0);
  });

  it("reads a LibreOffice CSV, a Windows-1252 CSV and an XLSX, headers in any order", async () => {
    const tn = await tenant();
    const lo = await uploaded(t, tn.coordinator, tn.clsm.id, "export.csv", fixture("libreoffice-comma.csv"));
    expect(lo.mapping.slice(0, 3)).toEqual(["firstName", "lastName", "email"]);
    const win = await uploaded(t, tn.coordinator, tn.clsm.id, "export.csv", fixture("windows-1252.csv"));
    const pw = await preview(tn, win.id);
    expect(pw.items[1]?.values.lastName).toBe("Kerhervé");

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Partenaires");
    ws.addRow(["Courriel", "Nom et prénom", "Structure", "Collège"]);
    ws.addRow(["claire.morel@exemple.test", "MOREL Claire", "UNAFAM 22", "aidants"]);
    ws.addRow(["jean@exemple.test", "Jean Riou", "GEM", "Usagers"]);
    const xlsx = await uploaded(
      t,
      tn.coordinator,
      tn.clsm.id,
      "Partenaires.xlsx",
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    expect(xlsx.kind).toBe("xlsx");
    const res = await post(tn, xlsx.id, "commit");
    expect(res.json()).toMatchObject({ createdCount: 2 });
    const [claire] = await t.database.db
      .select()
      .from(directoryPerson)
      .where(eq(directoryPerson.email, "claire.morel@exemple.test"));
    expect(claire).toMatchObject({ firstName: "Claire", lastName: "MOREL", pillar: "aidants" });
  });

  it("finds people of the directory by name + structure when the file has no e-mail, and creates on demand", async () => {
    const tn = await tenant();
    const first = await uploaded(
      t,
      tn.coordinator,
      tn.clsm.id,
      "a.csv",
      "Nom;Prénom;Structure\nRiou;Jean;GEM Le Phare\n",
    );
    await post(tn, first.id, "commit");
    const again = await uploaded(
      t,
      tn.coordinator,
      tn.clsm.id,
      "b.csv",
      "Prénom;Nom;Organisme;Fonction\njean;RIOU;Gem le phare;Président\n",
    );
    const p = await preview(tn, again.id);
    expect(p.items[0]?.duplicate).toMatchObject({
      matchedBy: "nameAndStructure",
      decision: "skip",
      canCreate: true,
    });
    const decided = await t.request(tn.coordinator, {
      method: "PUT",
      url: importsUrl(tn.clsm.id, `/${again.id}/decisions`),
      payload: { decisions: [{ index: 0, decision: "create" }] },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await post(tn, again.id, "commit")).json()).toMatchObject({ createdCount: 1 });
    expect(await peopleCount(tn.clsm.id)).toBe(2);
    // The structure was matched, not created twice.
    const structures = await t.database.db
      .select({ n: count() })
      .from(directoryStructure)
      .where(eq(directoryStructure.clsmId, tn.clsm.id));
    expect(structures[0]?.n).toBe(1);
  });

  it("drops drafts older than 7 days at the next upload (they hold personal data)", async () => {
    const tn = await tenant();
    const old = await uploaded(t, tn.coordinator, tn.clsm.id, "vieux.csv", "Nom\nDupont\n");
    await t.database.db
      .update(directoryImport)
      .set({ createdAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(eq(directoryImport.id, old.id));
    await uploaded(t, tn.coordinator, tn.clsm.id, "neuf.csv", "Nom\nMartin\n");
    const res = await t.request(tn.coordinator, { method: "GET", url: importsUrl(tn.clsm.id, `/${old.id}`) });
    expect(res.statusCode).toBe(404);
  });

  it("lets the coordinator fix the mapping, and refuses a mapping without a name", async () => {
    const tn = await tenant();
    const d = await uploaded(t, tn.coordinator, tn.clsm.id, "a.csv", "Col A;Col B\nDupont;Marie\n");
    expect(d.mapping).toEqual([null, null]);
    const put = (mapping: unknown) =>
      t.request(tn.coordinator, {
        method: "PUT",
        url: importsUrl(tn.clsm.id, `/${d.id}/mapping`),
        payload: { mapping },
      });
    expect((await put(["firstName", null])).statusCode).toBe(400);
    expect((await put(["lastName", "lastName"])).statusCode).toBe(400);
    expect((await put(["lastName"])).statusCode).toBe(400);
    const ok = await put(["lastName", "firstName"]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await preview(tn, d.id)).counts).toMatchObject({ errors: 0, ready: 1 });
  });

  it("refuses every malformed file with a French message and records nothing", async () => {
    const tn = await tenant();
    const cases: [string, Buffer | string, number, RegExp][] = [
      ["vide.csv", Buffer.alloc(0), 400, /vide/],
      ["binaire.csv", fixture("binary.csv"), 400, /pas un tableau lisible/],
      ["document.pdf", fixture("wrong-extension.pdf"), 400, /\.csv ou \.xlsx/],
      ["guillemets.csv", fixture("broken-quotes.csv"), 400, /guillemet/],
      ["enorme.csv", Buffer.alloc(50 * 1024 * 1024, 65), 413, /volumineux/],
      ["lignes.csv", `Nom;Prénom\n${"Dupont;Marie\n".repeat(100_000)}`, 400, /trop de lignes/],
    ];
    for (const [name, body, status, message] of cases) {
      const res = await upload(t, tn.coordinator, tn.clsm.id, name, body);
      expect(res.statusCode, name).toBe(status);
      expect(expectErrorBody(res.body).message, name).toMatch(message);
    }
    const list = await t.request(tn.coordinator, { method: "GET", url: importsUrl(tn.clsm.id) });
    expect(list.json().total).toBe(0);
  });

  it("flags formulas in cells as row problems and never imports them", async () => {
    const tn = await tenant();
    const d = await uploaded(t, tn.coordinator, tn.clsm.id, "formules.csv", fixture("formulas.csv"));
    const p = await preview(tn, d.id);
    expect(p.counts).toMatchObject({ rows: 3, errors: 2, ready: 1 });
    expect(p.items[1]?.problems[0]?.code).toBe("formula");
    expect((await post(tn, d.id, "commit")).json()).toMatchObject({ createdCount: 1, skippedCount: 2 });
  });

  it("lets only coordinators import; members get 403, other CLSMs 404", async () => {
    const tn = await tenant();
    const other = await tenant();
    const res = await upload(t, tn.member, tn.clsm.id, "a.csv", fixture("excel-utf8-bom.csv"));
    expect(res.statusCode).toBe(403);
    const foreign = await upload(t, other.coordinator, tn.clsm.id, "a.csv", fixture("excel-utf8-bom.csv"));
    expect(foreign.statusCode).toBe(404);
    const d = await uploaded(t, tn.coordinator, tn.clsm.id, "a.csv", fixture("excel-utf8-bom.csv"));
    for (const url of [importsUrl(tn.clsm.id, `/${d.id}`), importsUrl(tn.clsm.id, `/${d.id}/preview`)]) {
      expect((await t.request(other.coordinator, { method: "GET", url })).statusCode).toBe(404);
    }
    // Another CLSM's import id under one's own CLSM: not found either.
    const mine = await t.request(other.coordinator, {
      method: "GET",
      url: importsUrl(other.clsm.id, `/${d.id}`),
    });
    expect(mine.statusCode).toBe(404);
    expect((await post(other, d.id, "commit")).statusCode).toBe(404);
  });

  it("changes nothing when the commit fails half-way", async () => {
    const tn = await tenant();
    const d = await uploaded(t, tn.coordinator, tn.clsm.id, "a.csv", fixture("excel-utf8-bom.csv"));
    // The database refuses one of the people (a simulated failure) after structures and others were written.
    const before = await peopleCount(tn.clsm.id);
    await t.database.db.execute(
      `create or replace function fail_import() returns trigger language plpgsql as $$ begin
         if new.last_name = 'Tanguy' then raise exception 'panne simulée'; end if; return new; end $$`,
    );
    await t.database.db.execute(
      "create trigger fail_import before insert on directory_person for each row execute function fail_import()",
    );
    try {
      const res = await post(tn, d.id, "commit");
      expect(res.statusCode).toBe(500);
    } finally {
      await t.database.db.execute("drop trigger fail_import on directory_person");
    }
    expect(await peopleCount(tn.clsm.id)).toBe(before);
    const structures = await t.database.db
      .select({ n: count() })
      .from(directoryStructure)
      .where(eq(directoryStructure.clsmId, tn.clsm.id));
    expect(structures[0]?.n).toBe(0);
    const after = await t.request(tn.coordinator, { method: "GET", url: importsUrl(tn.clsm.id, `/${d.id}`) });
    expect(after.json() as ImportDetail).toMatchObject({ status: "draft", createdCount: 0 });
    // Once the cause is gone, the same import goes through.
    expect((await post(tn, d.id, "commit")).json()).toMatchObject({ status: "committed", createdCount: 4 });
  });
});
