import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../contracts/common";
import {
  decision,
  decisionBody,
  followUp,
  followUpBody,
  followUpList,
  followUpListQuery,
  meetingSearchQuery,
  meetingSearchResults,
  minutesView,
  putMinutesBody,
  updateDecisionBody,
  updateFollowUpBody,
} from "../../contracts/meetings-minutes";
import { z } from "../../contracts/zod";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { FollowUpsService } from "./follow-ups";
import type { MinutesService } from "./minutes";
import type { MeetingSearch } from "./search";

const clsmParams = z.object({ clsmId: uuidParam });
const meetingParams = clsmParams.extend({ meetingId: uuidParam });
const decisionParams = meetingParams.extend({ decisionId: uuidParam });
const followUpParams = clsmParams.extend({ followUpId: uuidParam });

export function minutesRoutes(
  parent: FastifyInstance,
  deps: { minutes: MinutesService; followUps: FollowUpsService; meetingSearch: MeetingSearch },
) {
  const app = zodApp(parent);
  const { minutes, followUps, meetingSearch } = deps;
  const tags = ["Réunions : comptes rendus et suivi"];
  const base = "/api/clsms/:clsmId/meetings";
  const one = `${base}/:meetingId`;

  // A static segment: Fastify's router tries it before /meetings/:meetingId.
  app.get(
    `${base}/search`,
    {
      schema: {
        tags,
        summary: "Rechercher dans les comptes rendus et les décisions (sans tenir compte des accents)",
        params: clsmParams,
        querystring: meetingSearchQuery,
        response: { 200: meetingSearchResults },
      },
    },
    async (request) =>
      meetingSearch.search(await requireActor(request), request.params.clsmId, request.query),
  );

  app.get(
    `${one}/minutes`,
    {
      schema: {
        tags,
        summary: "Le compte rendu d'une réunion, ses décisions et ses actions à suivre",
        params: meetingParams,
        response: { 200: minutesView },
      },
    },
    async (request) =>
      minutes.get(await requireActor(request), request.params.clsmId, request.params.meetingId),
  );

  app.put(
    `${one}/minutes`,
    {
      schema: {
        tags,
        summary: "Enregistrer le compte rendu (texte mis en forme : titres, listes, liens, gras, italique)",
        params: meetingParams,
        body: putMinutesBody,
        response: { 200: minutesView },
      },
    },
    async (request) =>
      minutes.save(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.body,
      ),
  );

  app.post(
    `${one}/minutes/share`,
    {
      schema: {
        tags,
        summary: "Partager le compte rendu avec les membres du CLSM",
        params: meetingParams,
        response: { 200: minutesView },
      },
    },
    async (request) =>
      minutes.share(await requireActor(request), request.params.clsmId, request.params.meetingId, true),
  );

  app.delete(
    `${one}/minutes/share`,
    {
      schema: {
        tags,
        summary: "Ne plus partager le compte rendu (la coordination seule le lit)",
        params: meetingParams,
        response: { 200: minutesView },
      },
    },
    async (request) =>
      minutes.share(await requireActor(request), request.params.clsmId, request.params.meetingId, false),
  );

  // ─── Decisions ────────────────────────────────────────────────────────────────────────────────────────
  app.post(
    `${one}/decisions`,
    {
      schema: {
        tags,
        summary: "Ajouter une décision",
        params: meetingParams,
        body: decisionBody,
        response: { 201: decision },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await minutes.addDecision(
            await requireActor(request),
            request.params.clsmId,
            request.params.meetingId,
            request.body,
          ),
        ),
  );

  app.patch(
    `${one}/decisions/:decisionId`,
    {
      schema: {
        tags,
        summary: "Modifier une décision",
        params: decisionParams,
        body: updateDecisionBody,
        response: { 200: decision },
      },
    },
    async (request) =>
      minutes.updateDecision(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.params.decisionId,
        request.body,
      ),
  );

  app.delete(
    `${one}/decisions/:decisionId`,
    { schema: { tags, summary: "Supprimer une décision", params: decisionParams } },
    async (request, reply) => {
      await minutes.removeDecision(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.params.decisionId,
      );
      return reply.status(204).send();
    },
  );

  // ─── Follow-ups ───────────────────────────────────────────────────────────────────────────────────────
  app.post(
    `${one}/follow-ups`,
    {
      schema: {
        tags,
        summary: "Ajouter une action à suivre (qui, pour quand)",
        params: meetingParams,
        body: followUpBody,
        response: { 201: followUp },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await followUps.create(
            await requireActor(request),
            request.params.clsmId,
            request.params.meetingId,
            request.body,
          ),
        ),
  );

  app.get(
    "/api/clsms/:clsmId/follow-ups",
    {
      schema: {
        tags,
        summary: "Les actions à suivre de toutes les réunions, par échéance (les retards d'abord)",
        params: clsmParams,
        querystring: followUpListQuery,
        response: { 200: followUpList },
      },
    },
    async (request) => followUps.list(await requireActor(request), request.params.clsmId, request.query),
  );

  app.patch(
    "/api/clsms/:clsmId/follow-ups/:followUpId",
    {
      schema: {
        tags,
        summary:
          "Modifier une action ; status « done » la clôt (qui et quand sont notés), « open » la rouvre",
        params: followUpParams,
        body: updateFollowUpBody,
        response: { 200: followUp },
      },
    },
    async (request) =>
      followUps.update(
        await requireActor(request),
        request.params.clsmId,
        request.params.followUpId,
        request.body,
      ),
  );

  app.delete(
    "/api/clsms/:clsmId/follow-ups/:followUpId",
    { schema: { tags, summary: "Supprimer une action", params: followUpParams } },
    async (request, reply) => {
      await followUps.remove(await requireActor(request), request.params.clsmId, request.params.followUpId);
      return reply.status(204).send();
    },
  );
}
