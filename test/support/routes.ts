import type { FastifyInstance } from "fastify";

export interface RouteInfo {
  method: string;
  url: string;
}

/**
 * Every route the app serves, read from Fastify's own route tree (`printRoutes`), so a route added later
 * is picked up by the tests that iterate over routes. HEAD (added by Fastify for each GET) is left out.
 */
export function listRoutes(app: FastifyInstance): RouteInfo[] {
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
      if (method !== "HEAD") routes.push({ method, url });
    }
  }
  return routes;
}
