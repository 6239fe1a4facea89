import type { FastifyServerOptions } from "fastify";

/** Pino options: request ids on every line, and no secret (cookies, passwords, tokens) ever written. */
export function loggerOptions(level: string): FastifyServerOptions["logger"] {
  return {
    level,
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        'res.headers["set-cookie"]',
        "*.password",
        "*.token",
        "*.newPassword",
      ],
      censor: "[masqué]",
    },
    serializers: {
      req(request) {
        // Query strings may carry one-time tokens (magic links, password resets): log the path only.
        return { method: request.method, url: request.url.split("?")[0], reqId: request.id };
      },
    },
  };
}
