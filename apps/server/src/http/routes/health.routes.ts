import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { metricsRegistry } from "../../observability/metrics-registry.ts";
import { assertMayReadMetrics } from "../metrics-access.ts";

/** Liveness, readiness and Prometheus metrics (outside `/api`, for load balancers and scrapers). */
export function healthRoutes(deps: {
  checks: Record<string, () => Promise<boolean>>;
  /** `METRICS_TOKEN`: see {@link assertMayReadMetrics}. */
  metricsToken?: string | undefined;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/healthz",
      {
        schema: {
          tags: ["ops"],
          summary: "The process is up",
          response: { 200: z.object({ status: z.literal("ok") }) },
        },
      },
      async () => ({ status: "ok" as const }),
    );
    const readySchema = z.object({
      status: z.enum(["ready", "not_ready"]),
      checks: z.record(z.string(), z.boolean()),
    });
    app.get(
      "/readyz",
      {
        schema: {
          tags: ["ops"],
          summary: "The database and the job queue answer",
          response: { 200: readySchema, 503: readySchema },
        },
      },
      async (_request, reply) => {
        const entries = await Promise.all(
          Object.entries(deps.checks).map(
            async ([name, check]) => [name, await check().catch(() => false)] as const,
          ),
        );
        const checks = Object.fromEntries(entries);
        const ready = entries.every(([, ok]) => ok);
        return reply.status(ready ? 200 : 503).send({ status: ready ? "ready" : "not_ready", checks });
      },
    );
    app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
      assertMayReadMetrics(request, deps.metricsToken);
      reply.header("content-type", metricsRegistry.contentType);
      return metricsRegistry.metrics();
    });
  };
}
