import autocannon from "autocannon";
import type { LoadOptions, LoadResult } from "./load";

// Runs in its own process (forked by load.ts), so the load generator never shares an event loop with the
// servers it measures. Receives one scenario, sends back the figures, exits.

process.once("message", async (options: LoadOptions) => {
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.duration,
    headers: options.headers,
    // Each connection walks through the paths in turn (one path = the same request again and again).
    requests: options.paths.map((path) => ({ method: "GET" as const, path })),
  });
  const summary: LoadResult = {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    p90: result.latency.p90,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
    ),
  };
  process.send?.(summary, () => process.exit(0));
});
