import type { FastifyServerOptions } from "fastify";
import type { DestinationStream } from "pino";

// Database errors carry the values of the failed query (Drizzle puts them in the message, the drivers in a
// `params` property): tokens, mail bodies, e-mail addresses. They are cut before anything is logged or stored.
const QUERY_PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/;
/** Error properties worth logging; others (a driver's `detail`, `where`, `params`…) may quote data. */
const SAFE_ERROR_PROPERTIES = [
  "code",
  "statusCode",
  "severity",
  "constraint",
  "table",
  "column",
  "routine",
  "query",
];

/** An error's text without the values of a failed query. */
export const scrubText = (text: string) => text.replace(QUERY_PARAMS, "\nparams: [masqué]");

/** The error's message, safe to log or to store (e.g. as a job's or a mail's last error). */
export const errorMessage = (err: unknown) => scrubText(err instanceof Error ? err.message : String(err));

/** An error as a plain object for the logs: type, message, stack, safe properties and cause, never query values. */
export function scrubError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return typeof err === "string" ? scrubText(err) : { type: typeof err };
  const record = err as unknown as Record<string, unknown>;
  const safe: Record<string, unknown> = { type: err.name, message: scrubText(err.message) };
  if (err.stack) safe.stack = scrubText(err.stack);
  for (const key of SAFE_ERROR_PROPERTIES) {
    const value = record[key];
    if (typeof value === "string" || typeof value === "number") safe[key] = value;
  }
  if (err.cause !== undefined && depth < 3) safe.cause = scrubError(err.cause, depth + 1);
  return safe;
}

/** Pino options: request ids on every line, and no secret (cookies, passwords, tokens) ever written. */
export function loggerOptions(level: string, stream?: DestinationStream): FastifyServerOptions["logger"] {
  return {
    level,
    ...(stream ? { stream } : {}),
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
      err: (err) => scrubError(err) as { type: string; message: string; stack: string },
    },
  };
}
