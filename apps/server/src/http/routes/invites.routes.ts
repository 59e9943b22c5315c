import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import type { Logger } from "../../logging/logger.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { acceptInvite } from "../../orgs/accept-invite.ts";
import { createInvite } from "../../orgs/create-invite.ts";
import { getInvite } from "../../orgs/get-invite.ts";
import { listInvites } from "../../orgs/list-invites.ts";
import { revokeInvite } from "../../orgs/revoke-invite.ts";
import type { SecretBox } from "../../secrets/secret-box.ts";
import { commonErrorResponses, errorEnvelopeSchema } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { emailSchema, idSchema, orgRoleSchema, pageOf, paginationQuery } from "../schemas.ts";

const inviteSchema = z
  .object({
    id: z.string(),
    role: orgRoleSchema,
    email: z.string().nullable(),
    url: z.string(),
    expiresAt: z.date(),
    createdAt: z.date(),
  })
  .meta({ id: "Invite" });
const tokenParams = z.object({ token: z.string().min(1).max(200) });

/** Invite links: admins create, list and revoke them; invitees look one up and accept it. */
export function inviteRoutes(deps: {
  db: Db;
  box: SecretBox;
  publicUrl: string;
  now(): Date;
  mailer: Mailer | null;
  logger: Logger;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/orgs/:orgId/invites",
      {
        schema: {
          tags: ["orgs"],
          summary: "List pending invites (admins)",
          params: z.object({ orgId: idSchema }),
          querystring: paginationQuery,
          response: { 200: pageOf(inviteSchema), ...commonErrorResponses },
        },
      },
      async (request) =>
        listInvites(deps, {
          orgId: request.params.orgId,
          actorId: requireCaller(request).user.id,
          ...request.query,
        }),
    );
    app.post(
      "/api/v1/orgs/:orgId/invites",
      {
        schema: {
          tags: ["orgs"],
          summary:
            "Create an invite link (admins); with an e-mail and SMTP_URL configured, it is also e-mailed",
          params: z.object({ orgId: idSchema }),
          body: z.object({ role: orgRoleSchema.default("member"), email: emailSchema.optional() }).strict(),
          response: {
            201: inviteSchema.extend({
              token: z.string(),
              emailed: z.boolean().meta({ description: "Whether the link was sent to the e-mail address" }),
            }),
            ...commonErrorResponses,
          },
        },
      },
      async (request, reply) => {
        const invite = await createInvite(deps, {
          orgId: request.params.orgId,
          actorId: requireCaller(request).user.id,
          ...request.body,
        });
        return reply.status(201).send(invite);
      },
    );
    app.delete(
      "/api/v1/orgs/:orgId/invites/:inviteId",
      {
        schema: {
          tags: ["orgs"],
          summary: "Revoke an invite (admins)",
          params: z.object({ orgId: idSchema, inviteId: idSchema }),
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await revokeInvite(deps.db, { ...request.params, actorId: requireCaller(request).user.id });
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/v1/invites/:token",
      {
        schema: {
          tags: ["orgs"],
          summary: "Look up an invite (no sign-in needed)",
          params: tokenParams,
          response: {
            200: z.object({ orgName: z.string(), role: orgRoleSchema, expiresAt: z.date() }),
            404: errorEnvelopeSchema,
            410: errorEnvelopeSchema,
          },
        },
      },
      async (request) => getInvite(deps, request.params.token),
    );
    app.post(
      "/api/v1/invites/:token/accept",
      {
        schema: {
          tags: ["orgs"],
          summary: "Accept an invite as the signed-in user",
          params: tokenParams,
          response: {
            200: z.object({ orgId: z.string(), role: orgRoleSchema }),
            ...commonErrorResponses,
            410: errorEnvelopeSchema,
          },
        },
      },
      async (request) => {
        const { id: userId, email } = requireCaller(request).user;
        return deps.db.transaction((tx) =>
          acceptInvite(tx, { token: request.params.token, userId, email, now: deps.now() }),
        );
      },
    );
  };
}
