import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { setupApp } from "../support/app";
import { createPerson, createStructure } from "../support/directory";
import { createTenant, expectErrorBody } from "../support/factories";
import { createInstance } from "../support/governance";
import { createMeeting, meetingsUrl } from "../support/meetings";

const t = await setupApp();

// ─── Reading the PDF back ────────────────────────────────────────────────────────────────────────────────
// pdfkit compresses its streams (FlateDecode) and writes text in an embedded font subset as glyph numbers; each
// font carries a ToUnicode map back to characters. This reads enough of the file to get each page's text.

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(s); m; m = header.exec(s)) {
    const start = header.lastIndex;
    const streamAt = s.indexOf("stream", start);
    const endAt = s.indexOf("endobj", start);
    if (streamAt !== -1 && streamAt < endAt) {
      const dict = s.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      let from = streamAt + "stream".length;
      if (s[from] === "\r") from++;
      if (s[from] === "\n") from++;
      const raw = pdf.subarray(from, from + length);
      objects.set(Number(m[1]), { dict, stream: dict.includes("/FlateDecode") ? inflateSync(raw) : raw });
      header.lastIndex = s.indexOf("endobj", from + length);
    } else objects.set(Number(m[1]), { dict: s.slice(start, endAt) });
  }
  return objects;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
const utf16 = (hex: string) =>
  String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));

/** glyph number → text, from a font's ToUnicode CMap (`<first> <last> [<text> <text> …]` ranges). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, first, , list] of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
    // A ligature's entry holds several characters: <0066 0069> for "fi".
    const texts = [...(list ?? "").matchAll(/<([0-9a-f ]*)>/gi)].map((x) =>
      utf16((x[1] ?? "").replace(/ /g, "")),
    );
    const start = Number.parseInt(first ?? "0", 16);
    for (const [i, text] of texts.entries()) map.set(start + i, text);
  }
  return map;
}

/** The text of each page, in order; one line per text operation. */
function pdfPages(pdf: Buffer): string[] {
  const objects = pdfObjects(pdf);
  const get = (id: number) => objects.get(id) as PdfObject;
  const root = get(ref(pdf.toString("latin1").split("trailer")[1] ?? "", "Root"));
  const kids = /\/Kids \[([^\]]*)\]/.exec(get(ref(root.dict, "Pages")).dict)?.[1] ?? "";
  return [...kids.matchAll(/(\d+) 0 R/g)].map(([, id]) => {
    const page = get(Number(id));
    const resources = /\/Resources (\d+) 0 R/.test(page.dict)
      ? get(ref(page.dict, "Resources")).dict
      : page.dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const [, name, fontId] of resources.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = get(Number(fontId));
      fonts.set(name ?? "", toUnicode(get(ref(font.dict, "ToUnicode")).stream?.toString("latin1") ?? ""));
    }
    const content = get(ref(page.dict, "Contents")).stream?.toString("latin1") ?? "";
    let font = new Map<number, string>();
    const lines: string[] = [];
    for (const [, name, array, single] of content.matchAll(
      /\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[^\]])*)\] TJ|<([0-9a-f]*)> Tj/gi,
    )) {
      if (name) font = fonts.get(name) ?? new Map();
      else {
        const hex = [...(array ?? `<${single}>`).matchAll(/<([0-9a-f]*)>/gi)].map((x) => x[1]).join("");
        const glyphs = (hex.match(/.{4}/g) ?? []).map((h) => font.get(Number.parseInt(h, 16)) ?? "?");
        lines.push(glyphs.join(""));
      }
    }
    return lines.join("\n");
  });
}

// ─── Tests ───────────────────────────────────────────────────────────────────────────────────────────────

const sheetUrl = (clsmId: string, meetingId: string) =>
  meetingsUrl(clsmId, `/${meetingId}/sign-in-sheet.pdf`);

