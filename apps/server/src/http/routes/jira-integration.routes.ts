import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { getJiraIntegration } from "../../jira-connections/get-jira-integration.ts";
import { setJiraIntegration } from "../../jira-connections/set-jira-integration.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { idSchema } from "../schemas.ts";

const integrationSchema = z
  .object({
    enabled: z.boolean().meta({ description: "On by default; off: Jira connections cannot be used" }),
  })
  .meta({ id: "JiraIntegration" });
const params = z.object({ orgId: idSchema });

/** The org-level Jira switch: read it (members), turn it on or off (admins). */
export function jiraIntegrationRoutes(deps: { db: Db; now(): Date }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/orgs/:orgId/integrations/jira",
      {
        schema: {
          tags: ["jira"],
          summary: "Whether the organisation's Jira integration is on",
          params,
          response: { 200: integrationSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        getJiraIntegration(deps.db, { orgId: request.params.orgId, userId: requireCaller(request).user.id }),
    );
    app.put(
      "/api/v1/orgs/:orgId/integrations/jira",
      {
        schema: {
          tags: ["jira"],
          summary: "Switch the organisation's Jira integration on or off (admins)",
          params,
          body: integrationSchema.strict(),
          response: { 200: integrationSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        setJiraIntegration(deps.db, {
          orgId: request.params.orgId,
          userId: requireCaller(request).user.id,
          enabled: request.body.enabled,
          now: deps.now(),
        }),
    );
  };
}
