import { createHash } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { MeetingDocument, MeetingDocumentList } from "../../src/contracts/meetings-documents";
import { meetingDocument } from "../../src/server/meetings/tables";
import { type Person, setupApp } from "../support/app";
import { createTenant, expectErrorBody } from "../support/factories";
import { createInstance } from "../support/governance";
import { addAgendaItem, createMeeting, meetingsUrl } from "../support/meetings";

const t = await setupApp();

// ─── Small real files, made here ─────────────────────────────────────────────────────────────────────────

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n" +
    "xref\n0 4\n0000000000 65535 f \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n0\n%%EOF\n",
);

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A 1×1 red PNG. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
  chunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0]))),
  chunk("IEND", Buffer.alloc(0)),
]);

async function zip(files: Record<string, string>, mimetype?: string) {
  const z = new JSZip();
  if (mimetype) z.file("mimetype", mimetype, { compression: "STORE" });
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return Buffer.from(await z.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}
/** A minimal Word document: its content types, relationships and one paragraph. */
const docx = () =>
  zip({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/document.xml":
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      "<w:body><w:p><w:r><w:t>Ordre du jour du COPIL</w:t></w:r></w:p></w:body></w:document>",
  });
const odt = () =>
  zip({ "content.xml": "<office:document-content/>" }, "application/vnd.oasis.opendocument.text");

/** A Windows program: the "MZ" header, the PE offset and signature. */
const EXE = (() => {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "ascii");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "binary");
  return b;
})();

// ─── Helpers ─────────────────────────────────────────────────────────────────────────────────────────────

const docsUrl = (clsmId: string, meetingId: string, path = "") =>
  meetingsUrl(clsmId, `/${meetingId}/documents${path}`);

function upload(
  by: Person,
  clsmId: string,
  meetingId: string,
  bytes: Buffer,
  fileName: string,
  query: Record<string, string> = {},
) {
  return t.request(by, {
    method: "POST",
    url: docsUrl(clsmId, meetingId),
    query: { fileName, ...query },
    payload: bytes,
    headers: { "content-type": "application/octet-stream" },
  });
}

async function uploaded(by: Person, clsmId: string, meetingId: string, bytes: Buffer, fileName: string) {
  const res = await upload(by, clsmId, meetingId, bytes, fileName);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as MeetingDocument;
}

