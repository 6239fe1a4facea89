import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { MeetingDetail } from "../../contracts/meetings";
import type { Actor } from "../platform/access";
import type { MeetingAccess } from "./access";
import { documentFileName } from "./documents-files";
import type { MeetingsService } from "./service";

// The sign-in sheet (feuille d'émargement) of a meeting, as a PDF made here with pdfkit (pure JavaScript): a header
// repeated on every page, one row per invitee with a signature cell, blank rows for people who come unannounced,
// and "Page n/N" at the foot of each page. Text is set in DejaVu Sans (package dejavu-fonts-ttf, free licence),
// embedded as a subset: the PDF standard fonts stop at Windows-1252, and invitees' names may not.

export type SignInSheetService = ReturnType<typeof createSignInSheet>;

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** Read once per process, on first use. */
function loadFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return fonts;
}

/** Blank rows after the invitees, for participants who were not invited. */
export const EXTRA_ROWS = 6;

const PAGE = { width: 595.28, height: 841.89, margin: 40 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FOOTER_HEIGHT = 30;
const ROW_HEIGHT = 34;
const HEADER_ROW_HEIGHT = 22;
const columns = [
  { key: "name", title: "Nom", width: 130 },
  { key: "role", title: "Fonction · structure", width: 135 },
  { key: "signature", title: "Signature", width: 145 },
  { key: "represented", title: "Représenté·e par", width: CONTENT_WIDTH - 130 - 135 - 145 },
] as const;
const GREY = "#555555";
const LINE = "#888888";

const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  minute: "2-digit",
});
const frenchTime = (d: Date) => timeFormat.format(d).replace(":", " h ");

/** "mardi 8 décembre 2026, de 14 h 30 à 16 h 00" */
export function frenchWhen(startsAt: Date, durationMinutes: number): string {
  const end = new Date(startsAt.getTime() + durationMinutes * 60_000);
  return `${dayFormat.format(startsAt)}, de ${frenchTime(startsAt)} à ${frenchTime(end)}`;
}

function place(meeting: MeetingDetail): string {
  const where = [meeting.placeName, meeting.address].filter(Boolean).join(", ");
  if (where && meeting.videoUrl) return `${where} (et en visioconférence)`;
  return where || (meeting.videoUrl ? "En visioconférence" : "Lieu à préciser");
}

interface Row {
  name: string;
  role: string;
  represented: string;
}

/** Renders the sheet; pure apart from the fonts, so it can be tried on any meeting detail. */
export async function renderSignInSheet(clsmName: string, meeting: MeetingDetail): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const when = frenchWhen(new Date(meeting.startsAt), meeting.durationMinutes);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    autoFirstPage: false,
    lang: "fr-FR",
    info: {
      Title: `Feuille d'émargement — ${meeting.title} — ${meeting.date}`,
      Subject: clsmName,
      Creator: "Maillage",
    },
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = PAGE.margin;
  const bottom = PAGE.height - PAGE.margin - FOOTER_HEIGHT;
  let y = 0;

  function header() {
    doc.addPage();
    doc.font("bold").fontSize(9).fillColor(GREY).text(clsmName, left, PAGE.margin, { width: CONTENT_WIDTH });
    doc.moveDown(0.3).font("bold").fontSize(16).fillColor("black").text("Feuille d'émargement");
    doc.moveDown(0.2).fontSize(12).text(meeting.title, { width: CONTENT_WIDTH });
    if (meeting.instance && meeting.instance.name !== meeting.title)
      doc.font("regular").fontSize(10).text(meeting.instance.name, { width: CONTENT_WIDTH });
    doc.moveDown(0.3).font("regular").fontSize(10);
    doc.text(when.charAt(0).toUpperCase() + when.slice(1), { width: CONTENT_WIDTH });
    doc.text(place(meeting), { width: CONTENT_WIDTH });
    if (meeting.status === "cancelled") doc.font("bold").text("Réunion annulée", { width: CONTENT_WIDTH });
    y = doc.y + 12;
    // The table's header row.
    let x = left;
    doc.rect(left, y, CONTENT_WIDTH, HEADER_ROW_HEIGHT).fillAndStroke("#e8e8e8", LINE);
    doc.fillColor("black").font("bold").fontSize(9);
    for (const c of columns) {
      doc.text(c.title, x + 4, y + 7, { width: c.width - 8, lineBreak: false });
      x += c.width;
    }
    verticals(y, HEADER_ROW_HEIGHT);
    y += HEADER_ROW_HEIGHT;
  }

  function verticals(top: number, height: number) {
    let x = left;
    for (const c of columns.slice(0, -1)) {
      x += c.width;
      doc
        .moveTo(x, top)
        .lineTo(x, top + height)
        .strokeColor(LINE)
        .stroke();
    }
  }

  function ensureRoom(height: number) {
    if (y + height > bottom) header();
  }

  function row(r: Row) {
    ensureRoom(ROW_HEIGHT);
    doc.rect(left, y, CONTENT_WIDTH, ROW_HEIGHT).strokeColor(LINE).stroke();
    verticals(y, ROW_HEIGHT);
    const cell = { height: ROW_HEIGHT - 8, ellipsis: true };
    doc.fillColor("black").font("bold").fontSize(9);
    doc.text(r.name, left + 4, y + 4, { ...cell, width: columns[0].width - 8 });
    doc.font("regular").fontSize(8).fillColor(GREY);
    doc.text(r.role, left + columns[0].width + 4, y + 4, { ...cell, width: columns[1].width - 8 });
    const repX = left + columns[0].width + columns[1].width + columns[2].width;
    doc.text(r.represented, repX + 4, y + 4, { ...cell, width: columns[3].width - 8 });
    y += ROW_HEIGHT;
  }

  header();
  for (const i of meeting.invitees)
    row({
      name: i.name,
      role: [i.function, i.structureName].filter(Boolean).join(" · "),
      represented: i.representedBy ?? i.substituteName ?? "",
    });
  // The blank rows stay together with their heading.
  ensureRoom(20 + EXTRA_ROWS * ROW_HEIGHT);
  doc
    .font("bold")
    .fontSize(9)
    .fillColor("black")
    .text("Participant·es non inscrit·es", left, y + 8, { width: CONTENT_WIDTH, lineBreak: false });
  y += 20;
  for (let n = 0; n < EXTRA_ROWS; n++) row({ name: "", role: "", represented: "" });

  // "Page n/N" once the number of pages is known; the footer sits in the bottom margin.
  const range = doc.bufferedPageRange();
  for (let p = 0; p < range.count; p++) {
    doc.switchToPage(range.start + p);
    doc.page.margins.bottom = 0;
    const footY = PAGE.height - PAGE.margin - 10;
    doc.font("regular").fontSize(8).fillColor(GREY);
    doc.text(`${meeting.title} — ${meeting.date.split("-").reverse().join("/")}`, left, footY, {
      width: CONTENT_WIDTH - 80,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(`Page ${p + 1}/${range.count}`, left + CONTENT_WIDTH - 80, footY, {
      width: 80,
      align: "right",
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}

export function createSignInSheet(deps: { access: MeetingAccess; meetings: MeetingsService }) {
  const { access, meetings } = deps;
  return {
    /** The sheet of a meeting, for its coordinators. */
    async pdf(actor: Actor, clsmId: string, meetingId: string) {
      const r = await access.manager(actor, clsmId);
      const meeting = await meetings.get(actor, clsmId, meetingId);
      return {
        fileName: documentFileName(`Émargement ${meeting.title} ${meeting.date}`, "pdf"),
        content: await renderSignInSheet(r.clsmName, meeting),
      };
    },
  };
}
