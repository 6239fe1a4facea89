import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../../contracts/common";
import {
  createFigureBody,
  figureItem,
  figureList,
  figureListQuery,
  updateFigureBody,
} from "../../../contracts/diagnostic-figures";
import { z } from "../../../contracts/zod";
import { requireActor } from "../../platform/http";
import { zodApp } from "../../platform/routing";
import type { FiguresService } from "./service";

const clsmParams = z.object({ clsmId: uuidParam });
const figureParams = clsmParams.extend({ figureId: uuidParam });

export function diagnosticFiguresRoutes(
  parent: FastifyInstance,
  deps: { diagnosticFigures: FiguresService },
) {
  const app = zodApp(parent);
  const service = deps.diagnosticFigures;
  const tags = ["Diagnostic : chiffres du territoire"];
  const base = "/api/clsms/:clsmId/diagnostic/figures";

  app.get(
    base,
    {
      schema: {
        tags,
        summary:
          "La population officielle du territoire et de ses communes, et les chiffres ajoutés par le CLSM",
        params: clsmParams,
        querystring: figureListQuery,
        response: { 200: figureList },
      },
    },
    async (request) => service.list(await requireActor(request), request.params.clsmId, request.query),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: "Ajouter un chiffre (avec sa source)",
        params: clsmParams,
        body: createFigureBody,
        response: { 201: figureItem },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.create(await requireActor(request), request.params.clsmId, request.body)),
  );

  app.patch(
    `${base}/:figureId`,
    {
      schema: {
        tags,
        summary: "Modifier un chiffre",
        params: figureParams,
        body: updateFigureBody,
        response: { 200: figureItem },
      },
    },
    async (request) =>
      service.update(
        await requireActor(request),
        request.params.clsmId,
        request.params.figureId,
        request.body,
      ),
  );

  app.delete(
    `${base}/:figureId`,
    { schema: { tags, summary: "Supprimer un chiffre", params: figureParams } },
    async (request, reply) => {
      await service.remove(await requireActor(request), request.params.clsmId, request.params.figureId);
      return reply.status(204).send();
    },
  );
}
