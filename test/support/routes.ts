import type { FastifyInstance } from "fastify";

export interface RouteInfo {
  method: string;
  url: string;
  /** Whether the route declares a request body (read from the OpenAPI document built from the schemas). */
  hasBody: boolean;
}

/**
 * Every route the app serves, read from Fastify's own route tree (`printRoutes`), so a route added later
 * is picked up by the tests that iterate over routes. HEAD (added by Fastify for each GET) is left out.
 */
export function listRoutes(app: FastifyInstance): RouteInfo[] {
  const paths =
    (app.swagger() as { paths?: Record<string, Record<string, { requestBody?: unknown }>> }).paths ?? {};
  const declaresBody = (method: string, url: string) =>
    !!paths[url.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()]?.requestBody;
  const routes: RouteInfo[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([^)]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 4;
    stack.length = depth;
    stack.push(match[2] ?? "");
    const url = stack.join("");
    for (const method of (match[3] ?? "").split(", ").filter(Boolean)) {
      if (method !== "HEAD") routes.push({ method, url, hasBody: declaresBody(method, url) });
    }
  }
  return routes;
}
