import type { FastifyInstance } from "fastify";
import {
  epciCode,
  epciDetail,
  regionList,
  territorySearchQuery,
  territorySearchResult,
} from "../../contracts/territory";
import { z } from "../../contracts/zod";
import { requireActor } from "../platform/http";
import { zodApp } from "../platform/routing";
import type { TerritoryService } from "./service";

export function territoryRoutes(parent: FastifyInstance, deps: { territory: TerritoryService }) {
  const app = zodApp(parent);
  const { territory } = deps;
  const tags = ["Territoires"];

  app.get(
    "/api/territory/search",
    {
      schema: {
        tags,
        summary: "Chercher une commune ou un EPCI (nom, code INSEE, code postal, SIREN)",
        querystring: territorySearchQuery,
        response: { 200: territorySearchResult },
      },
    },
    async (request) => {
      await requireActor(request);
      return { items: await territory.search(request.query.q, request.query.limit) };
    },
  );

  app.get(
    "/api/territory/epci/:code",
    {
      schema: {
        tags,
        summary: "Un EPCI et ses communes membres",
        params: z.object({ code: epciCode }),
        response: { 200: epciDetail },
      },
    },
    async (request) => {
      await requireActor(request);
      return territory.epciDetail(request.params.code);
    },
  );

  app.get(
    "/api/territory/regions",
    { schema: { tags, summary: "Les régions", response: { 200: regionList } } },
    async (request) => {
      await requireActor(request);
      return { items: await territory.regions() };
    },
  );
}
