import type { FastifyError, FastifyInstance } from "fastify";
import { uuidParam } from "../../contracts/common";
import {
  DOCUMENT_MAX_BYTES,
  documentKinds,
  documentUploadQuery,
  meetingDocument,
  meetingDocumentList,
} from "../../contracts/meetings-documents";
import { z } from "../../contracts/zod";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { MeetingDocumentsService } from "./documents";
import { attachmentDisposition, documentsMessages } from "./documents-files";
import type { SignInSheetService } from "./sign-in-sheet";

const meetingParams = z.object({ clsmId: uuidParam, meetingId: uuidParam });
const documentParams = meetingParams.extend({ documentId: uuidParam });

/**
 * The file travels as the raw request body: octet-stream, or the type the browser gives it (ignored: the content
 * says what it is). Text types are listed here only: the rest of the API takes JSON alone.
 */
const uploadTypes = ["application/octet-stream", ...new Set(Object.values(documentKinds).map((k) => k.mime))];

/** Served files: the browser saves them, never renders nor guesses another type, and nobody caches them. */
const fileHeaders = {
  "x-content-type-options": "nosniff",
  "cache-control": "private, no-store",
  "content-security-policy": "default-src 'none'; sandbox",
} as const;

export function meetingDocumentsRoutes(
  parent: FastifyInstance,
  deps: { meetingDocuments: MeetingDocumentsService; signInSheet: SignInSheetService },
) {
  const { meetingDocuments: documents, signInSheet } = deps;
  const tags = ["Réunions — documents"];
  const base = "/api/clsms/:clsmId/meetings/:meetingId/documents";

  // Encapsulated: the raw-bytes parser and its 20 MB limit apply to the upload only (as the directory import).
  parent.register(async (scope) => {
    scope.addContentTypeParser(
      uploadTypes,
      { parseAs: "buffer", bodyLimit: DOCUMENT_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    // Over 20 MB: 413 before anything runs, saying the limit (other errors go to the app's handler).
    scope.setErrorHandler((error: FastifyError, _request, reply) => {
      if (error.code !== "FST_ERR_CTP_BODY_TOO_LARGE") throw error;
      return reply.status(413).send({
        error: {
          code: "BODY_TOO_LARGE",
          message: documentsMessages.tooLarge,
          fields: { file: documentsMessages.tooLarge },
        },
      });
    });
    zodApp(scope).post(
      base,
      {
        bodyLimit: DOCUMENT_MAX_BYTES,
        schema: {
          tags,
          summary:
            "Joindre un document (corps brut, Content-Type application/octet-stream, 20 Mo au plus ; " +
            "PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, PNG, JPEG, texte ou CSV, reconnu d'après son contenu)",
          params: meetingParams,
          querystring: documentUploadQuery,
          response: { 201: meetingDocument },
        },
      },
      async (request, reply) => {
        const actor = await requireActor(request);
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const { clsmId, meetingId } = request.params;
        return reply
          .status(201)
          .send(await documents.upload(actor, clsmId, meetingId, request.query, new Uint8Array(body)));
      },
    );
  });

  const app = zodApp(parent);
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Les documents joints à une réunion",
        params: meetingParams,
        response: { 200: meetingDocumentList },
      },
    },
    async (request) =>
      documents.list(await requireActor(request), request.params.clsmId, request.params.meetingId),
  );

  app.get(
    `${base}/:documentId`,
    {
      schema: {
        tags,
        summary: "Télécharger un document (en pièce jointe, avec le type reconnu à son dépôt)",
        params: documentParams,
      },
    },
    async (request, reply) => {
      const { clsmId, meetingId, documentId } = request.params;
      const file = await documents.download(await requireActor(request), clsmId, meetingId, documentId);
      return reply
        .headers(fileHeaders)
        .header(
          "content-type",
          file.contentType.startsWith("text/") ? `${file.contentType}; charset=utf-8` : file.contentType,
        )
        .header("content-disposition", attachmentDisposition(file.fileName))
        .send(file.content);
    },
  );

  app.delete(
    `${base}/:documentId`,
    { schema: { tags, summary: "Supprimer un document", params: documentParams } },
    async (request, reply) => {
      const { clsmId, meetingId, documentId } = request.params;
      await documents.remove(await requireActor(request), clsmId, meetingId, documentId);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/clsms/:clsmId/meetings/:meetingId/sign-in-sheet.pdf",
    {
      schema: {
        tags,
        summary: "La feuille d'émargement (PDF) : les invités, une case de signature, des lignes libres",
        params: meetingParams,
      },
    },
    async (request, reply) => {
      const { clsmId, meetingId } = request.params;
      const sheet = await signInSheet.pdf(await requireActor(request), clsmId, meetingId);
      return reply
        .headers(fileHeaders)
        .header("content-type", "application/pdf")
        .header("content-disposition", attachmentDisposition(sheet.fileName))
        .send(sheet.content);
    },
  );
}
