import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { checkInKeyResult } from "../../okrs/check-in-key-result.ts";
import { createKeyResult } from "../../okrs/create-key-result.ts";
import { deleteKeyResult } from "../../okrs/delete-key-result.ts";
import { getHistoryAnswer } from "../../okrs/get-history.ts";
import { getKeyResultAnswer } from "../../okrs/get-key-result.ts";
import { listItemIssues } from "../../okrs/list-item-issues.ts";
import type { OkrReadDeps } from "../../okrs/okr-deps.ts";
import { refreshKeyResult } from "../../okrs/refresh-item.ts";
import { updateKeyResult } from "../../okrs/update-key-result.ts";
import { commonErrorResponses, jiraErrorResponses } from "../error-envelope.ts";
import { jsonOf, sendJson } from "../json-answer.ts";
import { requireCaller } from "../request-caller.ts";
import {
  checkInBody,
  checkInSchema,
  createKeyResultBody,
  historySchema,
  idParams,
  issuesResponseSchema,
  keyResultSchema,
  updateKeyResultBody,
} from "./okr-schemas.ts";

const presentKeyResult = jsonOf(keyResultSchema);
const presentHistory = jsonOf(historySchema);

/** Key results: create, read, edit, delete, refresh, history, drill-down, manual check-ins. */
export function keyResultRoutes(deps: OkrReadDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/v1/objectives/:id/key-results",
      {
        schema: {
          tags: ["okrs"],
          summary: "Add a key result to an objective (who may edit the objective)",
          params: idParams,
          body: createKeyResultBody,
          response: { 201: keyResultSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const keyResult = await createKeyResult(deps, {
          ...request.body,
          objectiveId: request.params.id,
          userId: requireCaller(request).user.id,
        });
        return reply.status(201).send(keyResult);
      },
    );
    app.get(
      "/api/v1/key-results/:id",
      {
        schema: {
          tags: ["okrs"],
          summary: "A key result with its measure, data source, state and forecast",
          params: idParams,
          response: { 200: keyResultSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) =>
        sendJson(
          reply,
          await getKeyResultAnswer(
            deps,
            { id: request.params.id, userId: requireCaller(request).user.id, now: deps.now() },
            presentKeyResult,
          ),
        ),
    );
    app.patch(
      "/api/v1/key-results/:id",
      {
        schema: {
          tags: ["okrs"],
          summary: "Edit a key result (a changed data source or measure is re-read from Jira)",
          params: idParams,
          body: updateKeyResultBody,
          response: { 200: keyResultSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        updateKeyResult(deps, {
          ...request.body,
          id: request.params.id,
          userId: requireCaller(request).user.id,
        }),
    );
    app.delete(
      "/api/v1/key-results/:id",
      {
        schema: {
          tags: ["okrs"],
          summary: "Delete a key result and its check-ins",
          params: idParams,
          response: { 204: z.null(), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        await deleteKeyResult(deps.db, { id: request.params.id, userId: requireCaller(request).user.id });
        return reply.status(204).send(null);
      },
    );
    app.post(
      "/api/v1/key-results/:id/refresh",
      {
        schema: {
          tags: ["okrs"],
          summary:
            "Re-read the key result's Jira query now; returns its new state (202 with state.refreshing when Jira takes longer than a few seconds: the re-read goes on)",
          params: idParams,
          response: {
            200: keyResultSchema,
            202: keyResultSchema,
            ...commonErrorResponses,
            ...jiraErrorResponses,
          },
        },
      },
      async (request, reply) => {
        const { view, refreshing } = await refreshKeyResult(deps, {
          id: request.params.id,
          userId: requireCaller(request).user.id,
        });
        if (!refreshing) return view;
        return reply.status(202).send({ ...view, state: { ...view.state, refreshing: true } });
      },
    );
    app.get(
      "/api/v1/key-results/:id/history",
      {
        schema: {
          tags: ["okrs"],
          summary: "Check-ins over time (who or Jira, value, progress) and the forecast at period end",
          params: idParams,
          response: { 200: historySchema, ...commonErrorResponses },
        },
      },
      async (request, reply) =>
        sendJson(
          reply,
          await getHistoryAnswer(
            deps,
            { kind: "key_result", id: request.params.id, userId: requireCaller(request).user.id },
            presentHistory,
          ),
        ),
    );
    app.get(
      "/api/v1/key-results/:id/issues",
      {
        schema: {
          tags: ["okrs"],
          summary:
            "The Jira issues behind the number, as of the last sync: status, done, what each contributes",
          params: idParams,
          response: { 200: issuesResponseSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        listItemIssues(deps.db, {
          kind: "key_result",
          id: request.params.id,
          userId: requireCaller(request).user.id,
        }),
    );
    app.post(
      "/api/v1/key-results/:id/check-ins",
      {
        schema: {
          tags: ["okrs"],
          summary: "Manual check-in (key results without a data source): the percent, or the KPI's value",
          params: idParams,
          body: checkInBody,
          response: { 201: checkInSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const checkIn = await checkInKeyResult(deps.db, {
          ...request.body,
          id: request.params.id,
          userId: requireCaller(request).user.id,
          now: deps.now(),
        });
        return reply.status(201).send(checkIn);
      },
    );
  };
}
