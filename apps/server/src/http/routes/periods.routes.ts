import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { createPeriod } from "../../okrs/create-period.ts";
import { deletePeriod } from "../../okrs/delete-period.ts";
import { exportPeriodCsv } from "../../okrs/export-period-csv.ts";
import { listPeriods } from "../../okrs/list-periods.ts";
import { updatePeriod } from "../../okrs/update-period.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { pageOf, paginationQuery } from "../schemas.ts";
import {
  createPeriodBody,
  idParams,
  orgParams,
  orgPeriodParams,
  periodSchema,
  updatePeriodBody,
} from "./okr-schemas.ts";

/** Periods of an organisation (quarters by default) and the CSV export of a period's OKRs. */
export function periodRoutes(deps: { db: Db; now(): Date }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/orgs/:orgId/periods",
      {
        schema: {
          tags: ["okrs"],
          summary:
            "List the org's periods, earliest first (the current quarter is created when there is none)",
          params: orgParams,
          querystring: paginationQuery,
          response: { 200: pageOf(periodSchema), ...commonErrorResponses },
        },
      },
      async (request) =>
        listPeriods(deps.db, {
          orgId: request.params.orgId,
          userId: requireCaller(request).user.id,
          now: deps.now(),
          ...request.query,
        }),
    );
    app.post(
      "/api/v1/orgs/:orgId/periods",
      {
        schema: {
          tags: ["okrs"],
          summary: "Add a period (any member)",
          params: orgParams,
          body: createPeriodBody,
          response: { 201: periodSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const period = await createPeriod(deps.db, {
          ...request.body,
          orgId: request.params.orgId,
          userId: requireCaller(request).user.id,
        });
        return reply.status(201).send(period);
      },
    );
    app.patch(
      "/api/v1/periods/:id",
      {
        schema: {
          tags: ["okrs"],
          summary: "Rename or re-date a period (admins)",
          params: idParams,
          body: updatePeriodBody,
          response: { 200: periodSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        updatePeriod(deps.db, {
          ...request.body,
          id: request.params.id,
          userId: requireCaller(request).user.id,
        }),
    );
    app.delete(
      "/api/v1/periods/:id",
      {
        schema: {
          tags: ["okrs"],
          summary: "Delete a period with its objectives and key results (admins)",
          params: idParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await deletePeriod(deps.db, { id: request.params.id, userId: requireCaller(request).user.id });
        return reply.status(204).send(null);
      },
    );
    app.get(
      "/api/v1/orgs/:orgId/periods/:id/export.csv",
      {
        schema: {
          tags: ["okrs"],
          summary: "The period's objectives and key results as CSV (formula-like text neutralised)",
          params: orgPeriodParams,
          produces: ["text/csv"],
          response: {
            200: z.string().meta({ description: "CSV, one row per objective and key result" }),
            ...commonErrorResponses,
          },
        },
      },
      async (request, reply) => {
        const { filename, csv } = await exportPeriodCsv(deps.db, {
          orgId: request.params.orgId,
          periodId: request.params.id,
          userId: requireCaller(request).user.id,
          now: deps.now(),
        });
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${filename}"`)
          .send(csv);
      },
    );
  };
}