async function list(by: Person, clsmId: string, meetingId: string) {
  const res = await t.request(by, { method: "GET", url: docsUrl(clsmId, meetingId) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MeetingDocumentList;
}

async function withMeeting() {
  const tenant = await createTenant(t);
  const meeting = await createMeeting(t, tenant.coordinator, tenant.clsm.id, {
    title: "COPIL de décembre",
    date: "2027-12-07",
    time: "14:00",
  });
  return { ...tenant, meeting };
}

/** The refusal's French message on the `file` field. */
function refusal(res: { statusCode: number; body: string }, status = 400) {
  expect(res.statusCode, res.body).toBe(status);
  const error = expectErrorBody(res.body) as { message: string; fields?: Record<string, string> };
  expect(error.fields?.file).toBe(error.message);
  return error.message;
}

// ─── Tests ───────────────────────────────────────────────────────────────────────────────────────────────

describe("meeting documents", () => {
  it("stores PDF, DOCX, PNG, ODT and CSV files with the type read from their content", async () => {
    const { clsm, coordinator, member, meeting } = await withMeeting();
    const withItem = await addAgendaItem(t, coordinator, clsm.id, meeting.id, { title: "Budget 2028" });
    const itemId = withItem.agenda[0]?.id as string;

    const pdf = await uploaded(coordinator, clsm.id, meeting.id, PDF, "Ordre du jour.pdf");
    expect(pdf).toMatchObject({
      fileName: "Ordre du jour.pdf",
      contentType: "application/pdf",
      typeLabel: "PDF",
      sizeBytes: PDF.length,
      sha256: createHash("sha256").update(PDF).digest("hex"),
      agendaItem: null,
    });
    const word = await upload(coordinator, clsm.id, meeting.id, await docx(), "budget.docx", {
      agendaItemId: itemId,
    });
    expect(word.statusCode, word.body).toBe(201);
    expect(word.json()).toMatchObject({
      fileName: "budget.docx",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      agendaItem: { id: itemId, title: "Budget 2028" },
    });
    // The content decides the extension: a PNG called .jpg is stored as .png.
    const png = await uploaded(coordinator, clsm.id, meeting.id, PNG, "photo.jpg");
    expect(png).toMatchObject({ fileName: "photo.png", contentType: "image/png" });
    const text = await uploaded(coordinator, clsm.id, meeting.id, await odt(), "compte-rendu");
    expect(text).toMatchObject({
      fileName: "compte-rendu.odt",
      contentType: "application/vnd.oasis.opendocument.text",
    });
    const csv = await uploaded(
      coordinator,
      clsm.id,
      meeting.id,
      Buffer.from("\uFEFFnom;structure\nAnne Maire;Mairie\nNoé Gem;GEM\n"),
      "présents.csv",
    );
    expect(csv).toMatchObject({ fileName: "présents.csv", contentType: "text/csv" });

    // A member lists them (without write rights) and downloads one, byte for byte.
    const seen = await list(member, clsm.id, meeting.id);
    expect(seen.can).toEqual({ manage: false });
    expect(seen.items.map((d) => d.fileName)).toEqual([
      "Ordre du jour.pdf",
      "budget.docx",
      "photo.png",
      "compte-rendu.odt",
      "présents.csv",
    ]);
    expect(seen.items[0]?.uploadedBy?.id).toBe(coordinator.id);
    expect(seen.totalBytes).toBe(seen.items.reduce((s, d) => s + d.sizeBytes, 0));
    expect(seen.limits).toEqual({
      maxFileBytes: 20 * 1024 * 1024,
      maxDocuments: 30,
      maxTotalBytes: 200 * 1024 * 1024,
    });
    const res = await t.request(member, { method: "GET", url: docsUrl(clsm.id, meeting.id, `/${pdf.id}`) });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="Ordre du jour.pdf"; filename*=UTF-8''Ordre%20du%20jour.pdf`,
    );
    const csvRes = await t.request(member, {
      method: "GET",
      url: docsUrl(clsm.id, meeting.id, `/${csv.id}`),
    });
    expect(csvRes.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csvRes.headers["content-disposition"]).toBe(
      `attachment; filename="presents.csv"; filename*=UTF-8''pr%C3%A9sents.csv`,
    );
  });

  it("cleans the name: no folder, no control or direction characters, 200 characters at most", async () => {
    const { clsm, coordinator, meeting } = await withMeeting();
    const named = async (bytes: Buffer, name: string) =>
      (await uploaded(coordinator, clsm.id, meeting.id, bytes, name)).fileName;
    expect(await named(PDF, "../../etc/passwd\u0007 rapport.PDF")).toBe("passwd rapport.pdf");
    expect(await named(PDF, "C:\\Users\\anne\\Bureau\\note.pdf")).toBe("note.pdf");
    expect(await named(PDF, "facture\u202Efdp.exe")).toBe("facturefdp.pdf");
    expect(await named(PDF, "...")).toBe("document.pdf");
    expect(await named(Buffer.from("Bonjour"), "notes.pdf")).toBe("notes.txt");
    expect(await named(Buffer.from("Bonjour"), "version 2.3")).toBe("version 2.3.txt");
    const long = await named(PDF, `${"é".repeat(300)}.pdf`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith("é.pdf")).toBe(true);
    expect(await named(PDF, "Compte rendu — séance.pdf")).toBe("Compte rendu — séance.pdf");
  });

  it("refuses HTML under a .pdf name, programs, SVG, archives, unknown binaries and empty files", async () => {
    const { clsm, coordinator, meeting } = await withMeeting();
    const send = (bytes: Buffer, name: string) => upload(coordinator, clsm.id, meeting.id, bytes, name);

    const html = await send(Buffer.from("<!DOCTYPE html><html><script>alert(1)</script></html>"), "cr.pdf");
    expect(refusal(html)).toMatch(/HTML/);
    const hidden = await send(Buffer.from("Bonjour\n<script>alert(1)</script>\n"), "notes.txt");
    expect(refusal(hidden)).toMatch(/HTML/);
    const svg = await send(
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'),
      "logo.png",
    );
    expect(refusal(svg)).toMatch(/SVG/);
    expect(refusal(await send(EXE, "programme.exe"))).toMatch(/exécutable/);
    expect(refusal(await send(EXE, "ordre-du-jour.pdf"))).toMatch(/exécutable/);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    expect(refusal(await send(elf, "outil"))).toMatch(/exécutable/);
    expect(refusal(await send(Buffer.from("#!/bin/sh\nrm -rf /\n"), "lisez-moi.txt"))).toMatch(/exécutable/);
    expect(refusal(await send(await zip({ "a.txt": "bonjour" }), "dossier.zip"))).toMatch(/archives/);
    const gif = Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(64)]);
    expect(refusal(await send(gif, "image.gif"))).toMatch(/GIF.*n'est pas accepté/);
    const random = Buffer.from([0x01, 0x02, 0xfe, 0x00, 0x13, 0x37, 0x42, 0x99, 0x00, 0x10]);
    expect(refusal(await send(random, "données.bin"))).toMatch(/pas reconnu/);
    expect(refusal(await send(Buffer.from("Fran\xe7ais", "latin1"), "notes.txt"))).toMatch(/UTF-8/);
    expect(refusal(await send(Buffer.alloc(0), "vide.pdf"))).toMatch(/vide/);
    // Nothing was stored.
    expect((await list(coordinator, clsm.id, meeting.id)).items).toEqual([]);
  });

  it("answers 413 over 20 MB, before the file is read", async () => {
    const { clsm, coordinator, meeting } = await withMeeting();
    const res = await upload(
      coordinator,
      clsm.id,
      meeting.id,
      Buffer.alloc(20 * 1024 * 1024 + 1, 0x41),
      "x.txt",
    );
    expect(res.statusCode).toBe(413);
    expect(expectErrorBody(res.body, "BODY_TOO_LARGE").message).toBe(
      "Le fichier dépasse la taille maximale de 20 Mo.",
    );
    // The other routes keep their 1 MB JSON limit and their own message.
    const json = await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}`),
      payload: JSON.stringify({ title: "x".repeat(1_100_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(json.statusCode).toBe(413);
    expect(expectErrorBody(json.body).message).toBe("Le contenu envoyé est trop volumineux.");
    // Only this route takes raw bytes.
    const raw = await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}`),
      payload: PDF,
      headers: { "content-type": "application/octet-stream" },
    });
    expect(raw.statusCode).toBe(415);
  });

  it("refuses an agenda item of another meeting, naming the field", async () => {
    const { clsm, coordinator, meeting } = await withMeeting();
    const other = await createMeeting(t, coordinator, clsm.id, {
      title: "Autre",
      date: "2027-12-14",
      time: "10:00",
    });
    const withItem = await addAgendaItem(t, coordinator, clsm.id, other.id, { title: "Ailleurs" });
    const res = await upload(coordinator, clsm.id, meeting.id, PDF, "a.pdf", {
      agendaItemId: withItem.agenda[0]?.id as string,
    });
    expect(res.statusCode).toBe(400);
    const error = expectErrorBody(res.body) as { fields?: Record<string, string> };
    expect(error.fields?.agendaItemId).toBe("Ce point n'est pas à l'ordre du jour de cette réunion.");
  });

  it("caps a meeting at 30 documents and 200 MB (409)", async () => {
    const { clsm, coordinator, meeting } = await withMeeting();
    for (let i = 0; i < 30; i++)
      await uploaded(coordinator, clsm.id, meeting.id, Buffer.from(`Note ${i}`), `note-${i}.txt`);
    const over = await upload(coordinator, clsm.id, meeting.id, PDF, "trente-et-un.pdf");
    expect(over.statusCode).toBe(409);
    expect(expectErrorBody(over.body, "CONFLICT").message).toMatch(/déjà 30 documents/);

    // 199 Mo already used (rows written directly: only their recorded size counts), then a 2 Mo file.
    const second = await createMeeting(t, coordinator, clsm.id, {
      title: "Lourd",
      date: "2027-12-21",
      time: "10:00",
    });
    await t.database.db.insert(meetingDocument).values({
      clsmId: clsm.id,
      meetingId: second.id,
      fileName: "gros.pdf",
      contentType: "application/pdf",
      sizeBytes: 199 * 1024 * 1024,
      sha256: "0".repeat(64),
      content: PDF,
    });
    const big = Buffer.concat([Buffer.from("Texte\n"), Buffer.alloc(2 * 1024 * 1024, 0x61)]);
    const full = await upload(coordinator, clsm.id, second.id, big, "annexe.txt");
    expect(full.statusCode).toBe(409);
    expect(expectErrorBody(full.body, "CONFLICT").message).toMatch(/199 Mo sur 200 Mo/);
    await uploaded(coordinator, clsm.id, second.id, Buffer.from("Petit"), "petit.txt");
  });

  it("lets coordinators only upload and delete; members read; another CLSM gets 404", async () => {
    const { clsm, coordinator, member, meeting } = await withMeeting();
    const doc = await uploaded(coordinator, clsm.id, meeting.id, PDF, "cr.pdf");
    const one = docsUrl(clsm.id, meeting.id, `/${doc.id}`);

    const memberUpload = await upload(member, clsm.id, meeting.id, PDF, "a.pdf");
    expect(memberUpload.statusCode).toBe(403);
    expect((await t.request(member, { method: "DELETE", url: one })).statusCode).toBe(403);
    expect((await t.request(member, { method: "GET", url: one })).statusCode).toBe(200);

    const other = await createTenant(t);
    for (const intruder of [other.coordinator, other.member]) {
      for (const res of [
        await upload(intruder, clsm.id, meeting.id, PDF, "a.pdf"),
        await t.request(intruder, { method: "GET", url: docsUrl(clsm.id, meeting.id) }),
        await t.request(intruder, { method: "GET", url: one }),
        await t.request(intruder, { method: "DELETE", url: one }),
        // Their own CLSM's id with this meeting's: the meeting is not theirs.
        await t.request(intruder, { method: "GET", url: docsUrl(other.clsm.id, meeting.id, `/${doc.id}`) }),
      ]) {
        expect(res.statusCode, res.body).toBe(404);
        expectErrorBody(res.body, "NOT_FOUND");
      }
    }
    // A document id of another meeting of the same CLSM is unknown here.
    const second = await createMeeting(t, coordinator, clsm.id, {
      title: "Autre",
      date: "2027-12-28",
      time: "10:00",
    });
    const wrong = await t.request(member, { method: "GET", url: docsUrl(clsm.id, second.id, `/${doc.id}`) });
    expect(wrong.statusCode).toBe(404);
    expect(expectErrorBody(wrong.body).message).toBe("Document introuvable.");

    const removed = await t.request(coordinator, { method: "DELETE", url: one });
    expect(removed.statusCode).toBe(204);
    expect((await t.request(member, { method: "GET", url: one })).statusCode).toBe(404);
    expect((await t.request(coordinator, { method: "DELETE", url: one })).statusCode).toBe(404);
  });

  it("keeps the documents of a confidential instance's meeting for the coordination (404 for members)", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    const cellule = await createInstance(t, coordinator, clsm.id, {
      kind: "autre",
      name: "Cellule de cas complexes",
      confidential: true,
    });
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "Cellule",
      instanceId: cellule.id,
      date: "2027-11-09",
      time: "09:00",
    });
    const doc = await uploaded(coordinator, clsm.id, meeting.id, PDF, "situation.pdf");
    for (const url of [docsUrl(clsm.id, meeting.id), docsUrl(clsm.id, meeting.id, `/${doc.id}`)]) {
      const res = await t.request(member, { method: "GET", url });
      expect(res.statusCode).toBe(404);
      expect(expectErrorBody(res.body, "NOT_FOUND").message).toBe("Réunion introuvable.");
      expect((await t.request(coordinator, { method: "GET", url })).statusCode).toBe(200);
    }
  });

  it("refuses uploads to a cancelled meeting, and deletes the documents with their meeting", async () => {
    const { clsm, coordinator, meeting } = await withMeeting();
    await uploaded(coordinator, clsm.id, meeting.id, PDF, "cr.pdf");
    const other = await createMeeting(t, coordinator, clsm.id, {
      title: "Annulée",
      date: "2027-12-30",
      time: "10:00",
    });
    const cancelled = await t.request(coordinator, {
      method: "POST",
      url: meetingsUrl(clsm.id, `/${other.id}/cancel`),
      payload: { notify: false },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const refused = await upload(coordinator, clsm.id, other.id, PDF, "cr.pdf");
    expect(refused.statusCode).toBe(409);

    const removed = await t.request(coordinator, {
      method: "DELETE",
      url: meetingsUrl(clsm.id, `/${meeting.id}`),
    });
    expect(removed.statusCode, removed.body).toBe(204);
    const left = await t.database.db
      .select({ id: meetingDocument.id })
      .from(meetingDocument)
      .where(eq(meetingDocument.meetingId, meeting.id));
    expect(left).toEqual([]);
  });
});
