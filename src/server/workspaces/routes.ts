import type { FastifyInstance } from "fastify";
import { pageQuery, userIdParam, uuidParam } from "../../contracts/common";
import {
  addMemberBody,
  clsmDetail,
  clsmList,
  clsmListQuery,
  createClsmBody,
  memberList,
  territoryInput,
  territoryMap,
  updateClsmBody,
  updateMemberBody,
} from "../../contracts/workspaces";
import { z } from "../../contracts/zod";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { WorkspacesService } from "./service";

const clsmParams = z.object({ clsmId: uuidParam });
const memberParams = z.object({ clsmId: uuidParam, userId: userIdParam });

export function workspacesRoutes(parent: FastifyInstance, deps: { workspaces: WorkspacesService }) {
  const app = zodApp(parent);
  const { workspaces } = deps;
  const tags = ["CLSM"];

  app.get(
    "/api/clsms",
    {
      schema: { tags, summary: "Les CLSM visibles", querystring: clsmListQuery, response: { 200: clsmList } },
    },
    async (request) => workspaces.list(await requireActor(request), request.query),
  );

  app.post(
    "/api/clsms",
    { schema: { tags, summary: "Créer un CLSM", body: createClsmBody, response: { 201: clsmDetail } } },
    async (request, reply) =>
      reply.status(201).send(await workspaces.create(await requireActor(request), request.body)),
  );

  app.get(
    "/api/clsms/:clsmId",
    {
      schema: {
        tags,
        summary: "Un CLSM et son territoire",
        params: clsmParams,
        response: { 200: clsmDetail },
      },
    },
    async (request) => workspaces.get(await requireActor(request), request.params.clsmId),
  );

  app.patch(
    "/api/clsms/:clsmId",
    {
      schema: {
        tags,
        summary: "Renommer un CLSM ou changer son statut",
        params: clsmParams,
        body: updateClsmBody,
        response: { 200: clsmDetail },
      },
    },
    async (request) => workspaces.update(await requireActor(request), request.params.clsmId, request.body),
  );

  app.put(
    "/api/clsms/:clsmId/territory",
    {
      schema: {
        tags,
        summary: "Redéfinir le territoire",
        params: clsmParams,
        body: territoryInput,
        response: { 200: clsmDetail },
      },
    },
    async (request) =>
      workspaces.setTerritory(await requireActor(request), request.params.clsmId, request.body),
  );

  app.get(
    "/api/clsms/:clsmId/map",
    {
      schema: {
        tags,
        summary: "Contours des communes du territoire (GeoJSON)",
        params: clsmParams,
        response: { 200: territoryMap },
      },
    },
    async (request) => workspaces.map(await requireActor(request), request.params.clsmId),
  );

  app.get(
    "/api/clsms/:clsmId/members",
    {
      schema: {
        tags,
        summary: "Membres du CLSM",
        params: clsmParams,
        querystring: pageQuery,
        response: { 200: memberList },
      },
    },
    async (request) => workspaces.members(await requireActor(request), request.params.clsmId, request.query),
  );

  app.post(
    "/api/clsms/:clsmId/members",
    {
      schema: {
        tags,
        summary: "Ajouter un membre (invité·e par e-mail s'il n'a pas encore de compte)",
        params: clsmParams,
        body: addMemberBody,
        response: { 201: z.object({ userId: z.string(), invited: z.boolean() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await workspaces.addMember(await requireActor(request), request.params.clsmId, request.body)),
  );

  app.patch(
    "/api/clsms/:clsmId/members/:userId",
    {
      schema: { tags, summary: "Changer le rôle d'un membre", params: memberParams, body: updateMemberBody },
    },
    async (request, reply) => {
      await workspaces.updateMember(
        await requireActor(request),
        request.params.clsmId,
        request.params.userId,
        request.body,
      );
      return reply.status(204).send();
    },
  );

  app.delete(
    "/api/clsms/:clsmId/members/:userId",
    { schema: { tags, summary: "Retirer un membre", params: memberParams } },
    async (request, reply) => {
      await workspaces.removeMember(
        await requireActor(request),
        request.params.clsmId,
        request.params.userId,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/clsms/:clsmId/members/:userId/invitation",
    {
      schema: {
        tags,
        summary: "Renvoyer l'invitation d'un membre qui n'a pas encore activé son compte",
        params: memberParams,
      },
    },
    async (request, reply) => {
      await workspaces.resendInvitation(
        await requireActor(request),
        request.params.clsmId,
        request.params.userId,
      );
      return reply.status(204).send();
    },
  );
}
