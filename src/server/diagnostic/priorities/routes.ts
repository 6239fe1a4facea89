import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../../contracts/common";
import {
  ballotBody,
  candidateBody,
  chosenPriorityList,
  chosenPriorityQuery,
  consultationDetail,
  consultationList,
  consultationListQuery,
  createConsultationBody,
  myBallot,
  openConsultationBody,
  orderCandidatesBody,
  updateCandidateBody,
  updateConsultationBody,
} from "../../../contracts/diagnostic-priorities";
import { z } from "../../../contracts/zod";
import { requireActor } from "../../platform/http";
import { zodApp } from "../../platform/routing";
import type { PrioritiesService } from "./service";

const clsmParams = z.object({ clsmId: uuidParam });
const consultationParams = clsmParams.extend({ consultationId: uuidParam });
const candidateParams = consultationParams.extend({ candidateId: uuidParam });

export function prioritiesRoutes(parent: FastifyInstance, deps: { priorities: PrioritiesService }) {
  const app = zodApp(parent);
  const { priorities } = deps;
  const tags = ["Diagnostic : priorités"];
  const base = "/api/clsms/:clsmId/diagnostic/priorities";
  const one = `${base}/:consultationId`;
  const candidate = `${one}/candidates/:candidateId`;

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Les consultations sur les priorités du CLSM",
        params: clsmParams,
        querystring: consultationListQuery,
        response: { 200: consultationList },
      },
    },
    async (request) => priorities.list(await requireActor(request), request.params.clsmId, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Créer une consultation (vote par gommettes ou classement)",
        params: clsmParams,
        body: createConsultationBody,
        response: { 201: consultationDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await priorities.create(await requireActor(request), request.params.clsmId, request.body)),
  );

  // A static segment: declared with the others, it wins over /:consultationId.
  app.get(
    `${base}/chosen`,
    {
      schema: {
        tags,
        summary: "Les priorités retenues par le CLSM, toutes consultations confondues",
        params: clsmParams,
        querystring: chosenPriorityQuery,
        response: { 200: chosenPriorityList },
      },
    },
    async (request) => priorities.chosen(await requireActor(request), request.params.clsmId, request.query),
  );

  app.get(
    one,
    {
      schema: {
        tags,
        summary: "Une consultation, ses propositions et, une fois clôturée, ses résultats",
        params: consultationParams,
        response: { 200: consultationDetail },
      },
    },
    async (request) =>
      priorities.get(await requireActor(request), request.params.clsmId, request.params.consultationId),
  );

  app.patch(
    one,
    {
      schema: {
        tags,
        summary: "Modifier une consultation en préparation",
        params: consultationParams,
        body: updateConsultationBody,
        response: { 200: consultationDetail },
      },
    },
    async (request) =>
      priorities.update(
        await requireActor(request),
        request.params.clsmId,
        request.params.consultationId,
        request.body,
      ),
  );

  app.delete(
    one,
    { schema: { tags, summary: "Supprimer une consultation en préparation", params: consultationParams } },
    async (request, reply) => {
      await priorities.remove(
        await requireActor(request),
        request.params.clsmId,
        request.params.consultationId,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    `${one}/candidates`,
    {
      schema: {
        tags,
        summary: "Ajouter une proposition de priorité",
        params: consultationParams,
        body: candidateBody,
        response: { 201: consultationDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await priorities.addCandidate(
            await requireActor(request),
            request.params.clsmId,
            request.params.consultationId,
            request.body,
          ),
        ),
  );

  app.put(
    `${one}/candidates/order`,
    {
      schema: {
        tags,
        summary: "Réordonner les propositions",
        params: consultationParams,
        body: orderCandidatesBody,
        response: { 200: consultationDetail },
      },
    },
    async (request) =>
      priorities.orderCandidates(
        await requireActor(request),
        request.params.clsmId,
        request.params.consultationId,
        request.body.ids,
      ),
  );

  app.patch(
    candidate,
    {
      schema: {
        tags,
        summary: "Modifier une proposition",
        params: candidateParams,
        body: updateCandidateBody,
        response: { 200: consultationDetail },
      },
    },
    async (request) =>
      priorities.updateCandidate(
        await requireActor(request),
        request.params.clsmId,
        request.params.consultationId,
        request.params.candidateId,
        request.body,
      ),
  );

  app.delete(
    candidate,
    {
      schema: {
        tags,
        summary: "Retirer une proposition",
        params: candidateParams,
        response: { 200: consultationDetail },
      },
    },
    async (request) =>
      priorities.removeCandidate(
        await requireActor(request),
        request.params.clsmId,
        request.params.consultationId,
        request.params.candidateId,
      ),
  );

  app.post(
    `${one}/open`,
    {
      schema: {
        tags,
        summary: "Ouvrir le vote (au moins deux propositions ; clôture automatique facultative)",
        params: consultationParams,
        body: openConsultationBody,
        response: { 200: consultationDetail },
      },
    },
    async (request) =>
      priorities.open(
        await requireActor(request),
        request.params.clsmId,
        request.params.consultationId,
        request.body ?? {},
      ),
  );

  app.post(
    `${one}/close`,
    {
      schema: {
        tags,
        summary: "Clôturer le vote : les résultats deviennent visibles",
        params: consultationParams,
        response: { 200: consultationDetail },
      },
    },
    async (request) =>
      priorities.close(await requireActor(request), request.params.clsmId, request.params.consultationId),
  );

  app.get(
    `${one}/ballot`,
    {
      schema: {
        tags,
        summary: "Mon bulletin dans cette consultation",
        params: consultationParams,
        response: { 200: myBallot },
      },
    },
    async (request) =>
      priorities.myBallot(await requireActor(request), request.params.clsmId, request.params.consultationId),
  );

  app.put(
    `${one}/ballot`,
    {
      schema: {
        tags,
        summary: "Voter ou remplacer mon bulletin (membres du CLSM, vote ouvert)",
        params: consultationParams,
        body: ballotBody,
        response: { 200: myBallot },
      },
    },
    async (request) =>
      priorities.vote(
        await requireActor(request),
        request.params.clsmId,
        request.params.consultationId,
        request.body,
      ),
  );

  for (const [action, summary] of [
    ["choose", "Retenir une proposition comme priorité du CLSM"],
    ["unchoose", "Ne plus retenir une proposition"],
  ] as const) {
    app.post(
      `${candidate}/${action}`,
      { schema: { tags, summary, params: candidateParams, response: { 200: consultationDetail } } },
      async (request) =>
        priorities[action](
          await requireActor(request),
          request.params.clsmId,
          request.params.consultationId,
          request.params.candidateId,
        ),
    );
  }
}
