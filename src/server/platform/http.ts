import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorBody } from "../../contracts/common";
import type { Actor } from "./access";
import { toFetchHeaders } from "./auth";
import { AppError, unauthorized } from "./errors";
import { messages } from "./messages";

declare module "fastify" {
  interface FastifyRequest {
    actorPromise?: Promise<Actor | undefined>;
    /** Session cookies renewed by the auth library while it read the session, sent with the response. */
    renewedCookies?: string[];
  }
}

export type ActorResolver = (headers: Headers) => Promise<{ actor: Actor | undefined; setCookies: string[] }>;

/** The signed-in person, resolved once per request; 401 when there is none. */
export async function requireActor(request: FastifyRequest): Promise<Actor> {
  const resolve = request.server.resolveActor;
  request.actorPromise ??= resolve(toFetchHeaders(request.headers)).then(({ actor, setCookies }) => {
    request.renewedCookies = setCookies;
    return actor;
  });
  const actor = await request.actorPromise;
  if (!actor) throw unauthorized();
  return actor;
}

/**
 * Sessions are extended by use: the renewed cookie is sent back, or the browser would drop it 14 days after
 * sign-in however active the person is. A response that sets cookies itself (sign-out) keeps its own.
 */
export function installSessionRenewal(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.renewedCookies?.length && !reply.hasHeader("set-cookie")) {
      for (const cookie of request.renewedCookies) reply.header("set-cookie", cookie);
    }
    return payload;
  });
}

declare module "fastify" {
  interface FastifyInstance {
    resolveActor: ActorResolver;
  }
}

const send = (reply: FastifyReply, status: number, body: ErrorBody) => reply.status(status).send(body);

/** Zod issue paths ("territory.communeCodes.0") → one French message per field. */
function fieldsOf(error: FastifyError): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!hasZodFastifySchemaValidationErrors(error)) return fields;
  for (const issue of error.validation) {
    const key = issue.instancePath.replace(/^\//, "").replaceAll("/", ".") || "(corps)";
    fields[key] ??= issue.message ?? messages.validation;
  }
  return fields;
}

/** A PostgreSQL unique violation (23505), possibly wrapped by Drizzle as the cause of its own error. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode === 429)
        reply.header("retry-after", /(\d+) seconde/.exec(error.message)?.[1] ?? "60");
      return send(reply, error.statusCode, {
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(reply, 400, {
        error: { code: "VALIDATION", message: messages.validation, fields: fieldsOf(error) },
      });
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return send(reply, 400, { error: { code: "INVALID_JSON", message: messages.invalidJson } });
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return send(reply, 413, { error: { code: "BODY_TOO_LARGE", message: messages.bodyTooLarge } });
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return send(reply, 415, {
          error: { code: "UNSUPPORTED_MEDIA_TYPE", message: messages.unsupportedMediaType },
        });
    }
    if (isUniqueViolation(error)) {
      // Two requests created the same thing at once and the database refused the second: a conflict, not a crash.
      return send(reply, 409, { error: { code: "CONFLICT", message: messages.concurrentChange } });
    }
    if (error.statusCode === 429) {
      return send(reply, 429, { error: { code: "TOO_MANY_REQUESTS", message: messages.tooManyRequests } });
    }
    if (
      error instanceof SyntaxError ||
      (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    ) {
      return send(reply, error.statusCode ?? 400, {
        error: { code: "BAD_REQUEST", message: messages.validation },
      });
    }
    request.log.error({ err: error }, "unhandled error");
    return send(reply, 500, { error: { code: "INTERNAL", message: messages.internal } });
  });
}
