import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../../contracts/common";
import { diagnosticPage, diagnosticPageBody } from "../../../contracts/diagnostic-page";
import { z } from "../../../contracts/zod";
import { requireActor } from "../../platform/http";
import { zodApp } from "../../platform/routing";
import { DOCX_TYPE } from "./docx-kit";
import type { DiagnosticPageService } from "./service";

const clsmParams = z.object({ clsmId: uuidParam });

export function diagnosticPageRoutes(
  parent: FastifyInstance,
  deps: { diagnosticPage: DiagnosticPageService },
) {
  const app = zodApp(parent);
  const page = deps.diagnosticPage;
  const tags = ["Diagnostic : synthèse"];

  app.get(
    "/api/clsms/:clsmId/diagnostic",
    {
      schema: {
        tags,
        summary:
          "La page du diagnostic partagé : territoire, enquêtes, besoins et ressources, chiffres, priorités, avis",
        params: clsmParams,
        response: { 200: diagnosticPage },
      },
    },
    async (request) => page.get(await requireActor(request), request.params.clsmId),
  );

  app.put(
    "/api/clsms/:clsmId/diagnostic/page",
    {
      schema: {
        tags,
        summary: "Écrire l'introduction et la conclusion, choisir les enquêtes présentées",
        params: clsmParams,
        body: diagnosticPageBody,
        response: { 200: diagnosticPage },
      },
    },
    async (request) => page.save(await requireActor(request), request.params.clsmId, request.body),
  );

  app.get(
    "/api/clsms/:clsmId/diagnostic/export.docx",
    { schema: { tags, summary: "La page du diagnostic en document Word (DOCX)", params: clsmParams } },
    async (request, reply) => {
      const file = await page.docx(await requireActor(request), request.params.clsmId);
      return reply
        .header("content-type", DOCX_TYPE)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("cache-control", "private, no-store")
        .send(file.content);
    },
  );
}
