import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../contracts/common";
import {
  calendarFeedStatus,
  rsvpBody,
  rsvpView,
  sendConvocationsBody,
  sendConvocationsResult,
} from "../../contracts/meetings-convocations";
import { z } from "../../contracts/zod";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { ConvocationsService } from "./convocations";
import type { FeedsService } from "./feeds";
import type { RsvpService } from "./rsvp";

const clsmParams = z.object({ clsmId: uuidParam });
const meetingParams = clsmParams.extend({ meetingId: uuidParam });
/** Public tokens are checked by the services (any malformed one is an unknown one: 404). */
const tokenParams = z.object({ token: z.string().max(200) });

export function convocationsRoutes(
  parent: FastifyInstance,
  deps: {
    convocations: ConvocationsService;
    rsvp: RsvpService;
    feeds: FeedsService;
    /** Per-client limit of the public routes (the answer links), as for sign-in. */
    publicRateLimit: { max: number; timeWindow: string };
  },
) {
  const app = zodApp(parent);
  const { convocations, rsvp, feeds } = deps;
  const limited = { rateLimit: deps.publicRateLimit };
  // Calendar applications poll feeds, several users behind one address (a calendar provider): a wider limit.
  const feedLimited = { rateLimit: { ...deps.publicRateLimit, max: deps.publicRateLimit.max * 5 } };

  app.post(
    "/api/clsms/:clsmId/meetings/:meetingId/convocations",
    {
      schema: {
        tags: ["Réunions"],
        summary:
          "Envoyer les convocations (à tous, ou aux invités pas encore convoqués pour la version actuelle : la mise à jour)",
        params: meetingParams,
        body: sendConvocationsBody,
        response: { 200: sendConvocationsResult },
      },
    },
    async (request) =>
      convocations.send(
        await requireActor(request),
        request.params.clsmId,
        request.params.meetingId,
        request.body,
      ),
  );

  // ─── Answer without an account ────────────────────────────────────────────────────────────────────────
  const rsvpTags = ["Réponse aux invitations"];
  app.get(
    "/api/rsvp/:token",
    {
      config: limited,
      schema: {
        tags: rsvpTags,
        summary: "La réunion et la réponse d'un invité (lien reçu par e-mail, sans compte)",
        params: tokenParams,
        response: { 200: rsvpView },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return rsvp.get(request.params.token);
    },
  );

  app.post(
    "/api/rsvp/:token",
    {
      config: limited,
      schema: {
        tags: rsvpTags,
        summary: "Répondre à une invitation (présent, absent, peut-être ; qui vient à sa place)",
        params: tokenParams,
        body: rsvpBody,
        response: { 200: rsvpView },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return rsvp.answer(request.params.token, request.body);
    },
  );

  // ─── Calendar feeds ───────────────────────────────────────────────────────────────────────────────────
  const feedTags = ["Agendas"];
  const clsmFeed = "/api/clsms/:clsmId/calendar-feed";
  app.get(
    clsmFeed,
    {
      schema: {
        tags: feedTags,
        summary: "Mon lien d'abonnement aux réunions de ce CLSM : existe-t-il ?",
        params: clsmParams,
        response: { 200: calendarFeedStatus },
      },
    },
    async (request) => feeds.clsmFeed(await requireActor(request), request.params.clsmId),
  );
  app.post(
    clsmFeed,
    {
      schema: {
        tags: feedTags,
        summary:
          "Créer (ou remplacer) mon lien d'abonnement aux réunions de ce CLSM ; il n'est montré qu'ici",
        params: clsmParams,
        response: { 201: calendarFeedStatus },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await feeds.createClsmFeed(await requireActor(request), request.params.clsmId)),
  );
  app.delete(
    clsmFeed,
    { schema: { tags: feedTags, summary: "Désactiver mon lien d'abonnement à ce CLSM", params: clsmParams } },
    async (request, reply) => {
      await feeds.revokeClsmFeed(await requireActor(request), request.params.clsmId);
      return reply.status(204).send();
    },
  );

  const personalFeed = "/api/me/calendar-feed";
  app.get(
    personalFeed,
    {
      schema: {
        tags: feedTags,
        summary: "Mon lien d'abonnement à mes réunions (tous mes CLSM) : existe-t-il ?",
        response: { 200: calendarFeedStatus },
      },
    },
    async (request) => feeds.personalFeed(await requireActor(request)),
  );
  app.post(
    personalFeed,
    {
      schema: {
        tags: feedTags,
        summary: "Créer (ou remplacer) mon lien d'abonnement à mes réunions ; il n'est montré qu'ici",
        response: { 201: calendarFeedStatus },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await feeds.createPersonalFeed(await requireActor(request))),
  );
  app.delete(
    personalFeed,
    { schema: { tags: feedTags, summary: "Désactiver mon lien d'abonnement à mes réunions" } },
    async (request, reply) => {
      await feeds.revokePersonalFeed(await requireActor(request));
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/calendar/:token.ics",
    {
      config: feedLimited,
      schema: {
        tags: feedTags,
        summary: "Un agenda à s'abonner (iCalendar), par son lien privé",
        params: tokenParams,
        produces: ["text/calendar"],
      },
    },
    async (request, reply) => {
      const body = await feeds.ics(request.params.token);
      return reply
        .header("content-type", "text/calendar; charset=utf-8")
        .header("cache-control", "private, max-age=300")
        .header("content-disposition", 'inline; filename="reunions.ics"')
        .send(body);
    },
  );
}
