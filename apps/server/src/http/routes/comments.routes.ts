import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { addComment } from "../../okrs/add-comment.ts";
import { listComments } from "../../okrs/list-comments.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { requireCaller } from "../request-caller.ts";
import { idParams } from "./okr-schemas.ts";

/** Longest comment accepted. */
const MAX_COMMENT_LENGTH = 4000;

const commentSchema = z
  .object({
    id: z.string(),
    keyResultId: z.string(),
    checkInId: z
      .string()
      .nullable()
      .meta({ description: "The check-in it is about; null for the key result" }),
    author: z.object({ id: z.string(), name: z.string() }).nullable(),
    body: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: "Comment" });

/** Status notes on key results (Jira-driven ones too) and on their check-ins. */
export function commentRoutes(deps: { db: Db; now(): Date }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/key-results/:id/comments",
      {
        schema: {
          tags: ["okrs"],
          summary: "The key result's comments (its own and its check-ins'), oldest first",
          params: idParams,
          response: { 200: z.object({ items: z.array(commentSchema) }), ...commonErrorResponses },
        },
      },
      async (request) =>
        listComments(deps.db, { keyResultId: request.params.id, userId: requireCaller(request).user.id }),
    );
    app.post(
      "/api/v1/key-results/:id/comments",
      {
        schema: {
          tags: ["okrs"],
          summary: "Add a comment to a key result, or to one of its check-ins (who may edit the key result)",
          params: idParams,
          body: z
            .object({
              body: z.string().trim().min(1, "required").max(MAX_COMMENT_LENGTH),
              checkInId: z.string().min(1).optional(),
            })
            .strict(),
          response: { 201: commentSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const comment = await addComment(deps.db, {
          ...request.body,
          keyResultId: request.params.id,
          userId: requireCaller(request).user.id,
          now: deps.now(),
        });
        return reply.status(201).send(comment);
      },
    );
  };
}
