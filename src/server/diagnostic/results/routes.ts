import type { FastifyInstance, FastifyReply } from "fastify";
import { uuidParam } from "../../../contracts/common";
import {
  answerTags,
  publication,
  publicationBody,
  resultsExportQuery,
  resultsQuery,
  surveyResults,
  tagBody,
  tagCounts,
  textAnswerList,
  textsQuery,
} from "../../../contracts/survey-results";
import { z } from "../../../contracts/zod";
import { requireActor } from "../../platform/http";
import { zodApp } from "../../platform/routing";
import type { ResultsService } from "./service";

const surveyParams = z.object({ clsmId: uuidParam, surveyId: uuidParam });
const responseParams = surveyParams.extend({ responseId: uuidParam });

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; body: unknown }) {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("cache-control", "no-store")
    .send(file.body);
}

export function surveyResultsRoutes(parent: FastifyInstance, deps: { surveyResults: ResultsService }) {
  const app = zodApp(parent);
  const results = deps.surveyResults;
  const tags = ["Diagnostic : résultats des enquêtes"];
  const base = "/api/clsms/:clsmId/surveys/:surveyId";

  app.get(
    `${base}/results`,
    {
      schema: {
        tags,
        summary:
          "Les résultats d'une enquête, question par question, croisés par une question (by) si demandé",
        params: surveyParams,
        querystring: resultsQuery,
        response: { 200: surveyResults },
      },
    },
    async (request) =>
      results.results(
        await requireActor(request),
        request.params.clsmId,
        request.params.surveyId,
        request.query,
      ),
  );

  app.get(
    `${base}/results/texts`,
    {
      schema: {
        tags,
        summary: "Les réponses en texte libre (et « Autre, précisez ») avec leurs étiquettes, page par page",
        params: surveyParams,
        querystring: textsQuery,
        response: { 200: textAnswerList },
      },
    },
    async (request) =>
      results.texts(
        await requireActor(request),
        request.params.clsmId,
        request.params.surveyId,
        request.query,
      ),
  );

  app.get(
    `${base}/results/tags`,
    {
      schema: {
        tags,
        summary: "Les étiquettes des textes libres et leur nombre, par question",
        params: surveyParams,
        response: { 200: tagCounts },
      },
    },
    async (request) =>
      results.tags(await requireActor(request), request.params.clsmId, request.params.surveyId),
  );

  app.post(
    `${base}/responses/:responseId/tags`,
    {
      schema: {
        tags,
        summary: "Étiqueter le texte libre d'une réponse (coordination)",
        params: responseParams,
        body: tagBody,
        response: { 200: answerTags },
      },
    },
    async (request) => {
      const { clsmId, surveyId, responseId } = request.params;
      return results.addTag(await requireActor(request), clsmId, surveyId, responseId, request.body);
    },
  );

  app.delete(
    `${base}/responses/:responseId/tags`,
    {
      schema: {
        tags,
        summary:
          "Retirer une étiquette du texte libre d'une réponse (coordination ; corps : questionId, tag)",
        params: responseParams,
        body: tagBody,
        response: { 200: answerTags },
      },
    },
    async (request) => {
      const { clsmId, surveyId, responseId } = request.params;
      return results.removeTag(await requireActor(request), clsmId, surveyId, responseId, request.body);
    },
  );

  app.get(
    `${base}/responses/export`,
    {
      schema: {
        tags,
        summary: "Exporter les réponses brutes (une ligne par réponse) en CSV ou XLSX (coordination)",
        params: surveyParams,
        querystring: resultsExportQuery,
      },
    },
    async (request, reply) => {
      const { clsmId, surveyId } = request.params;
      const file = await results.exportResponses(
        await requireActor(request),
        clsmId,
        surveyId,
        request.query.format,
      );
      return sendFile(reply, file);
    },
  );

  app.get(
    `${base}/results/export`,
    {
      schema: {
        tags,
        summary: "Exporter la synthèse des résultats (question, réponse, nombre, %) en CSV ou XLSX",
        params: surveyParams,
        querystring: resultsExportQuery,
      },
    },
    async (request, reply) => {
      const { clsmId, surveyId } = request.params;
      const file = await results.exportSummary(
        await requireActor(request),
        clsmId,
        surveyId,
        request.query.format,
      );
      return sendFile(reply, file);
    },
  );

  app.put(
    `${base}/results/publication`,
    {
      schema: {
        tags,
        summary: "Publier les résultats pour les membres du CLSM, ou les réserver à la coordination",
        params: surveyParams,
        body: publicationBody,
        response: { 200: publication },
      },
    },
    async (request) =>
      results.setPublication(
        await requireActor(request),
        request.params.clsmId,
        request.params.surveyId,
        request.body.published,
      ),
  );
}
