import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../../contracts/common";
import {
  createLinkBody,
  createNeedBody,
  createResourceBody,
  link,
  needDetail,
  needList,
  needListQuery,
  needsSummary,
  resourceDetail,
  resourceList,
  resourceListQuery,
  updateNeedBody,
  updateResourceBody,
} from "../../../contracts/diagnostic-needs";
import { z } from "../../../contracts/zod";
import { requireActor } from "../../platform/http";
import { zodApp } from "../../platform/routing";
import type { NeedsService } from "./service";

const clsmParams = z.object({ clsmId: uuidParam });
const needParams = clsmParams.extend({ needId: uuidParam });
const resourceParams = clsmParams.extend({ resourceId: uuidParam });
const linkParams = clsmParams.extend({ linkId: uuidParam });

export function diagnosticNeedsRoutes(parent: FastifyInstance, deps: { diagnosticNeeds: NeedsService }) {
  const app = zodApp(parent);
  const service = deps.diagnosticNeeds;
  const tags = ["Diagnostic : besoins et ressources"];
  const base = "/api/clsms/:clsmId/diagnostic";

  // ─── Needs ─────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    `${base}/needs`,
    {
      schema: {
        tags,
        summary: "Les besoins (constats) du territoire",
        params: clsmParams,
        querystring: needListQuery,
        response: { 200: needList },
      },
    },
    async (request) => service.listNeeds(await requireActor(request), request.params.clsmId, request.query),
  );

  // A static segment: wins over /needs/:needId.
  app.get(
    `${base}/needs/summary`,
    {
      schema: {
        tags,
        summary: "Besoins et ressources par objectif (où manquent les ressources)",
        params: clsmParams,
        response: { 200: needsSummary },
      },
    },
    async (request) => service.summary(await requireActor(request), request.params.clsmId),
  );

  app.post(
    `${base}/needs`,
    {
      schema: {
        tags,
        summary: "Ajouter un besoin",
        params: clsmParams,
        body: createNeedBody,
        response: { 201: needDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createNeed(await requireActor(request), request.params.clsmId, request.body)),
  );

  app.get(
    `${base}/needs/:needId`,
    {
      schema: {
        tags,
        summary: "Un besoin et ce sur quoi il repose",
        params: needParams,
        response: { 200: needDetail },
      },
    },
    async (request) =>
      service.getNeed(await requireActor(request), request.params.clsmId, request.params.needId),
  );

  app.patch(
    `${base}/needs/:needId`,
    {
      schema: {
        tags,
        summary: "Modifier un besoin",
        params: needParams,
        body: updateNeedBody,
        response: { 200: needDetail },
      },
    },
    async (request) =>
      service.updateNeed(
        await requireActor(request),
        request.params.clsmId,
        request.params.needId,
        request.body,
      ),
  );

  app.delete(
    `${base}/needs/:needId`,
    { schema: { tags, summary: "Supprimer un besoin", params: needParams } },
    async (request, reply) => {
      await service.removeNeed(await requireActor(request), request.params.clsmId, request.params.needId);
      return reply.status(204).send();
    },
  );

  app.post(
    `${base}/needs/:needId/links`,
    {
      schema: {
        tags,
        summary: "Relier un besoin à une enquête, une question d'enquête ou une réunion",
        params: needParams,
        body: createLinkBody,
        response: { 201: link },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addLink(
            await requireActor(request),
            request.params.clsmId,
            "need",
            request.params.needId,
            request.body,
          ),
        ),
  );

  // ─── Resources ─────────────────────────────────────────────────────────────────────────────────────
  app.get(
    `${base}/resources`,
    {
      schema: {
        tags,
        summary: "Les ressources existantes du territoire",
        params: clsmParams,
        querystring: resourceListQuery,
        response: { 200: resourceList },
      },
    },
    async (request) =>
      service.listResources(await requireActor(request), request.params.clsmId, request.query),
  );

  app.post(
    `${base}/resources`,
    {
      schema: {
        tags,
        summary: "Ajouter une ressource",
        params: clsmParams,
        body: createResourceBody,
        response: { 201: resourceDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createResource(await requireActor(request), request.params.clsmId, request.body)),
  );

  app.get(
    `${base}/resources/:resourceId`,
    {
      schema: {
        tags,
        summary: "Une ressource et ce sur quoi elle repose",
        params: resourceParams,
        response: { 200: resourceDetail },
      },
    },
    async (request) =>
      service.getResource(await requireActor(request), request.params.clsmId, request.params.resourceId),
  );

  app.patch(
    `${base}/resources/:resourceId`,
    {
      schema: {
        tags,
        summary: "Modifier une ressource",
        params: resourceParams,
        body: updateResourceBody,
        response: { 200: resourceDetail },
      },
    },
    async (request) =>
      service.updateResource(
        await requireActor(request),
        request.params.clsmId,
        request.params.resourceId,
        request.body,
      ),
  );

  app.delete(
    `${base}/resources/:resourceId`,
    { schema: { tags, summary: "Supprimer une ressource", params: resourceParams } },
    async (request, reply) => {
      await service.removeResource(
        await requireActor(request),
        request.params.clsmId,
        request.params.resourceId,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    `${base}/resources/:resourceId/links`,
    {
      schema: {
        tags,
        summary: "Relier une ressource à une enquête, une question d'enquête ou une réunion",
        params: resourceParams,
        body: createLinkBody,
        response: { 201: link },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.addLink(
            await requireActor(request),
            request.params.clsmId,
            "resource",
            request.params.resourceId,
            request.body,
          ),
        ),
  );

  // ─── Links ─────────────────────────────────────────────────────────────────────────────────────────
  app.delete(
    `${base}/links/:linkId`,
    { schema: { tags, summary: "Retirer un lien d'un besoin ou d'une ressource", params: linkParams } },
    async (request, reply) => {
      await service.removeLink(await requireActor(request), request.params.clsmId, request.params.linkId);
      return reply.status(204).send();
    },
  );
}
