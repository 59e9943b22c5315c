import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkJiraCredentials } from "../../portfolios/check-jira-credentials.ts";
import { deleteJiraConfig } from "../../portfolios/delete-jira-config.ts";
import { getJiraConfig } from "../../portfolios/get-jira-config.ts";
import { linkProjects } from "../../portfolios/link-projects.ts";
import { listAvailableProjects } from "../../portfolios/list-available-projects.ts";
import { listLinkedProjects } from "../../portfolios/list-linked-projects.ts";
import type { PortfolioDeps } from "../../portfolios/portfolio-deps.ts";
import { previewCascade } from "../../portfolios/preview-cascade.ts";
import { refreshPortfolio } from "../../portfolios/refresh-portfolio.ts";
import { saveJiraConfig } from "../../portfolios/save-jira-config.ts";
import { searchEpics } from "../../portfolios/search-epics.ts";
import { unlinkProject } from "../../portfolios/unlink-project.ts";
import { commonErrorResponses, jiraErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { emailSchema, idSchema } from "../schemas.ts";
import {
  apiTokenSchema,
  deploymentSchema,
  jiraBaseUrlSchema,
  personalAccessTokenSchema,
} from "./jira-schemas.ts";
import {
  cascadePreviewSchema,
  epicChoiceSchema,
  jiraConfigSchema,
  jiraProjectSchema,
  linkedProjectSchema,
  listOf,
  portfolioParams,
  projectKeySchema,
  searchQuerySchema,
} from "./portfolio-schemas.ts";

const projectParams = z.object({ id: idSchema, key: projectKeySchema });
const projectKeysSchema = z.array(projectKeySchema).max(100);
/**
 * The portfolio's own credentials — Cloud: e-mail and API token; Data Center: a personal access token; the token
 * omitted keeps the saved one, the deployment omitted keeps the saved connection's (else Cloud).
 */
const ownCredentials = {
  baseUrl: jiraBaseUrlSchema,
  deployment: deploymentSchema.optional(),
  email: emailSchema.optional(),
  apiToken: apiTokenSchema.optional(),
  personalAccessToken: personalAccessTokenSchema.optional(),
};
/** The portfolio's own credentials, or an organisation connection. */
const credentialsBody = z.union([
  z.object(ownCredentials).strict(),
  z
    .object({
      connectionId: idSchema.describe("An organisation connection the caller may use (its sharing rules)"),
    })
    .strict(),
]);
const configBody = z.union([
  z.object({ ...ownCredentials, projectKeys: projectKeysSchema.optional() }).strict(),
  z.object({ connectionId: idSchema, projectKeys: projectKeysSchema.optional() }).strict(),
]);

/** A portfolio's Jira integration (its own connection or an organisation one): configuration, projects, epic picker, refresh. */
export function portfolioJiraRoutes(deps: PortfolioDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const caller = (request: Parameters<typeof requireCaller>[0]) => requireCaller(request).user.id;
    app.get(
      "/api/v1/portfolios/:id/jira",
      {
        schema: {
          tags: ["portfolios"],
          summary: "The Jira integration card (never the token); 404 when not configured",
          params: portfolioParams,
          response: { 200: jiraConfigSchema, ...commonErrorResponses },
        },
      },
      async (request) => getJiraConfig(deps.db, { portfolioId: request.params.id, userId: caller(request) }),
    );
    app.post(
      "/api/v1/portfolios/:id/jira/check",
      {
        schema: {
          tags: ["portfolios"],
          summary:
            "Check a Jira URL, e-mail and token (or an organisation connection) against Jira without saving; lists the projects it can see",
          params: portfolioParams,
          body: credentialsBody,
          response: {
            200: z.object({
              account: z.object({ accountId: z.string(), displayName: z.string() }),
              serverTitle: z.string().nullable(),
              projects: z.array(jiraProjectSchema),
            }),
            ...commonErrorResponses,
            ...jiraErrorResponses,
          },
        },
      },
      async (request) =>
        checkJiraCredentials(deps, {
          ...request.body,
          portfolioId: request.params.id,
          userId: caller(request),
        }),
    );
    app.put(
      "/api/v1/portfolios/:id/jira",
      {
        schema: {
          tags: ["portfolios"],
          summary:
            "Configure or edit the Jira integration (Portfolio Managers of the same company): the portfolio's own connection { baseUrl, email, apiToken } or an organisation connection { connectionId }; re-checked against Jira on save",
          params: portfolioParams,
          body: configBody,
          response: { 200: jiraConfigSchema, ...commonErrorResponses, ...jiraErrorResponses },
        },
      },
      async (request) =>
        saveJiraConfig(deps, { ...request.body, portfolioId: request.params.id, userId: caller(request) }),
    );
    app.delete(
      "/api/v1/portfolios/:id/jira",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Delete the Jira configuration: unlinks every project and so every epic",
          params: portfolioParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await deleteJiraConfig(deps.db, { portfolioId: request.params.id, userId: caller(request) });
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/v1/portfolios/:id/jira/delete-preview",
      {
        schema: {
          tags: ["portfolios"],
          summary: "What deleting the configuration would unlink (projects, and epics on which initiatives)",
          params: portfolioParams,
          response: { 200: cascadePreviewSchema, ...commonErrorResponses },
        },
      },
      async (request) => previewCascade(deps.db, { portfolioId: request.params.id, userId: caller(request) }),
    );
    app.get(
      "/api/v1/portfolios/:id/jira/available-projects",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Projects the portfolio's token can see whose key or name contains the query",
          params: portfolioParams,
          querystring: searchQuerySchema,
          response: {
            200: listOf(jiraProjectSchema.extend({ linked: z.boolean() })),
            ...commonErrorResponses,
            ...jiraErrorResponses,
          },
        },
      },
      async (request) => ({
        items: await listAvailableProjects(deps, {
          portfolioId: request.params.id,
          userId: caller(request),
          query: request.query.query,
        }),
      }),
    );
    app.get(
      "/api/v1/portfolios/:id/jira/projects",
      {
        schema: {
          tags: ["portfolios"],
          summary: "The linked Jira projects (at most 20)",
          params: portfolioParams,
          response: { 200: listOf(linkedProjectSchema), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await listLinkedProjects(deps.db, { portfolioId: request.params.id, userId: caller(request) }),
      }),
    );
    app.post(
      "/api/v1/portfolios/:id/jira/projects",
      {
        schema: {
          tags: ["portfolios"],
          summary:
            "Link Jira projects the token can see (Portfolio Managers of the same company; at most 20 in all)",
          params: portfolioParams,
          body: z.object({ keys: projectKeysSchema.min(1) }).strict(),
          response: { 200: listOf(linkedProjectSchema), ...commonErrorResponses, ...jiraErrorResponses },
        },
      },
      async (request) => ({
        items: await linkProjects(deps, {
          portfolioId: request.params.id,
          userId: caller(request),
          keys: request.body.keys,
        }),
      }),
    );
    app.get(
      "/api/v1/portfolios/:id/jira/projects/:key/unlink-preview",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Which epics on which initiatives unlinking this project would detach",
          params: projectParams,
          response: { 200: cascadePreviewSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        previewCascade(deps.db, {
          portfolioId: request.params.id,
          userId: caller(request),
          projectKey: request.params.key,
        }),
    );
    app.delete(
      "/api/v1/portfolios/:id/jira/projects/:key",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Unlink a Jira project: its epics are unlinked from their initiatives",
          params: projectParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await unlinkProject(deps.db, {
          portfolioId: request.params.id,
          userId: caller(request),
          key: request.params.key,
        });
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/v1/portfolios/:id/jira/epics",
      {
        schema: {
          tags: ["portfolios"],
          summary:
            "Epics of the linked projects to pick from, by key, project key or summary, a page at a time",
          params: portfolioParams,
          querystring: searchQuerySchema.extend({ cursor: z.string().min(1).max(2000).optional() }),
          response: {
            200: listOf(epicChoiceSchema).extend({ nextCursor: z.string().nullable() }),
            ...commonErrorResponses,
            ...jiraErrorResponses,
          },
        },
      },
      async (request) =>
        searchEpics(deps, {
          portfolioId: request.params.id,
          userId: caller(request),
          query: request.query.query,
          cursor: request.query.cursor,
        }),
    );
    app.post(
      "/api/v1/portfolios/:id/jira/refresh",
      {
        schema: {
          tags: ["portfolios"],
          summary:
            "Re-read the linked epics from Jira now; a failure shows on the card, the last good values kept (202 with refreshing when Jira takes longer than a few seconds: the re-read goes on)",
          params: portfolioParams,
          response: { 200: jiraConfigSchema, 202: jiraConfigSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const { view, refreshing } = await refreshPortfolio(deps, {
          portfolioId: request.params.id,
          userId: caller(request),
        });
        if (!refreshing) return view;
        return reply.status(202).send({ ...view, refreshing: true });
      },
    );
  };
}
