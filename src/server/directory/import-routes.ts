import type { FastifyInstance } from "fastify";
import { okBody, pageQuery, uuidParam } from "../../contracts/common";
import {
  decisionsBody,
  importDetail,
  importList,
  importParams,
  importPreview,
  importPreviewQuery,
  mappingBody,
  uploadQuery,
} from "../../contracts/directory-import";
import { z } from "../../contracts/zod";
import { requireActor } from "../platform/http";
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
        summary: "Valider l'import (tout ou rien)",
        params: importParams,
        response: { 200: importDetail },
      },
    },
    async (request) =>
      imports.commit(await requireActor(request), request.params.clsmId, request.params.importId),
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
