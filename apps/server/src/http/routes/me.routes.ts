import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { getMe } from "../../accounts/get-me.ts";
import type { Db } from "../../db/database.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { orgRoleSchema, userSchema } from "../schemas.ts";

const meSchema = z
  .object({
    user: userSchema,
    orgs: z.array(z.object({ id: z.string(), name: z.string(), role: orgRoleSchema })),
  })
  .meta({ id: "Me" });

/** `GET /api/v1/me`: who is calling and their organisations. */
export function meRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/me",
      {
        schema: {
          tags: ["me"],
          summary: "The current user, their organisations and roles",
          response: { 200: meSchema, ...commonErrorResponses },
        },
      },
      async (request) => getMe(deps.db, requireCaller(request).user),
    );
  };
}
