import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { addPortfolioMemberByEmail } from "../../portfolios/add-portfolio-member-by-email.ts";
import { createPortfolio } from "../../portfolios/create-portfolio.ts";
import { deletePortfolio } from "../../portfolios/delete-portfolio.ts";
import { getPortfolio } from "../../portfolios/get-portfolio.ts";
import { listExternalPortfolios } from "../../portfolios/list-external-portfolios.ts";
import { listPortfolioMembers } from "../../portfolios/list-portfolio-members.ts";
import { listPortfolios } from "../../portfolios/list-portfolios.ts";
import type { PortfolioDeps } from "../../portfolios/portfolio-deps.ts";
import { removePortfolioMember } from "../../portfolios/remove-portfolio-member.ts";
import { setPortfolioMember } from "../../portfolios/set-portfolio-member.ts";
import { updatePortfolio } from "../../portfolios/update-portfolio.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { emailSchema, idSchema, pageOf, paginationQuery } from "../schemas.ts";
import {
  listOf,
  longTextSchema,
  portfolioMemberSchema,
  portfolioNameSchema,
  portfolioParams,
  portfolioRoleSchema,
  portfolioSchema,
} from "./portfolio-schemas.ts";

const orgParams = z.object({ orgId: idSchema });
const memberParams = z.object({ id: idSchema, userId: idSchema });

/** Portfolios of an organisation and their members (roles manager, contributor, viewer; externals allowed). */
export function portfolioRoutes(deps: PortfolioDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/orgs/:orgId/portfolios",
      {
        schema: {
          tags: ["portfolios"],
          summary: "List the organisation's portfolios you belong to (admins: all)",
          params: orgParams,
          querystring: paginationQuery,
          response: { 200: pageOf(portfolioSchema), ...commonErrorResponses },
        },
      },
      async (request) =>
        listPortfolios(deps.db, {
          orgId: request.params.orgId,
          userId: requireCaller(request).user.id,
          ...request.query,
        }),
    );
    app.post(
      "/api/v1/orgs/:orgId/portfolios",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Create a portfolio (you become its Portfolio Manager)",
          params: orgParams,
          body: z.object({ name: portfolioNameSchema, description: longTextSchema.default("") }).strict(),
          response: { 201: portfolioSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(
          await createPortfolio(deps, {
            ...request.body,
            orgId: request.params.orgId,
            userId: requireCaller(request).user.id,
          }),
        ),
    );
    app.get(
      "/api/v1/me/portfolios",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Portfolios of other organisations you are an external member of",
          response: { 200: listOf(portfolioSchema), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await listExternalPortfolios(deps.db, { userId: requireCaller(request).user.id }),
      }),
    );
    app.get(
      "/api/v1/portfolios/:id",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Read a portfolio, with what you may do on it",
          params: portfolioParams,
          response: { 200: portfolioSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        getPortfolio(deps.db, { id: request.params.id, userId: requireCaller(request).user.id }),
    );
    app.patch(
      "/api/v1/portfolios/:id",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Rename or re-describe a portfolio (Portfolio Managers)",
          params: portfolioParams,
          body: z
            .object({ name: portfolioNameSchema.optional(), description: longTextSchema.optional() })
            .strict(),
          response: { 200: portfolioSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        updatePortfolio(deps, {
          ...request.body,
          id: request.params.id,
          userId: requireCaller(request).user.id,
        }),
    );
    app.delete(
      "/api/v1/portfolios/:id",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Delete a portfolio with its initiatives and Jira configuration (Portfolio Managers)",
          params: portfolioParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await deletePortfolio(deps.db, { id: request.params.id, userId: requireCaller(request).user.id });
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/v1/portfolios/:id/members",
      {
        schema: {
          tags: ["portfolios"],
          summary: "List the portfolio's members and roles (external: from another organisation)",
          params: portfolioParams,
          querystring: paginationQuery,
          response: { 200: pageOf(portfolioMemberSchema), ...commonErrorResponses },
        },
      },
      async (request) =>
        listPortfolioMembers(deps.db, {
          id: request.params.id,
          userId: requireCaller(request).user.id,
          ...request.query,
        }),
    );
    app.post(
      "/api/v1/portfolios/:id/members",
      {
        schema: {
          tags: ["portfolios"],
          summary:
            "Add a member by the e-mail of their Goalpost account, or change their role (Portfolio Managers); people of other organisations become external",
          params: portfolioParams,
          body: z.object({ email: emailSchema, role: portfolioRoleSchema }).strict(),
          response: { 200: portfolioMemberSchema, ...commonErrorResponses },
        },
        // Whoever manages a portfolio learns whether an e-mail has an account: bounded per person, so
        // account addresses cannot be probed in bulk (anyone may create a portfolio and manage it).
        config: {
          rateLimit: {
            max: 30,
            timeWindow: "1 minute",
            hook: "preHandler",
            keyGenerator: (request) => `portfolio-member:${request.caller?.user.id ?? request.ip}`,
          },
        },
      },
      async (request) =>
        addPortfolioMemberByEmail(deps, {
          id: request.params.id,
          email: request.body.email,
          role: request.body.role,
          userId: requireCaller(request).user.id,
        }),
    );
    app.put(
      "/api/v1/portfolios/:id/members/:userId",
      {
        schema: {
          tags: ["portfolios"],
          summary:
            "Add a member or change their role (Portfolio Managers); users of other organisations become external",
          params: memberParams,
          body: z.object({ role: portfolioRoleSchema }).strict(),
          response: { 200: portfolioMemberSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        setPortfolioMember(deps, {
          id: request.params.id,
          targetUserId: request.params.userId,
          role: request.body.role,
          userId: requireCaller(request).user.id,
        }),
    );
    app.delete(
      "/api/v1/portfolios/:id/members/:userId",
      {
        schema: {
          tags: ["portfolios"],
          summary: "Remove a member (Portfolio Managers; the last manager stays)",
          params: memberParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await removePortfolioMember(deps.db, {
          id: request.params.id,
          targetUserId: request.params.userId,
          userId: requireCaller(request).user.id,
        });
        return reply.status(204).send(null);
      },
    );
  };
}
