import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import { okBody, pageQuery, uuidParam } from "../../contracts/common";
import {
  decisionsBody,
  IMPORT_PROGRESS_TYPE,
  type ImportCommitEvent,
  importDetail,
  importList,
  importParams,
  importPreview,
  importPreviewQuery,
  mappingBody,
  uploadQuery,
} from "../../contracts/directory-import";
import { z } from "../../contracts/zod";
import { AppError } from "../platform/errors";
import { requireActor } from "../platform/http";
import { messages } from "../platform/messages";
import { zodApp } from "../platform/routing";
import { IMPORT_MAX_BYTES } from "./import/parse";
import type { DirectoryImportService } from "./import/service";

const clsmParams = z.object({ clsmId: uuidParam });

/** The file travels as the raw request body (not JSON, not multipart): its content says what it is. */
const fileTypes = [
  "application/octet-stream",
  "text/csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
];

export function directoryImportRoutes(
  parent: FastifyInstance,
  deps: { directoryImports: DirectoryImportService },
) {
  const { directoryImports: imports } = deps;
  const tags = ["Annuaire — imports"];
  const base = "/api/clsms/:clsmId/directory/imports";

  // Encapsulated: the raw-bytes parser and its 10 MB limit apply to the upload only.
  parent.register(async (scope) => {
    scope.addContentTypeParser(
      fileTypes,
      { parseAs: "buffer", bodyLimit: IMPORT_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    zodApp(scope).post(
      base,
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags,
          summary:
            "Déposer un fichier CSV ou XLSX (corps brut, Content-Type application/octet-stream, 10 Mo et 20 000 lignes au plus)",
          params: clsmParams,
          querystring: uploadQuery,
          response: { 201: importDetail },
        },
      },
      async (request, reply) => {
        const actor = await requireActor(request);
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        return reply
          .status(201)
          .send(
            await imports.upload(actor, request.params.clsmId, request.query.fileName, new Uint8Array(body)),
          );
      },
    );
  });

  const app = zodApp(parent);
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Les imports passés",
        params: clsmParams,
        querystring: pageQuery.pick({ limit: true, offset: true }),
        response: { 200: importList },
      },
    },
    async (request) => imports.list(await requireActor(request), request.params.clsmId, request.query),
  );

  app.get(
    `${base}/:importId`,
    {
      schema: {
        tags,
        summary: "Un import et son avancement",
        params: importParams,
        response: { 200: importDetail },
      },
    },
    async (request) =>
      imports.get(await requireActor(request), request.params.clsmId, request.params.importId),
  );

  app.put(
    `${base}/:importId/mapping`,
    {
      schema: {
        tags,
        summary: "Corriger la correspondance des colonnes",
        params: importParams,
        body: mappingBody,
        response: { 200: importDetail },
      },
    },
    async (request) =>
      imports.setMapping(
        await requireActor(request),
        request.params.clsmId,
        request.params.importId,
        request.body.mapping,
      ),
  );

  app.get(
    `${base}/:importId/preview`,
    {
      schema: {
        tags,
        summary: "Aperçu : problèmes et doublons ligne par ligne",
        params: importParams,
        querystring: importPreviewQuery,
        response: { 200: importPreview },
      },
    },
    async (request) =>
      imports.preview(
        await requireActor(request),
        request.params.clsmId,
        request.params.importId,
        request.query,
      ),
  );

  app.put(
    `${base}/:importId/decisions`,
    {
      schema: {
        tags,
        summary: "Choisir, pour chaque doublon : ignorer, mettre à jour ou créer",
        params: importParams,
        body: decisionsBody,
        response: { 200: okBody },
      },
    },
    async (request) =>
      imports.setDecisions(
        await requireActor(request),
        request.params.clsmId,
        request.params.importId,
        request.body,
      ),
  );

  app.post(
    `${base}/:importId/commit`,
    {
      schema: {
        tags,
        summary:
          "Valider l'import (tout ou rien). Avec Accept: application/x-ndjson, l'avancement arrive ligne à ligne : " +
          '{"type":"progress","done":n,"total":m}…, puis {"type":"result","import":…} ou {"type":"error","error":…}',
        params: importParams,
        response: { 200: importDetail },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request);
      const { clsmId, importId } = request.params;
      if (!request.headers.accept?.includes(IMPORT_PROGRESS_TYPE))
        return imports.commit(actor, clsmId, importId);

      // Refusals keep their status code: only a commit that may start is streamed.
      await imports.committable(actor, clsmId, importId);
      const out = new PassThrough();
      const line = (event: ImportCommitEvent) => {
        if (!out.destroyed) out.write(`${JSON.stringify(event)}\n`);
      };
      imports
        .commit(actor, clsmId, importId, (done, total) => line({ type: "progress", done, total }))
        .then(
          (result) => line({ type: "result", import: result }),
          (err: unknown) => {
            if (err instanceof AppError)
              return line({ type: "error", error: { code: err.code, message: err.message } });
            request.log.error({ err }, "import commit failed");
            line({ type: "error", error: { code: "INTERNAL", message: messages.internal } });
          },
        )
        .finally(() => out.end());
      return reply
        .header("content-type", `${IMPORT_PROGRESS_TYPE}; charset=utf-8`)
        .header("cache-control", "no-store")
        .header("x-accel-buffering", "no") // proxies (nginx) pass each line on at once
        .send(out as never); // a stream goes out as it is, never serialised against the JSON schema
    },
  );

  app.post(
    `${base}/:importId/undo`,
    {
      schema: {
        tags,
        summary: "Annuler un import (si rien n'a été modifié depuis)",
        params: importParams,
        response: { 200: importDetail },
      },
    },
    async (request) =>
      imports.undo(await requireActor(request), request.params.clsmId, request.params.importId),
  );
}
