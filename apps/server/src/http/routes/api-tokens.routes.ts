import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createApiToken } from "../../accounts/create-api-token.ts";
import { listApiTokens } from "../../accounts/list-api-tokens.ts";
import { revokeApiToken } from "../../accounts/revoke-api-token.ts";
import type { Db } from "../../db/database.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { idSchema, pageOf, paginationQuery } from "../schemas.ts";

const tokenSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.date(), lastUsedAt: z.date().nullable() })
  .meta({ id: "ApiToken" });

const createdTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.date(),
    token: z
      .string()
      .meta({ description: "The token itself: shown this once, send it as `Authorization: Bearer`" }),
  })
  .meta({ id: "CreatedApiToken" });

/** Personal API tokens of the caller: create (shown once), list, revoke. */
export function apiTokenRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/me/tokens",
      {
        schema: {
          tags: ["me"],
          summary: "List your personal API tokens",
          querystring: paginationQuery,
          response: { 200: pageOf(tokenSchema), ...commonErrorResponses },
        },
      },
      async (request) => listApiTokens(deps.db, { userId: requireCaller(request).user.id, ...request.query }),
    );
    app.post(
      "/api/v1/me/tokens",
      {
        schema: {
          tags: ["me"],
          summary: "Create a personal API token (shown once)",
          body: z.object({ name: z.string().trim().min(1, "required").max(100) }).strict(),
          response: { 201: createdTokenSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const created = await createApiToken(deps.db, {
          userId: requireCaller(request).user.id,
          name: request.body.name,
        });
        return reply.status(201).send(created);
      },
    );
    app.delete(
      "/api/v1/me/tokens/:tokenId",
      {
        schema: {
          tags: ["me"],
          summary: "Revoke a personal API token",
          params: z.object({ tokenId: idSchema }),
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await revokeApiToken(deps.db, {
          userId: requireCaller(request).user.id,
          tokenId: request.params.tokenId,
        });
        return reply.status(204).send(null);
      },
    );
  };
}
