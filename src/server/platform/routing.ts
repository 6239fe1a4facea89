import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";

/** Routes declare zod contracts: validation, serialisation and the OpenAPI document come from them. */
export const zodApp = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
export type ZodApp = ReturnType<typeof zodApp>;
