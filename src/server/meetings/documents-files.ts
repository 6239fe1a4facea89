import { fileTypeFromBuffer } from "file-type";
import {
  DOCUMENT_MAX_BYTES,
  type DocumentKind,
  documentKinds,
  documentKindsText,
  MEETING_DOCUMENTS_MAX,
  MEETING_DOCUMENTS_MAX_BYTES,
} from "../../contracts/meetings-documents";
import { badRequest } from "../platform/errors";

// What a meeting document is, read from its bytes (never from its name or the client's Content-Type), and the
// name it is stored and served under.

const mo = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString("fr-FR")} Mo`;

/** French messages of the meeting documents (kept apart from messages.ts while several people edit it). */
export const documentsMessages = {
  documentNotFound: "Document introuvable.",
  emptyFile: "Le fichier est vide : choisissez un fichier qui a un contenu.",
  tooLarge: `Le fichier dépasse la taille maximale de ${mo(DOCUMENT_MAX_BYTES)}.`,
  executable:
    "Ce fichier est un programme exécutable : il n'est pas accepté. Joignez plutôt un document (PDF, Word…).",
  markup:
    "Les pages web (HTML), images SVG et fichiers XML ne sont pas acceptés : ils peuvent contenir du code. Enregistrez le document en PDF.",
  archive: "Les archives (ZIP, RAR, 7z…) ne sont pas acceptées : joignez les documents un par un.",
  oldOffice:
    "Les anciens formats Office (.doc, .xls, .ppt) ne sont pas acceptés : enregistrez le document en DOCX, XLSX, PPTX ou PDF.",
  notUtf8: "Ce fichier texte n'est pas encodé en UTF-8 : enregistrez-le en UTF-8, ou en PDF.",
  unknownType: (found?: string) =>
    `${found ? `Ce type de fichier (${found}) n'est pas accepté` : "Le type de ce fichier n'est pas reconnu"}. Types acceptés : ${documentKindsText}.`,
  tooManyDocuments: `Cette réunion a déjà ${MEETING_DOCUMENTS_MAX} documents, le maximum : supprimez-en un avant d'en ajouter.`,
  meetingFull: (used: number) =>
    `Les documents de cette réunion occupent déjà ${mo(used)} sur ${mo(MEETING_DOCUMENTS_MAX_BYTES)} : ce fichier ne tient plus. Supprimez un document ou réduisez ce fichier.`,
} as const;
const m = documentsMessages;

const refuse = (message: string) => badRequest(message, { file: message });

/** file-type's names for programs and installers. */
const executables = new Set([
  "exe",
  "elf",
  "mach",
  "macho",
  "dmg",
  "deb",
  "rpm",
  "apk",
  "class",
  "wasm",
  "dex",
  "msi",
  "crx",
  "xpi",
  "lnk",
  "jar",
]);
const archives = new Set([
  "zip",
  "rar",
  "7z",
  "gz",
  "bz2",
  "xz",
  "tar",
  "zst",
  "cab",
  "lz",
  "lzh",
  "ar",
  "cpio",
]);
const markup = new Set(["xml", "svg", "html"]);
const byMime = new Map<string, DocumentKind>(
  (Object.entries(documentKinds) as [DocumentKind, { mime: string }][]).map(([kind, k]) => [k.mime, kind]),
);

/**
 * The document's type from its content: a binary signature (file-type tells a DOCX, an XLSX and an ODT from a
 * plain zip by their parts), or else UTF-8 text without NUL or markup — a `.csv` name makes such text a CSV.
 * Anything else is refused with a French message on the `file` field.
 */
export async function detectDocumentKind(bytes: Uint8Array, fileName: string): Promise<DocumentKind> {
  if (bytes.length === 0) throw refuse(m.emptyFile);
  if (bytes.length > DOCUMENT_MAX_BYTES) throw refuse(m.tooLarge);
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    const kind = byMime.get(found.mime);
    if (kind) return kind;
    if (executables.has(found.ext) || found.mime === "application/x-msdownload") throw refuse(m.executable);
    if (markup.has(found.ext)) throw refuse(m.markup);
    if (archives.has(found.ext)) throw refuse(m.archive);
    if (found.ext === "cfb") throw refuse(m.oldOffice);
    throw refuse(m.unknownType(found.ext.toUpperCase()));
  }
  const text = utf8Text(bytes);
  if (isMarkup(text)) throw refuse(m.markup);
  // A script ("#!/bin/sh…") is a program too, even as text.
  if (text.startsWith("#!")) throw refuse(m.executable);
  return /\.csv$/i.test(fileName.trim()) ? "csv" : "txt";
}

/** The bytes as UTF-8 text (BOM dropped), or a refusal: binary content, or text in another encoding. */
function utf8Text(bytes: Uint8Array): string {
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) throw refuse(m.unknownType());
    // Control characters other than tab, line breaks and form feed: the mark of a binary file.
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) controls++;
  }
  if (controls > 0) throw refuse(m.unknownType());
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refuse(m.notUtf8);
  }
}

/** HTML, SVG or XML a browser could render and run: a document that starts with a tag, or holds an active one. */
function isMarkup(text: string): boolean {
  const start = text.replace(/^[\s\uFEFF]+/, "").slice(0, 1);
  if (start === "<") return true;
  return /<\s*(script|html|body|svg|iframe|object|embed)\b/i.test(text);
}

/** Extensions a name may end with that say something else than the content: replaced rather than kept. */
const knownExtensions = new Set([
  ...Object.values(documentKinds).flatMap((k) => k.extensions as readonly string[]),
  ...["doc", "xls", "ppt", "rtf", "odg", "html", "htm", "xhtml", "svg", "xml", "js", "exe", "bat", "cmd"],
  ...["com", "msi", "sh", "ps1", "vbs", "zip", "rar", "7z", "gif", "webp", "bmp", "tif", "tiff", "md"],
]);
const MAX_NAME = 200;

/**
 * The name a document is stored under: the last segment of what the browser sent (no folder), without control
 * or direction-changing characters nor characters Windows forbids, at most 200 characters, and ending with an
 * extension of the type found in the content (".pdf" for a PDF, whatever it was called).
 */
export function documentFileName(raw: string, kind: DocumentKind): string {
  const extensions: readonly string[] = documentKinds[kind].extensions;
  const name = (raw.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    // Controls and invisible format characters: bidirectional overrides can disguise "txt.exe" as "exe.txt".
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const keep = extensions.includes(ext);
  // A name ending in another known type's extension loses it; any other ending (a version "v2.3") stays.
  const base = ((keep || knownExtensions.has(ext) ? name.slice(0, dot) : name).replace(/[\s.]+$/, "") ||
    "document") as string;
  const suffix = `.${keep ? ext : extensions[0]}`;
  const room = MAX_NAME - suffix.length;
  const chars = Array.from(base);
  return (
    (chars.length > room
      ? chars
          .slice(0, room)
          .join("")
          .replace(/[\s.]+$/, "")
      : base) + suffix
  );
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the exact name in RFC 5987 `filename*`
 * (UTF-8, percent-encoded), so "Compte rendu — séance.pdf" keeps its accents in every browser.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\]/g, "_") || "document";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
