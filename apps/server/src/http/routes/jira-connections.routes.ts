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
  deploymentSchema,
  jiraBaseUrlSchema,
  personalAccessTokenSchema,
  sharingSchema,
} from "./jira-schemas.ts";

const orgParams = z.object({ orgId: idSchema });

interface NewConnectionBody {
  deployment: "cloud" | "dataCenter";
  email?: string | undefined;
  apiToken?: string | undefined;
  personalAccessToken?: string | undefined;
}

/** Cloud needs an e-mail and an API token; Data Center a personal access token; neither takes the other's. */
function requireSecretsOfDeployment(body: NewConnectionBody, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (body.deployment === "cloud") {
    if (body.email === undefined) issue("email", "required for Jira Cloud");
    if (body.apiToken === undefined) issue("apiToken", "required for Jira Cloud");
    if (body.personalAccessToken !== undefined)
      issue(
        "personalAccessToken",
        "a personal access token is for Data Center: Cloud takes an e-mail and API token",
      );
  } else {
    if (body.personalAccessToken === undefined) issue("personalAccessToken", "required for Jira Data Center");
    if (body.apiToken !== undefined)
      issue("apiToken", "an API token is for Cloud: Data Center takes a personal access token");
    if (body.email !== undefined)
      issue("email", "Data Center connections take no e-mail: the token names its user");
  }
}

/** The deployment's credentials from a body {@link requireSecretsOfDeployment} accepted. */
function secretsOf(
  body: NewConnectionBody,
):
  | { deployment: "cloud"; email: string; apiToken: string }
  | { deployment: "dataCenter"; personalAccessToken: string } {
  return body.deployment === "dataCenter"
    ? { deployment: "dataCenter", personalAccessToken: body.personalAccessToken ?? "" }
    : { deployment: "cloud", email: body.email ?? "", apiToken: body.apiToken ?? "" };
}

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
              deployment: deploymentSchema.default("cloud"),
              email: emailSchema.optional(),
              apiToken: apiTokenSchema.optional(),
              personalAccessToken: personalAccessTokenSchema.optional(),
              sharing: sharingSchema.default({ kind: "private" }),
            })
            .strict()
            .superRefine(requireSecretsOfDeployment),
          response: { 201: connectionSchema, ...commonErrorResponses, ...jiraErrorResponses },
        },
      },
      async (request, reply) => {
        const { name, baseUrl, sharing } = request.body;
        const connection = await createConnection(deps, {
          name,
          baseUrl,
          sharing,
          ...secretsOf(request.body),
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
              personalAccessToken: personalAccessTokenSchema.optional(),
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
