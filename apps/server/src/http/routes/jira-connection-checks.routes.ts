import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkJql } from "../../jira-connections/check-jql.ts";
import type { ConnectionDeps } from "../../jira-connections/connection-deps.ts";
import { getConnectionFields } from "../../jira-connections/get-connection-fields.ts";
import { testConnection } from "../../jira-connections/test-connection.ts";
import type { JobQueue } from "../../jobs/job-queue.ts";
import { commonErrorResponses, jiraErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { connectionParams, deploymentSchema, discoveredFieldSchema } from "./jira-schemas.ts";
import { MAX_JQL_LENGTH, measureSchema, metricSchema } from "./okr-schemas.ts";

const errorResponses = { ...commonErrorResponses, ...jiraErrorResponses };

/** What a connection can tell about its Jira site: a live test, field discovery, JQL checks. */
export function jiraConnectionCheckRoutes(deps: ConnectionDeps & { queue: JobQueue }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/v1/jira/connections/:id/test",
      {
        schema: {
          tags: ["jira"],
          summary:
            "Test a connection against Jira now (/myself, /serverInfo); when it works, a broken connection is healed and synced at once",
          params: connectionParams,
          response: {
            200: z.object({
              ok: z.literal(true),
              account: z.object({ accountId: z.string(), displayName: z.string() }),
              serverTitle: z.string().nullable(),
              deployment: deploymentSchema.meta({
                description:
                  "What the site said it is (serverInfo.deploymentType): cloud, or dataCenter for Server/Data Center",
              }),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        testConnection(deps, { id: request.params.id, userId: requireCaller(request).user.id }),
    );
    app.get(
      "/api/v1/jira/connections/:id/fields",
      {
        schema: {
          tags: ["jira"],
          summary: "Fields the site offers as metrics: story points and numeric custom fields (cached)",
          params: connectionParams,
          querystring: z
            .object({
              refresh: z
                .enum(["true", "false"])
                .default("false")
                .transform((value) => value === "true")
                .meta({ description: "Re-read the fields from Jira instead of the cache" }),
            })
            .strict(),
          response: {
            200: z.object({
              storyPointFields: z.array(discoveredFieldSchema),
              numericFields: z.array(discoveredFieldSchema),
              fetchedAt: z.date(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        getConnectionFields(deps, {
          id: request.params.id,
          userId: requireCaller(request).user.id,
          refresh: request.query.refresh,
        }),
    );
    app.post(
      "/api/v1/jira/connections/:id/jql/check",
      {
        schema: {
          tags: ["jira"],
          summary: "Check a JQL query with Jira's own validation; count and preview its matches",
          params: connectionParams,
          body: z
            .object({
              jql: z.string().trim().min(1, "required").max(MAX_JQL_LENGTH),
              metric: metricSchema
                .optional()
                .meta({ description: "Also compute the value this metric would give" }),
              measure: measureSchema.optional(),
            })
            .strict(),
          response: {
            200: z.object({
              valid: z.boolean(),
              errors: z.array(z.string()),
              warnings: z.array(z.string()),
              matchCount: z.number().int().nullable(),
              preview: z.array(z.object({ key: z.string(), summary: z.string() })),
              metricPreview: z
                .object({
                  value: z.number().nullable(),
                  progress: z.number().nullable(),
                  reason: z.string().nullable(),
                  issueCount: z.number().int(),
                  doneCount: z.number().int(),
                  partial: z
                    .boolean()
                    .meta({ description: "More issues match than the preview reads (5000)" }),
                })
                .nullable()
                .meta({ description: "The value a key result with this metric and measure would get now" }),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) =>
        checkJql(deps, {
          id: request.params.id,
          userId: requireCaller(request).user.id,
          jql: request.body.jql,
          metric: request.body.metric,
          measure: request.body.measure,
        }),
    );
  };
}
