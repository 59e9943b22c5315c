import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { LiveDeps } from "../../live/live-deps.ts";
import { receiveDelivery } from "../../live/receive-delivery.ts";
import { errorEnvelopeSchema } from "../error-envelope.ts";

/** Largest delivery accepted: Jira's issue events are a few KB, a big description some tens. */
export const DELIVERY_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Jira's deliveries to a connection's webhook: no session, authenticated by the HMAC of the raw body. In its
 * own scope every body is read as raw bytes (the signature covers them exactly) and parsed after checking.
 */
export function webhookDeliveryRoutes(deps: LiveDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: DELIVERY_BODY_LIMIT_BYTES },
      (_r, body, done) => done(null, body),
    );
    app.post(
      "/api/v1/hooks/jira/:hookId",
      {
        bodyLimit: DELIVERY_BODY_LIMIT_BYTES,
        schema: {
          tags: ["jira"],
          summary: "Jira webhook delivery (signed with the webhook's secret: x-hub-signature: sha256=<hex>)",
          security: [],
          params: z.object({ hookId: z.string().min(1).max(100) }),
          response: {
            202: z.object({ outcome: z.enum(["accepted", "duplicate", "refused"]) }),
            400: errorEnvelopeSchema,
            401: errorEnvelopeSchema,
            413: errorEnvelopeSchema,
            429: errorEnvelopeSchema,
          },
        },
      },
      async (request, reply) => {
        const header = (name: string) => {
          const value = request.headers[name];
          return Array.isArray(value) ? value[0] : value;
        };
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const received = await receiveDelivery(deps, {
          hookId: request.params.hookId,
          body,
          signature: header("x-hub-signature"),
          identifier: header("x-atlassian-webhook-identifier"),
        });
        return reply.status(202).send(received);
      },
    );
  };
}
