import { and, asc, eq, sql } from "drizzle-orm";
import { user } from "../accounts/tables";
import type { Db } from "../platform/db";
import { meetingAgendaItem, meetingDocument } from "./tables";

// Meeting documents: metadata is read without the content, which is read only to be downloaded.

const metadata = {
  id: meetingDocument.id,
  fileName: meetingDocument.fileName,
  contentType: meetingDocument.contentType,
  sizeBytes: meetingDocument.sizeBytes,
  sha256: meetingDocument.sha256,
  agendaItemId: meetingDocument.agendaItemId,
  agendaItemTitle: meetingAgendaItem.title,
  uploadedBy: meetingDocument.uploadedBy,
  uploadedByName: user.name,
  createdAt: meetingDocument.createdAt,
};
export type DocumentMetadata = Awaited<ReturnType<typeof documentsOf>>[number];

export async function documentsOf(db: Db, meetingId: string, id?: string) {
  return db
    .select(metadata)
    .from(meetingDocument)
    .leftJoin(meetingAgendaItem, eq(meetingAgendaItem.id, meetingDocument.agendaItemId))
    .leftJoin(user, eq(user.id, meetingDocument.uploadedBy))
    .where(and(eq(meetingDocument.meetingId, meetingId), id ? eq(meetingDocument.id, id) : undefined))
    .orderBy(asc(meetingDocument.createdAt), asc(meetingDocument.id));
}

/** How many documents a meeting has and how many bytes they take. */
export async function usage(db: Db, meetingId: string) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      bytes: sql<number>`coalesce(sum(${meetingDocument.sizeBytes}), 0)::bigint`,
    })
    .from(meetingDocument)
    .where(eq(meetingDocument.meetingId, meetingId));
  return { count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) };
}

export async function insertDocument(db: Db, values: typeof meetingDocument.$inferInsert) {
  const [row] = await db.insert(meetingDocument).values(values).returning({ id: meetingDocument.id });
  if (!row) throw new Error("document insert returned nothing");
  return row.id;
}

/** The stored bytes and what to serve them as. */
export async function documentContent(db: Db, meetingId: string, id: string) {
  const [row] = await db
    .select({
      fileName: meetingDocument.fileName,
      contentType: meetingDocument.contentType,
      content: meetingDocument.content,
    })
    .from(meetingDocument)
    .where(and(eq(meetingDocument.meetingId, meetingId), eq(meetingDocument.id, id)));
  if (!row) return undefined;
  // PGlite answers a bytea as a Uint8Array, node-postgres as a Buffer: one type for the route.
  const content = row.content as Uint8Array;
  return { ...row, content: Buffer.from(content.buffer, content.byteOffset, content.byteLength) };
}

export async function deleteDocument(db: Db, meetingId: string, id: string) {
  const deleted = await db
    .delete(meetingDocument)
    .where(and(eq(meetingDocument.meetingId, meetingId), eq(meetingDocument.id, id)))
    .returning({ id: meetingDocument.id });
  return deleted.length > 0;
}
