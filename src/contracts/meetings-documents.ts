import { uuidParam } from "./common";
import { z } from "./zod";

// Documents attached to a meeting (and optionally to one of its agenda items): the file travels as the raw
// request body, its type is read from its content, and it is kept in the database (docs/decisions/007).

/** One file: 20 Mo. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
/** Per meeting: 30 documents and 200 Mo in all. */
export const MEETING_DOCUMENTS_MAX = 30;
export const MEETING_DOCUMENTS_MAX_BYTES = 200 * 1024 * 1024;

/** The types a document may have, as read from its content; the first extension is the one a name gets. */
export const documentKinds = {
  pdf: { mime: "application/pdf", extensions: ["pdf"], label: "PDF" },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    label: "Word",
  },
  xlsx: {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    label: "Excel",
  },
  pptx: {
    mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extensions: ["pptx"],
    label: "PowerPoint",
  },
  odt: { mime: "application/vnd.oasis.opendocument.text", extensions: ["odt"], label: "Texte ODT" },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"], label: "Classeur ODS" },
  odp: {
    mime: "application/vnd.oasis.opendocument.presentation",
    extensions: ["odp"],
    label: "Présentation ODP",
  },
  png: { mime: "image/png", extensions: ["png"], label: "Image PNG" },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"], label: "Image JPEG" },
  txt: { mime: "text/plain", extensions: ["txt"], label: "Texte" },
  csv: { mime: "text/csv", extensions: ["csv"], label: "CSV" },
} as const satisfies Record<string, { mime: string; extensions: readonly string[]; label: string }>;
export type DocumentKind = keyof typeof documentKinds;

/** For a file input's `accept`: the extensions and types above. */
export const documentAccept = Object.values(documentKinds)
  .flatMap((k) => [...k.extensions.map((e) => `.${e}`), k.mime])
  .join(",");
/** "PDF, Word, Excel, …" for the form's help text and the refusal messages. */
export const documentKindsText =
  "PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), ODT, ODS, ODP, PNG, JPEG, texte ou CSV";

/** The label of a stored content type ("PDF", "Word"…), or the type itself. */
export function documentTypeLabel(contentType: string): string {
  return Object.values(documentKinds).find((k) => k.mime === contentType)?.label ?? contentType;
}

export const documentUploadQuery = z.object({
  /** The file's name on the uploader's computer, cleaned up before it is stored ("document.pdf" without one). */
  fileName: z.string().max(1000, "Le nom du fichier est trop long (1 000 caractères au plus).").optional(),
  /** The agenda item the document goes with, if any. */
  agendaItemId: uuidParam.optional(),
});

export const meetingDocument = z.object({
  id: z.uuid(),
  fileName: z.string(),
  /** Read from the content when it was uploaded. */
  contentType: z.string(),
  typeLabel: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  agendaItem: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  uploadedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type MeetingDocument = z.infer<typeof meetingDocument>;

export const meetingDocumentList = z.object({
  items: z.array(meetingDocument),
  totalBytes: z.number().int(),
  limits: z.object({
    maxFileBytes: z.number().int(),
    maxDocuments: z.number().int(),
    maxTotalBytes: z.number().int(),
  }),
  can: z.object({ manage: z.boolean() }),
});
export type MeetingDocumentList = z.infer<typeof meetingDocumentList>;
