import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { changeMemberRole } from "../../orgs/change-member-role.ts";
import { createOrganization } from "../../orgs/create-organization.ts";
import { listMembers } from "../../orgs/list-members.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { idSchema, orgNameSchema, orgRoleSchema, pageOf, paginationQuery } from "../schemas.ts";

const memberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: orgRoleSchema,
    joinedAt: z.date(),
  })
  .meta({ id: "Member" });
const memberParams = z.object({ orgId: idSchema, userId: idSchema });

/** Organisations and their members: create an org, list members, change a role, remove a member. */
export function orgRoutes(deps: { db: Db }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/v1/orgs",
      {
        schema: {
          tags: ["orgs"],
          summary: "Create an organisation (you become its admin)",
          body: z.object({ name: orgNameSchema }).strict(),
          response: {
            201: z.object({ id: z.string(), name: z.string(), role: orgRoleSchema }),
            ...commonErrorResponses,
          },
        },
      },
      async (request, reply) => {
        const { id: userId } = requireCaller(request).user;
        const org = await deps.db.transaction((tx) =>
          createOrganization(tx, { name: request.body.name, userId }),
        );
        return reply.status(201).send(org);
      },
    );
    app.get(
      "/api/v1/orgs/:orgId/members",
      {
        schema: {
          tags: ["orgs"],
          summary: "List an organisation's members",
          params: z.object({ orgId: idSchema }),
          querystring: paginationQuery,
          response: { 200: pageOf(memberSchema), ...commonErrorResponses },
        },
      },
      async (request) =>
        listMembers(deps.db, {
          orgId: request.params.orgId,
          userId: requireCaller(request).user.id,
          ...request.query,
        }),
    );
    app.patch(
      "/api/v1/orgs/:orgId/members/:userId",
      {
        schema: {
          tags: ["orgs"],
          summary: "Change a member's role (admins)",
          params: memberParams,
          body: z.object({ role: orgRoleSchema }).strict(),
          response: { 200: memberSchema, ...commonErrorResponses },
        },
      },
      async (request) => {
        const member = await changeMemberRole(deps.db, {
          ...request.params,
          actorId: requireCaller(request).user.id,
          role: request.body.role,
        });
        if (!member) throw new Error("member vanished while changing role");
        return member;
      },
    );
    app.delete(
      "/api/v1/orgs/:orgId/members/:userId",
      {
        schema: {
          tags: ["orgs"],
          summary: "Remove a member (admins)",
          params: memberParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await changeMemberRole(deps.db, {
          ...request.params,
          actorId: requireCaller(request).user.id,
          role: null,
        });
        return reply.status(204).send(null);
      },
    );
  };
}
