import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { createInitiative } from "../../portfolios/create-initiative.ts";
import { deleteInitiative } from "../../portfolios/delete-initiative.ts";
import { getInitiative } from "../../portfolios/get-initiative.ts";
import { linkEpic } from "../../portfolios/link-epic.ts";
import { listInitiativeEpics } from "../../portfolios/list-initiative-epics.ts";
import { listInitiatives } from "../../portfolios/list-initiatives.ts";
import type { PortfolioDeps } from "../../portfolios/portfolio-deps.ts";
import { unlinkEpic } from "../../portfolios/unlink-epic.ts";
import { updateInitiative } from "../../portfolios/update-initiative.ts";
import { commonErrorResponses, jiraErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { idSchema, pageOf, paginationQuery } from "../schemas.ts";
import {
  epicSchema,
  initiativeFieldsSchema,
  initiativeSchema,
  issueKeySchema,
  listOf,
  portfolioParams,
} from "./portfolio-schemas.ts";

const initiativeParams = z.object({ id: idSchema });
const epicParams = z.object({ id: idSchema, key: issueKeySchema });

/** Initiatives of a portfolio and the Jira epics linked to them. */
export function portfolioInitiativeRoutes(deps: PortfolioDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/portfolios/:id/initiatives",
      {
        schema: {
          tags: ["portfolios"],
          summary: "List the portfolio's initiatives with progress rolled up from their epics",
          params: portfolioParams,
          querystring: paginationQuery,
          response: { 200: pageOf(initiativeSchema), ...commonErrorResponses },
        },
      },
      async (request) =>
        listInitiatives(deps.db, {
          portfolioId: request.params.id,
          userId: requireCaller(request).user.id,
          ...request.query,
        }),
    );
    app.post(
      "/api/v1/portfolios/:id/initiatives",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Add an initiative (Portfolio Managers and Contributors)",
          params: portfolioParams,
          body: initiativeFieldsSchema.strict(),
          response: { 201: initiativeSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await createInitiative(deps, {
            ...request.body,
            portfolioId: request.params.id,
            userId: requireCaller(request).user.id,
          }),
        ),
    );
    app.get(
      "/api/v1/initiatives/:id",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Read an initiative with its progress",
          params: initiativeParams,
          response: { 200: initiativeSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        getInitiative(deps.db, { id: request.params.id, userId: requireCaller(request).user.id }),
    );
    app.patch(
      "/api/v1/initiatives/:id",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Edit an initiative (Portfolio Managers and Contributors)",
          params: initiativeParams,
          body: initiativeFieldsSchema
            .extend({
              description: initiativeFieldsSchema.shape.description.removeDefault().optional(),
              ownerId: initiativeFieldsSchema.shape.ownerId.removeDefault().optional(),
              status: initiativeFieldsSchema.shape.status.removeDefault().optional(),
              startDate: initiativeFieldsSchema.shape.startDate.removeDefault().optional(),
              dueDate: initiativeFieldsSchema.shape.dueDate.removeDefault().optional(),
            })
            .partial()
            .strict(),
          response: { 200: initiativeSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        updateInitiative(deps, {
          ...request.body,
          id: request.params.id,
          userId: requireCaller(request).user.id,
        }),
    );
    app.delete(
      "/api/v1/initiatives/:id",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Delete an initiative and its epic links (Portfolio Managers and Contributors)",
          params: initiativeParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await deleteInitiative(deps.db, { id: request.params.id, userId: requireCaller(request).user.id });
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/v1/initiatives/:id/epics",
      {
        schema: {
          tags: ["portfolios"],
          summary: "The initiative's linked epics with their last synced progress",
          params: initiativeParams,
          response: { 200: listOf(epicSchema), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await listInitiativeEpics(deps.db, {
          id: request.params.id,
          userId: requireCaller(request).user.id,
        }),
      }),
    );
    app.post(
      "/api/v1/initiatives/:id/epics",
      {
        schema: {
          tags: ["portfolios"],
          summary:
            "Link a Jira epic of a linked project (Portfolio Managers and Contributors of the same company)",
          params: initiativeParams,
          body: z.object({ key: issueKeySchema }).strict(),
          response: { 201: epicSchema, ...commonErrorResponses, ...jiraErrorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await linkEpic(deps, {
            initiativeId: request.params.id,
            key: request.body.key,
            userId: requireCaller(request).user.id,
          }),
        ),
    );
    app.delete(
      "/api/v1/initiatives/:id/epics/:key",
      {
        schema: {
          tags: ["portfolios"],
          summary:
            "Unlink an epic from the initiative (Portfolio Managers and Contributors of the same company)",
          params: epicParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await unlinkEpic(deps.db, {
          initiativeId: request.params.id,
          key: request.params.key,
          userId: requireCaller(request).user.id,
        });
        return reply.status(204).send(null);
      },
    );
  };
}
