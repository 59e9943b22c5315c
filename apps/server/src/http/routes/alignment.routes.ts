import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { getAlignmentTree } from "../../okrs/get-alignment-tree.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { orgPeriodParams, progressStatusSchema } from "./okr-schemas.ts";

const alignmentNodeSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    ownerId: z.string().nullable(),
    parentId: z.string().nullable().meta({ description: "Its parent when in the same period, else null" }),
    weight: z.number(),
    depth: z.number().int().meta({ description: "0 for a root" }),
    progress: z.number().nullable().meta({ description: "Rolled up through the alignment tree" }),
    expected: z.number(),
    status: progressStatusSchema,
    childIds: z.array(z.string()),
  })
  .meta({ id: "AlignmentNode" });

/** A period's alignment tree: parents, the objectives aligned to them, their progress and status. */
export function alignmentRoutes(deps: { db: Db; now(): Date }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/orgs/:orgId/periods/:id/alignment",
      {
        schema: {
          tags: ["okrs"],
          summary:
            "A period's objectives as their alignment tree, depth-first, with progress rolled up through any depth",
          params: orgPeriodParams,
          response: { 200: z.object({ items: z.array(alignmentNodeSchema) }), ...commonErrorResponses },
        },
      },
      async (request) =>
        getAlignmentTree(deps.db, {
          orgId: request.params.orgId,
          periodId: request.params.id,
          userId: requireCaller(request).user.id,
          now: deps.now(),
        }),
    );
  };
}
