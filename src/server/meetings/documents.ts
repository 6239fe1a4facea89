import { createHash } from "node:crypto";
import {
  DOCUMENT_MAX_BYTES,
  documentKinds,
  documentTypeLabel,
  MEETING_DOCUMENTS_MAX,
  MEETING_DOCUMENTS_MAX_BYTES,
  type MeetingDocument,
  type MeetingDocumentList,
} from "../../contracts/meetings-documents";
import type { Actor } from "../platform/access";
import type { Db } from "../platform/db";
import { badRequest, conflict, notFound } from "../platform/errors";
import type { MeetingAccess } from "./access";
import { documentsMessages as d, detectDocumentKind, documentFileName } from "./documents-files";
import * as repo from "./documents-repo";
import { meetingsMessages as m } from "./messages";
import { findAgendaItem } from "./repo";

export type MeetingDocumentsService = ReturnType<typeof createMeetingDocumentsService>;

function item(row: repo.DocumentMetadata): MeetingDocument {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    typeLabel: documentTypeLabel(row.contentType),
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    agendaItem:
      row.agendaItemId && row.agendaItemTitle !== null
        ? { id: row.agendaItemId, title: row.agendaItemTitle }
        : null,
    uploadedBy:
      row.uploadedBy && row.uploadedByName !== null ? { id: row.uploadedBy, name: row.uploadedByName } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Documents attached to a meeting (an agenda, a presentation, a report), kept in the database. Whoever reads the
 * meeting reads its documents (so a confidential instance's stay with the coordination); coordinators add and
 * remove them. A file's type is read from its content and decides the name's extension and the type it is served as.
 */
export function createMeetingDocumentsService(deps: { db: Db; access: MeetingAccess }) {
  const { db, access } = deps;

  return {
    async list(actor: Actor, clsmId: string, meetingId: string): Promise<MeetingDocumentList> {
      const r = await access.reader(actor, clsmId);
      await access.meeting(db, r, meetingId);
      const rows = await repo.documentsOf(db, meetingId);
      return {
        items: rows.map(item),
        totalBytes: rows.reduce((sum, x) => sum + x.sizeBytes, 0),
        limits: {
          maxFileBytes: DOCUMENT_MAX_BYTES,
          maxDocuments: MEETING_DOCUMENTS_MAX,
          maxTotalBytes: MEETING_DOCUMENTS_MAX_BYTES,
        },
        can: { manage: r.manage },
      };
    },

    async upload(
      actor: Actor,
      clsmId: string,
      meetingId: string,
      input: { fileName?: string; agendaItemId?: string },
      bytes: Uint8Array,
    ): Promise<MeetingDocument> {
      const r = await access.manager(actor, clsmId);
      // The meeting first (404 for whoever may not see it), then the file, then the write.
      await access.meeting(db, r, meetingId);
      const kind = await detectDocumentKind(bytes, input.fileName ?? "");
      const fileName = documentFileName(input.fileName ?? "", kind);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const id = await db.transaction(async (tx) => {
        // Locked: two uploads at once to the same meeting are counted one after the other.
        const meeting = await access.meeting(tx, r, meetingId, true);
        if (meeting.status === "cancelled") throw conflict(m.meetingCancelled);
        if (input.agendaItemId && !(await findAgendaItem(tx, meetingId, input.agendaItemId)))
          throw badRequest(m.agendaItemNotFound, { agendaItemId: m.agendaItemNotFound });
        const used = await repo.usage(tx, meetingId);
        if (used.count >= MEETING_DOCUMENTS_MAX) throw conflict(d.tooManyDocuments);
        if (used.bytes + bytes.length > MEETING_DOCUMENTS_MAX_BYTES)
          throw conflict(d.meetingFull(used.bytes));
        return repo.insertDocument(tx, {
          clsmId,
          meetingId,
          agendaItemId: input.agendaItemId ?? null,
          fileName,
          contentType: documentKinds[kind].mime,
          sizeBytes: bytes.length,
          sha256,
          content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          uploadedBy: actor.userId,
        });
      });
      const [row] = await repo.documentsOf(db, meetingId, id);
      if (!row) throw notFound(d.documentNotFound);
      return item(row);
    },

    /** The file, for those who may read the meeting. */
    async download(actor: Actor, clsmId: string, meetingId: string, documentId: string) {
      const r = await access.reader(actor, clsmId);
      await access.meeting(db, r, meetingId);
      const found = await repo.documentContent(db, meetingId, documentId);
      if (!found) throw notFound(d.documentNotFound);
      return found;
    },

    async remove(actor: Actor, clsmId: string, meetingId: string, documentId: string) {
      const r = await access.manager(actor, clsmId);
      await access.meeting(db, r, meetingId);
      if (!(await repo.deleteDocument(db, meetingId, documentId))) throw notFound(d.documentNotFound);
    },
  };
}