describe("sign-in sheet (feuille d'émargement)", () => {
  it("is a PDF with the CLSM, the meeting in French, each invitee with function and structure", async () => {
    const { clsm, coordinator } = await createTenant(t, { name: "CLSM de la Baie d'Œuvre" });
    const cmp = await createStructure(t, coordinator, clsm.id, { name: "CMP adultes de Saint-Brieuc" });
    const person = await createPerson(t, coordinator, clsm.id, {
      firstName: "Zoé",
      lastName: "L’Hôte-Cœur",
      role: { function: "Infirmière coordinatrice", structureId: cmp.id },
    });
    const copil = await createInstance(t, coordinator, clsm.id, {
      kind: "copil",
      name: "Comité de pilotage",
    });
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "COPIL de décembre",
      instanceId: copil.id,
      date: "2026-12-08",
      time: "14:30",
      durationMinutes: 90,
      placeName: "Hôtel de ville, salle du conseil",
      address: "Place du Général de Gaulle, 22000 Saint-Brieuc",
      guests: [{ personId: person.id }, { name: "Dr Élise Ørsted", email: "elise@exemple.test" }],
    });
    // A substitute announced ahead is written in the "représenté·e par" cell.
    const guest = meeting.invitees.find((i) => i.name === "Dr Élise Ørsted");
    const substitute = await t.request(coordinator, {
      method: "PATCH",
      url: meetingsUrl(clsm.id, `/${meeting.id}/invitees/${guest?.id}`),
      payload: { rsvp: "no", substituteName: "Łucja Nowak" },
    });
    expect(substitute.statusCode, substitute.body).toBe(200);

    const res = await t.request(coordinator, { method: "GET", url: sheetUrl(clsm.id, meeting.id) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="Emargement COPIL de decembre 2026-12-08.pdf"; ` +
        `filename*=UTF-8''%C3%89margement%20COPIL%20de%20d%C3%A9cembre%202026-12-08.pdf`,
    );
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toMatch(/%%EOF\s*$/);

    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? "";
    for (const expected of [
      "CLSM de la Baie d'Œuvre",
      "Feuille d'émargement",
      "COPIL de décembre",
      "Comité de pilotage",
      "Mardi 8 décembre 2026, de 14 h 30 à 16 h 00",
      "Hôtel de ville, salle du conseil, Place du Général de Gaulle, 22000 Saint-Brieuc",
      "Nom",
      "Fonction · structure",
      "Signature",
      "Représenté·e par",
      "Zoé L’Hôte-Cœur",
      "Infirmière coordinatrice · CMP adultes de Saint-Brieuc",
      "Dr Élise Ørsted",
      "Łucja Nowak",
      "Participant·es non inscrit·es",
      "Page 1/1",
    ])
      expect(text.replace(/\s+/g, " ")).toContain(expected);
  });

  it("runs over several pages for 50 invitees, the header on each and 'Page n/N' at the foot", async () => {
    const { clsm, coordinator } = await createTenant(t);
    const names = Array.from({ length: 50 }, (_, i) => `Invité·e numéro ${String(i + 1).padStart(2, "0")}`);
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "Assemblée plénière",
      date: "2027-06-15",
      time: "09:30",
      videoUrl: "https://visio.exemple.test/pleniere",
      guests: names.map((name) => ({ name })),
    });
    const res = await t.request(coordinator, { method: "GET", url: sheetUrl(clsm.id, meeting.id) });
    expect(res.statusCode, res.body).toBe(200);
    const pages = pdfPages(res.rawPayload);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // The page count the file declares is the one read.
    expect(res.rawPayload.toString("latin1")).toContain(`/Count ${pages.length}`);
    pages.forEach((page, i) => {
      expect(page).toContain("Feuille d'émargement");
      expect(page).toContain("Assemblée plénière");
      expect(page).toContain("Mardi 15 juin 2027, de 09 h 30 à 11 h 30");
      expect(page).toContain("En visioconférence");
      expect(page).toContain("Représenté·e par");
      expect(page).toContain(`Page ${i + 1}/${pages.length}`);
    });
    // Every invitee once, in order, and the blank rows at the end.
    const all = pages.join("\n");
    for (const name of names) expect(all.split(name)).toHaveLength(2);
    expect(all.indexOf(names[0] as string)).toBeLessThan(all.indexOf(names[49] as string));
    expect(pages.at(-1)).toContain("Participant·es non inscrit·es");
  });

  it("is for coordinators only: 403 for members, 404 for another CLSM", async () => {
    const { clsm, coordinator, member } = await createTenant(t);
    const meeting = await createMeeting(t, coordinator, clsm.id, {
      title: "Groupe de travail",
      date: "2027-03-02",
      time: "10:00",
    });
    const refused = await t.request(member, { method: "GET", url: sheetUrl(clsm.id, meeting.id) });
    expect(refused.statusCode).toBe(403);
    expectErrorBody(refused.body, "FORBIDDEN");
    const other = await createTenant(t);
    const hidden = await t.request(other.coordinator, { method: "GET", url: sheetUrl(clsm.id, meeting.id) });
    expect(hidden.statusCode).toBe(404);
    expectErrorBody(hidden.body, "NOT_FOUND");
    const elsewhere = await t.request(other.coordinator, {
      method: "GET",
      url: sheetUrl(other.clsm.id, meeting.id),
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(expectErrorBody(elsewhere.body).message).toBe("Réunion introuvable.");
  });
});
