import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../contracts/common";
import {
  addMembersBody,
  addMembersResult,
  createInstanceBody,
  instanceDetail,
  instanceList,
  instanceListQuery,
  personMemberships,
  updateInstanceBody,
  updateMembershipBody,
} from "../../contracts/governance";
import { z } from "../../contracts/zod";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { GovernanceService } from "./service";

const clsmParams = z.object({ clsmId: uuidParam });
const instanceParams = clsmParams.extend({ instanceId: uuidParam });
const membershipParams = instanceParams.extend({ membershipId: uuidParam });
const personParams = clsmParams.extend({ personId: uuidParam });

export function governanceRoutes(parent: FastifyInstance, deps: { governance: GovernanceService }) {
  const app = zodApp(parent);
  const { governance } = deps;
  const tags = ["Instances"];
  const base = "/api/clsms/:clsmId/instances";

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Les instances du CLSM (COPIL, groupes de travail, plénière…)",
        params: clsmParams,
        querystring: instanceListQuery,
        response: { 200: instanceList },
      },
    },
    async (request) => governance.list(await requireActor(request), request.params.clsmId, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Créer une instance",
        params: clsmParams,
        body: createInstanceBody,
        response: { 201: instanceDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await governance.create(await requireActor(request), request.params.clsmId, request.body)),
  );

  app.get(
    `${base}/:instanceId`,
    {
      schema: {
        tags,
        summary: "Une instance, ses membres et ses piliers",
        params: instanceParams,
        response: { 200: instanceDetail },
      },
    },
    async (request) =>
      governance.get(await requireActor(request), request.params.clsmId, request.params.instanceId),
  );

  app.patch(
    `${base}/:instanceId`,
    {
      schema: {
        tags,
        summary: "Modifier, archiver ou réactiver une instance",
        params: instanceParams,
        body: updateInstanceBody,
        response: { 200: instanceDetail },
      },
    },
    async (request) =>
      governance.update(
        await requireActor(request),
        request.params.clsmId,
        request.params.instanceId,
        request.body,
      ),
  );

  app.delete(
    `${base}/:instanceId`,
    { schema: { tags, summary: "Supprimer une instance", params: instanceParams } },
    async (request, reply) => {
      await governance.remove(await requireActor(request), request.params.clsmId, request.params.instanceId);
      return reply.status(204).send();
    },
  );

  app.post(
    `${base}/:instanceId/members`,
    {
      schema: {
        tags,
        summary: "Ajouter des personnes de l'annuaire comme membres",
        params: instanceParams,
        body: addMembersBody,
        response: { 200: addMembersResult },
      },
    },
    async (request) =>
      governance.addMembers(
        await requireActor(request),
        request.params.clsmId,
        request.params.instanceId,
        request.body,
      ),
  );

  app.patch(
    `${base}/:instanceId/members/:membershipId`,
    {
      schema: {
        tags,
        summary: "Changer le rôle ou les dates d'un membre (une date de fin clôt sa participation)",
        params: membershipParams,
        body: updateMembershipBody,
        response: { 200: instanceDetail },
      },
    },
    async (request) =>
      governance.updateMembership(
        await requireActor(request),
        request.params.clsmId,
        request.params.instanceId,
        request.params.membershipId,
        request.body,
      ),
  );

  app.delete(
    `${base}/:instanceId/members/:membershipId`,
    {
      schema: {
        tags,
        summary: "Retirer une participation saisie par erreur",
        params: membershipParams,
        response: { 200: instanceDetail },
      },
    },
    async (request) =>
      governance.removeMembership(
        await requireActor(request),
        request.params.clsmId,
        request.params.instanceId,
        request.params.membershipId,
      ),
  );

  app.get(
    "/api/clsms/:clsmId/directory/people/:personId/instances",
    {
      schema: {
        tags,
        summary: "Les instances auxquelles une personne participe ou a participé",
        params: personParams,
        response: { 200: personMemberships },
      },
    },
    async (request) =>
      governance.personMemberships(
        await requireActor(request),
        request.params.clsmId,
        request.params.personId,
      ),
  );
}
