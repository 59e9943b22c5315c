import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkInItem } from "../../measured/check-in-item.ts";
import { deleteMeasuredItem } from "../../measured/delete-measured-item.ts";
import { getHistoryAnswer } from "../../measured/get-item-history.ts";
import { listItemIssues } from "../../measured/list-item-issues.ts";
import type { MeasuredKind } from "../../measured/measured-kind.ts";
import { getMeasuredAnswer, type MeasuredViews } from "../../measured/measured-view.ts";
import { refreshItem } from "../../measured/refresh-item.ts";
import type { OkrReadDeps } from "../../okrs/okr-deps.ts";
import { commonErrorResponses, jiraErrorResponses } from "../error-envelope.ts";
import { jsonOf, sendJson } from "../json-answer.ts";
import { requireCaller } from "../request-caller.ts";
import { checkInBody, checkInSchema, historySchema, idParams, issuesResponseSchema } from "./okr-schemas.ts";

/** A resource whose items are measured items of one kind (`/key-results`, `/objectives`). */
export interface MeasuredResource<K extends MeasuredKind> {
  kind: K;
  /** Where an item lives, before `/:id`: `/api/v1/key-results`. */
  path: string;
  /** The item's response schema (its GET's), and how to serialise a view by it. */
  schema: z.ZodType;
  present: (view: MeasuredViews[K]) => Buffer;
  /** The OpenAPI summary of each route; `checkIn` only where items take manual check-ins. */
  summaries: {
    get: string;
    delete: string;
    refresh: string;
    history: string;
    issues: string;
    checkIn?: string;
  };
}

const presentHistory = jsonOf(historySchema);

/**
 * The routes every measured item has, mounted by each resource: read (from the read cache), delete, refresh
 * (re-read Jira now; 202 with `state.refreshing` while the read goes on), history, the issues behind its
 * number, and manual check-ins where the resource takes them. Each calls the one use case of the measured
 * slice with the resource's kind; paths and response shapes are those of `shared/spec/api.md`.
 */
export function measuredItemRoutes<K extends MeasuredKind>(
  deps: OkrReadDeps,
  resource: MeasuredResource<K>,
): FastifyPluginAsyncZod {
  const { kind, path, schema, summaries } = resource;
  return async (app) => {
    app.get(
      `${path}/:id`,
      {
        schema: {
          tags: ["okrs"],
          summary: summaries.get,
          params: idParams,
          response: { 200: schema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const input = { id: request.params.id, userId: requireCaller(request).user.id, now: deps.now() };
        return sendJson(reply, await getMeasuredAnswer(deps, kind, input, resource.present));
      },
    );
    app.delete(
      `${path}/:id`,
      {
        schema: {
          tags: ["okrs"],
          summary: summaries.delete,
          params: idParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await deleteMeasuredItem(deps.db, {
          kind,
          id: request.params.id,
          userId: requireCaller(request).user.id,
        });
        return reply.status(204).send(null);
      },
    );
    app.post(
      `${path}/:id/refresh`,
      {
        schema: {
          tags: ["okrs"],
          summary: summaries.refresh,
          params: idParams,
          response: { 200: schema, 202: schema, ...commonErrorResponses, ...jiraErrorResponses },
        },
      },
      async (request, reply) => {
        const { view, refreshing } = await refreshItem(deps, {
          kind,
          id: request.params.id,
          userId: requireCaller(request).user.id,
        });
        if (!refreshing) return sendJson(reply, resource.present(view));
        const answer = { ...view, state: { ...view.state, refreshing: true } };
        return sendJson(reply.status(202), resource.present(answer));
      },
    );
    app.get(
      `${path}/:id/history`,
      {
        schema: {
          tags: ["okrs"],
          summary: summaries.history,
          params: idParams,
          response: { 200: historySchema, ...commonErrorResponses },
        },
      },
      async (request, reply) =>
        sendJson(
          reply,
          await getHistoryAnswer(
            deps,
            { kind, id: request.params.id, userId: requireCaller(request).user.id },
            presentHistory,
          ),
        ),
    );
    app.get(
      `${path}/:id/issues`,
      {
        schema: {
          tags: ["okrs"],
          summary: summaries.issues,
          params: idParams,
          response: { 200: issuesResponseSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        listItemIssues(deps.db, { kind, id: request.params.id, userId: requireCaller(request).user.id }),
    );
    if (summaries.checkIn === undefined) return;
    app.post(
      `${path}/:id/check-ins`,
      {
        schema: {
          tags: ["okrs"],
          summary: summaries.checkIn,
          params: idParams,
          body: checkInBody,
          response: { 201: checkInSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const checkIn = await checkInItem(deps.db, {
          ...request.body,
          kind,
          id: request.params.id,
          userId: requireCaller(request).user.id,
          now: deps.now(),
        });
        return reply.status(201).send(checkIn);
      },
    );
  };
}
