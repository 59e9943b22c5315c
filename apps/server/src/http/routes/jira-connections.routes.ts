import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ConnectionDeps } from "../../jira-connections/connection-deps.ts";
import { createConnection } from "../../jira-connections/create-connection.ts";
import { deleteConnection } from "../../jira-connections/delete-connection.ts";
import { getConnection } from "../../jira-connections/get-connection.ts";
import { listConnections } from "../../jira-connections/list-connections.ts";
import { updateConnection } from "../../jira-connections/update-connection.ts";
import { commonErrorResponses, jiraErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { emailSchema, idSchema, pageOf, paginationQuery } from "../schemas.ts";
import {
  apiTokenSchema,
  connectionNameSchema,
  connectionParams,
  connectionSchema,
  jiraBaseUrlSchema,
  sharingSchema,
} from "./jira-schemas.ts";

const orgParams = z.object({ orgId: idSchema });

/** Named Jira connections of an organisation: list, create (tested first), read, edit, delete. */
export function jiraConnectionRoutes(deps: ConnectionDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/orgs/:orgId/jira/connections",
      {
        schema: {
          tags: ["jira"],
          summary: "List the Jira connections you may use (admins: all)",
          params: orgParams,
          querystring: paginationQuery,
          response: { 200: pageOf(connectionSchema), ...commonErrorResponses },
        },
      },
      async (request) =>
        listConnections(deps.db, {
          orgId: request.params.orgId,
          userId: requireCaller(request).user.id,
          ...request.query,
        }),
    );
    app.post(
      "/api/v1/orgs/:orgId/jira/connections",
      {
        schema: {
          tags: ["jira"],
          summary: "Create a Jira connection (the credentials are tested against Jira first)",
          params: orgParams,
          body: z
            .object({
              name: connectionNameSchema,
              baseUrl: jiraBaseUrlSchema,
              email: emailSchema,
              apiToken: apiTokenSchema,
              sharing: sharingSchema.default({ kind: "private" }),
            })
            .strict(),
          response: { 201: connectionSchema, ...commonErrorResponses, ...jiraErrorResponses },
        },
      },
      async (request, reply) => {
        const connection = await createConnection(deps, {
          ...request.body,
          orgId: request.params.orgId,
          userId: requireCaller(request).user.id,
        });
        return reply.status(201).send(connection);
      },
    );
    app.get(
      "/api/v1/jira/connections/:id",
      {
        schema: {
          tags: ["jira"],
          summary: "Read a Jira connection (never its token)",
          params: connectionParams,
          response: { 200: connectionSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        getConnection(deps.db, { id: request.params.id, userId: requireCaller(request).user.id }),
    );
    app.patch(
      "/api/v1/jira/connections/:id",
      {
        schema: {
          tags: ["jira"],
          summary: "Rename, rotate the token, re-point or re-share a connection (its creator or an admin)",
          params: connectionParams,
          body: z
            .object({
              name: connectionNameSchema.optional(),
              baseUrl: jiraBaseUrlSchema.optional(),
              email: emailSchema.optional(),
              apiToken: apiTokenSchema.optional(),
              sharing: sharingSchema.optional(),
            })
            .strict(),
          response: { 200: connectionSchema, ...commonErrorResponses, ...jiraErrorResponses },
        },
      },
      async (request) =>
        updateConnection(deps, {
          ...request.body,
          id: request.params.id,
          userId: requireCaller(request).user.id,
        }),
    );
    app.delete(
      "/api/v1/jira/connections/:id",
      {
        schema: {
          tags: ["jira"],
          summary:
            "Delete a connection (its creator or an admin); 409 naming the portfolios (`details.portfolios`) while portfolios read their epics through it",
          params: connectionParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await deleteConnection(deps.db, { id: request.params.id, userId: requireCaller(request).user.id });
        return reply.status(204).send(null);
      },
    );
  };
}
