import type { FastifyInstance, FastifyRequest } from "fastify";
import { okBody, uuidParam } from "../../../contracts/common";
import {
  addInvitationsBody,
  addInvitationsResult,
  invitationList,
  invitationListQuery,
  publicSurvey,
  sendInvitationsBody,
  sendInvitationsResult,
  surveyAnswerBody,
} from "../../../contracts/survey-answers";
import { z } from "../../../contracts/zod";
import { AppError } from "../../platform/errors";
import { requireActor } from "../../platform/http";
import { zodApp } from "../../platform/routing";
import type { InvitationsService } from "./invitations";
import { answeringMessages as m } from "./messages";
import type { AnsweringService } from "./service";

const tokenParams = z.object({ token: z.string().max(200) });
const surveyParams = z.object({ clsmId: uuidParam, surveyId: uuidParam });
const invitationParams = surveyParams.extend({ invitationId: uuidParam });

/** An answer is a few kilobytes; 64 kB leaves room for long texts and stops anything bigger before it is read. */
export const ANSWER_BODY_LIMIT = 64 * 1024;

export function answeringRoutes(
  parent: FastifyInstance,
  deps: {
    answering: AnsweringService;
    surveyInvitations: InvitationsService;
    /** Per-client limit of the public routes, as for sign-in: answers per minute from one address. */
    publicRateLimit: { max: number; timeWindow: string };
  },
) {
  const app = zodApp(parent);
  const { answering, surveyInvitations: invitations } = deps;
  const { max } = deps.publicRateLimit;

  // Reading the page: as often as a room of people opening the link from one address may need.
  const viewLimited = { rateLimit: { ...deps.publicRateLimit, max: max * 5 } };
  // Answering: the per-minute limit, and a burst limit so that a script cannot post a minute's worth at once.
  const tooMany = (ttlMs: number) =>
    new AppError(429, "TOO_MANY_REQUESTS", m.tooManyAnswers(Math.max(1, Math.ceil(ttlMs / 1000))));
  const answerLimited = {
    rateLimit: {
      ...deps.publicRateLimit,
      errorResponseBuilder: (_: unknown, c: { ttl: number }) => tooMany(c.ttl),
    },
  };
  const burst = parent.createRateLimit({ max: Math.max(2, Math.ceil(max / 4)), timeWindow: "10 seconds" });
  const burstLimit = async (request: FastifyRequest) => {
    const limit = await burst(request);
    if (!limit.isAllowed && limit.isExceeded) throw tooMany(limit.ttl);
  };
  const noStore = { "cache-control": "no-store" };

  const publicTags = ["Questionnaires (réponses sans compte)"];
  app.get(
    "/api/public/surveys/:token",
    {
      config: viewLimited,
      schema: {
        tags: publicTags,
        summary: "Un questionnaire par son lien public : ce que la page de réponse affiche",
        params: tokenParams,
        response: { 200: publicSurvey },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return answering.get(request.params.token);
    },
  );
  app.post(
    "/api/public/surveys/:token/responses",
    {
      config: answerLimited,
      bodyLimit: ANSWER_BODY_LIMIT,
      onRequest: burstLimit,
      schema: {
        tags: publicTags,
        summary: "Répondre par le lien public (une réponse par navigateur ; anonyme : le jour seulement)",
        params: tokenParams,
        body: surveyAnswerBody,
        response: { 201: okBody },
      },
    },
    async (request, reply) => {
      await answering.answer(request.params.token, request.body);
      return reply.status(201).headers(noStore).send({ ok: true });
    },
  );
  app.get(
    "/api/public/survey-invitations/:token",
    {
      config: viewLimited,
      schema: {
        tags: publicTags,
        summary: "Un questionnaire par un lien personnel (invitation reçue par e-mail)",
        params: tokenParams,
        response: { 200: publicSurvey },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return answering.invitation(request.params.token);
    },
  );
  app.post(
    "/api/public/survey-invitations/:token/responses",
    {
      config: answerLimited,
      bodyLimit: ANSWER_BODY_LIMIT,
      onRequest: burstLimit,
      schema: {
        tags: publicTags,
        summary: "Répondre par un lien personnel (une réponse par invitation)",
        params: tokenParams,
        body: surveyAnswerBody,
        response: { 201: okBody },
      },
    },
    async (request, reply) => {
      await answering.answerInvitation(request.params.token, request.body);
      return reply.status(201).headers(noStore).send({ ok: true });
    },
  );

  // ─── Invitations (the coordination) ───────────────────────────────────────────────────────────────────
  const tags = ["Diagnostic : diffusion des enquêtes"];
  const base = "/api/clsms/:clsmId/surveys/:surveyId/invitations";
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Les invitations d'une enquête (liens personnels) : statut, nombres",
        params: surveyParams,
        querystring: invitationListQuery,
        response: { 200: invitationList },
      },
    },
    async (request) => {
      const { clsmId, surveyId } = request.params;
      return invitations.list(await requireActor(request), clsmId, surveyId, request.query);
    },
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Inviter des personnes de l'annuaire, ou les membres actuels d'une instance",
        params: surveyParams,
        body: addInvitationsBody,
        response: { 200: addInvitationsResult },
      },
    },
    async (request) => {
      const { clsmId, surveyId } = request.params;
      return invitations.add(await requireActor(request), clsmId, surveyId, request.body);
    },
  );
  app.post(
    `${base}/send`,
    {
      schema: {
        tags,
        summary: "Envoyer les invitations pas encore envoyées (un e-mail avec le lien personnel)",
        params: surveyParams,
        body: sendInvitationsBody,
        response: { 200: sendInvitationsResult },
      },
    },
    async (request) => {
      const { clsmId, surveyId } = request.params;
      return invitations.send(await requireActor(request), clsmId, surveyId, request.body);
    },
  );
  app.post(
    `${base}/remind`,
    {
      schema: {
        tags,
        summary: "Relancer les personnes invitées qui n'ont pas encore répondu",
        params: surveyParams,
        body: sendInvitationsBody,
        response: { 200: sendInvitationsResult },
      },
    },
    async (request) => {
      const { clsmId, surveyId } = request.params;
      return invitations.remind(await requireActor(request), clsmId, surveyId, request.body);
    },
  );
  app.delete(
    `${base}/:invitationId`,
    {
      schema: {
        tags,
        summary: "Retirer une invitation sans réponse (son lien cesse de fonctionner)",
        params: invitationParams,
      },
    },
    async (request, reply) => {
      const { clsmId, surveyId, invitationId } = request.params;
      await invitations.remove(await requireActor(request), clsmId, surveyId, invitationId);
      return reply.status(204).send();
    },
  );
}
