import type { FastifyInstance } from "fastify";
import { Histogram } from "prom-client";
import { metricsRegistry } from "../observability/metrics-registry.ts";

const httpDuration = new Histogram({
  name: "goalpost_http_request_duration_seconds",
  help: "HTTP request duration by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  registers: [metricsRegistry],
});

/** Observes every response under its route pattern (never the raw URL, which would explode cardinality). */
export function installHttpMetrics(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
}
