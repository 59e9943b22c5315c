import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createKeyResult } from "../../okrs/create-key-result.ts";
import type { OkrReadDeps } from "../../okrs/okr-deps.ts";
import { updateKeyResult } from "../../okrs/update-key-result.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { jsonOf } from "../json-answer.ts";
import { requireCaller } from "../request-caller.ts";
import { measuredItemRoutes } from "./measured-items.routes.ts";
import { createKeyResultBody, idParams, keyResultSchema, updateKeyResultBody } from "./okr-schemas.ts";

const presentKeyResult = jsonOf(keyResultSchema);

/** Key results: create, edit; the rest, manual check-ins too, as measured items ({@link measuredItemRoutes}). */
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
    await app.register(
      measuredItemRoutes(deps, {
        kind: "key_result",
        path: "/api/v1/key-results",
        schema: keyResultSchema,
        present: presentKeyResult,
        summaries: {
          get: "A key result with its measure, data source, state and forecast",
          delete: "Delete a key result and its check-ins",
          refresh:
            "Re-read the key result's Jira query now; returns its new state (202 with state.refreshing when Jira takes longer than a few seconds: the re-read goes on)",
          history: "Check-ins over time (who or Jira, value, progress) and the forecast at period end",
          issues:
            "The Jira issues behind the number, as of the last sync: status, done, what each contributes",
          checkIn: "Manual check-in (key results without a data source): the percent, or the KPI's value",
        },
      }),
    );
  };
}
