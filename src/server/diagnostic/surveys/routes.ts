import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../../contracts/common";
import { surveyDefinition } from "../../../contracts/survey-definition";
import {
  createSurveyBody,
  surveyDetail,
  surveyList,
  surveyListQuery,
  surveyTemplate,
  surveyTemplateList,
  updateSurveyBody,
} from "../../../contracts/surveys";
import { z } from "../../../contracts/zod";
import { requireActor } from "../../platform/http";
import { zodApp } from "../../platform/routing";
import type { SurveysService } from "./service";

const clsmParams = z.object({ clsmId: uuidParam });
const surveyParams = clsmParams.extend({ surveyId: uuidParam });
// The template's id is its key ("perception-habitants").
const templateParams = z.object({ templateId: z.string().regex(/^[a-z0-9-]{1,60}$/, "Modèle inconnu.") });

export function surveysRoutes(parent: FastifyInstance, deps: { surveys: SurveysService }) {
  const app = zodApp(parent);
  const { surveys } = deps;
  const tags = ["Enquêtes"];
  const base = "/api/clsms/:clsmId/surveys";
  const one = `${base}/:surveyId`;

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "Les enquêtes du CLSM (les brouillons pour la coordination seulement)",
        params: clsmParams,
        querystring: surveyListQuery,
        response: { 200: surveyList },
      },
    },
    async (request) => surveys.list(await requireActor(request), request.params.clsmId, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Créer une enquête, vierge ou à partir d'un modèle",
        params: clsmParams,
        body: createSurveyBody,
        response: { 201: surveyDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await surveys.create(await requireActor(request), request.params.clsmId, request.body)),
  );

  app.get(
    one,
    {
      schema: {
        tags,
        summary: "Une enquête : réglages, questionnaire, état, nombre de réponses",
        params: surveyParams,
        response: { 200: surveyDetail },
      },
    },
    async (request) =>
      surveys.get(await requireActor(request), request.params.clsmId, request.params.surveyId),
  );

  app.patch(
    one,
    {
      schema: {
        tags,
        summary: "Modifier les réglages d'une enquête (titre, public, anonymat, dates, lien public)",
        params: surveyParams,
        body: updateSurveyBody,
        response: { 200: surveyDetail },
      },
    },
    async (request) =>
      surveys.update(
        await requireActor(request),
        request.params.clsmId,
        request.params.surveyId,
        request.body,
      ),
  );

  app.put(
    `${one}/definition`,
    {
      schema: {
        tags,
        summary: "Enregistrer le questionnaire (sections, questions, conditions)",
        description:
          "Une fois des réponses reçues, supprimer une question, un choix ou une ligne, ou changer le type d'une question est refusé (409).",
        params: surveyParams,
        body: surveyDefinition,
        response: { 200: surveyDetail },
      },
    },
    async (request) =>
      surveys.saveDefinition(
        await requireActor(request),
        request.params.clsmId,
        request.params.surveyId,
        request.body,
      ),
  );

  const actions = [
    ["duplicate", "Dupliquer une enquête (nouveau brouillon, sans réponses)", surveys.duplicate, 201],
    ["publish", "Publier une enquête", surveys.publish, 200],
    ["close", "Clore une enquête", surveys.close, 200],
    ["reopen", "Rouvrir une enquête close", surveys.reopen, 200],
  ] as const;
  for (const [action, summary, run, status] of actions) {
    app.post(
      `${one}/${action}`,
      { schema: { tags, summary, params: surveyParams, response: { [status]: surveyDetail } } },
      async (request, reply) =>
        reply
          .status(status)
          .send(await run(await requireActor(request), request.params.clsmId, request.params.surveyId)),
    );
  }

  app.delete(
    one,
    { schema: { tags, summary: "Supprimer une enquête sans réponses", params: surveyParams } },
    async (request, reply) => {
      await surveys.remove(await requireActor(request), request.params.clsmId, request.params.surveyId);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/survey-templates",
    {
      schema: {
        tags,
        summary: "Les modèles d'enquête fournis avec Maillage",
        response: { 200: surveyTemplateList },
      },
    },
    async (request) => {
      await requireActor(request);
      return surveys.templates();
    },
  );

  app.get(
    "/api/survey-templates/:templateId",
    {
      schema: {
        tags,
        summary: "Un modèle d'enquête et son questionnaire",
        params: templateParams,
        response: { 200: surveyTemplate },
      },
    },
    async (request) => {
      await requireActor(request);
      return surveys.template(request.params.templateId);
    },
  );
}
