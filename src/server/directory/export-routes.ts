import type { FastifyInstance } from "fastify";
import { uuidParam } from "../../contracts/common";
import { exportQuery } from "../../contracts/directory-import";
import { z } from "../../contracts/zod";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { DirectoryExportService } from "./export/service";

export function directoryExportRoutes(
  parent: FastifyInstance,
  deps: { directoryExport: DirectoryExportService },
) {
  const app = zodApp(parent);
  app.get(
    "/api/clsms/:clsmId/directory/export",
    {
      schema: {
        tags: ["Annuaire"],
        summary: "Exporter l'annuaire (filtres de la liste des personnes) en CSV ou XLSX",
        params: z.object({ clsmId: uuidParam }),
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const file = await deps.directoryExport.export(
        await requireActor(request),
        request.params.clsmId,
        request.query,
      );
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .header("cache-control", "no-store")
        .send(file.body);
    },
  );
}
