import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getWebhook } from "../../live/get-webhook.ts";
import type { LiveDeps } from "../../live/live-deps.ts";
import { rotateConnectionWebhook } from "../../live/rotate-connection-webhook.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { connectionParams } from "./jira-schemas.ts";

const webhookSchema = z
  .object({
    url: z.string().meta({ description: "Where Jira delivers: paste it into Jira's System → WebHooks" }),
    secret: z.string().meta({ description: "The secret Jira signs deliveries with (x-hub-signature)" }),
    events: z.array(z.string()),
    jqlFilter: z.string().nullable().meta({ description: "Suggested filter: the projects the items read" }),
    lastDeliveryAt: z.date().nullable(),
    deliveries24h: z.number().int(),
    refused24h: z.number().int(),
    speed: z.enum(["webhook", "probe", "hourly"]).meta({
      description: "How quickly the connection follows Jira: webhook (seconds), probe (a minute), hourly",
    }),
  })
  .meta({ id: "JiraWebhook" });

/** A connection's inbound webhook, for those who manage the connection. */
export function jiraWebhookRoutes(deps: LiveDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/jira/connections/:id/webhook",
      {
        schema: {
          tags: ["jira"],
          summary: "The connection's webhook: URL, secret, events, suggested JQL filter and health",
          params: connectionParams,
          response: { 200: webhookSchema, ...commonErrorResponses },
        },
      },
      async (request) => getWebhook(deps, { id: request.params.id, userId: requireCaller(request).user.id }),
    );
    app.post(
      "/api/v1/jira/connections/:id/webhook/rotate",
      {
        schema: {
          tags: ["jira"],
          summary: "A new webhook URL and secret; deliveries to the old ones are refused from now on",
          params: connectionParams,
          response: { 200: webhookSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        rotateConnectionWebhook(deps, { id: request.params.id, userId: requireCaller(request).user.id }),
    );
  };
}
