import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../../contracts/common";
import {
  adoptOpinionBody,
  createOpinionBody,
  opinionDetail,
  opinionList,
  opinionListQuery,
  sendOpinionBody,
  updateOpinionBody,
} from "../../../contracts/diagnostic-opinions";
import { z } from "../../../contracts/zod";
import { requireActor } from "../../platform/http";
import { zodApp } from "../../platform/routing";
import { DOCX_TYPE } from "../page/docx-kit";
import type { OpinionsService } from "./service";

const clsmParams = z.object({ clsmId: uuidParam });
const opinionParams = clsmParams.extend({ opinionId: uuidParam });

export function opinionsRoutes(parent: FastifyInstance, deps: { opinions: OpinionsService }) {
  const app = zodApp(parent);
  const { opinions } = deps;
  const tags = ["Diagnostic : avis"];
  const base = "/api/clsms/:clsmId/diagnostic/opinions";
  const one = `${base}/:opinionId`;

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Les avis du CLSM sur le PTSM et le diagnostic territorial partagé",
        params: clsmParams,
        querystring: opinionListQuery,
        response: { 200: opinionList },
      },
    },
    async (request) => opinions.list(await requireActor(request), request.params.clsmId, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Rédiger un avis (brouillon)",
        params: clsmParams,
        body: createOpinionBody,
        response: { 201: opinionDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await opinions.create(await requireActor(request), request.params.clsmId, request.body)),
  );

  app.get(
    one,
    { schema: { tags, summary: "Un avis", params: opinionParams, response: { 200: opinionDetail } } },
    async (request) =>
      opinions.get(await requireActor(request), request.params.clsmId, request.params.opinionId),
  );

  app.patch(
    one,
    {
      schema: {
        tags,
        summary: "Modifier un avis en brouillon",
        params: opinionParams,
        body: updateOpinionBody,
        response: { 200: opinionDetail },
      },
    },
    async (request) =>
      opinions.update(
        await requireActor(request),
        request.params.clsmId,
        request.params.opinionId,
        request.body,
      ),
  );

  app.delete(
    one,
    { schema: { tags, summary: "Supprimer un avis en brouillon", params: opinionParams } },
    async (request, reply) => {
      await opinions.remove(await requireActor(request), request.params.clsmId, request.params.opinionId);
      return reply.status(204).send();
    },
  );

  app.post(
    `${one}/adopt`,
    {
      schema: {
        tags,
        summary: "Enregistrer l'adoption de l'avis en séance (son texte est alors figé)",
        params: opinionParams,
        body: adoptOpinionBody,
        response: { 200: opinionDetail },
      },
    },
    async (request) =>
      opinions.adopt(
        await requireActor(request),
        request.params.clsmId,
        request.params.opinionId,
        request.body,
      ),
  );

  app.post(
    `${one}/send`,
    {
      schema: {
        tags,
        summary: "Enregistrer la transmission de l'avis adopté",
        params: opinionParams,
        body: sendOpinionBody,
        response: { 200: opinionDetail },
      },
    },
    async (request) =>
      opinions.send(
        await requireActor(request),
        request.params.clsmId,
        request.params.opinionId,
        request.body,
      ),
  );

  app.post(
    `${one}/reopen`,
    {
      schema: {
        tags,
        summary: "Repasser un avis adopté (non transmis) en brouillon",
        params: opinionParams,
        response: { 200: opinionDetail },
      },
    },
    async (request) =>
      opinions.reopen(await requireActor(request), request.params.clsmId, request.params.opinionId),
  );

  app.get(
    `${one}/export.docx`,
    { schema: { tags, summary: "L'avis en document Word (DOCX)", params: opinionParams } },
    async (request, reply) => {
      const file = await opinions.docx(
        await requireActor(request),
        request.params.clsmId,
        request.params.opinionId,
      );
      return reply
        .header("content-type", DOCX_TYPE)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("cache-control", "private, no-store")
        .send(file.content);
    },
  );
}
