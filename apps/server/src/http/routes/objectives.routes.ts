import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createObjective } from "../../okrs/create-objective.ts";
import { listObjectivesAnswer } from "../../okrs/list-objectives.ts";
import type { OkrReadDeps } from "../../okrs/okr-deps.ts";
import { updateObjective } from "../../okrs/update-objective.ts";
import { commonErrorResponses } from "../error-envelope.ts";
import { jsonOf, sendJson } from "../json-answer.ts";
import { requireCaller } from "../request-caller.ts";
import { measuredItemRoutes } from "./measured-items.routes.ts";
import {
  createObjectiveBody,
  idParams,
  objectiveListQuery,
  objectivePageSchema,
  objectiveSchema,
  orgParams,
  updateObjectiveBody,
} from "./okr-schemas.ts";

const presentPage = jsonOf(objectivePageSchema);
const presentObjective = jsonOf(objectiveSchema);

/** Objectives: list per period with the org summary, create, edit; the rest as measured items ({@link measuredItemRoutes}). */
export function objectiveRoutes(deps: OkrReadDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/orgs/:orgId/objectives",
      {
        schema: {
          tags: ["okrs"],
          summary:
            "A page of a period's objectives (20 unless `limit` says) in the list shape — title, owner, progress, status, staleness, data source, key results — filtered by owner/status, and the summary by status; the full state (forecast, aligned children) is on each objective's own page",
          params: orgParams,
          querystring: objectiveListQuery,
          response: { 200: objectivePageSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) =>
        sendJson(
          reply,
          await listObjectivesAnswer(
            deps,
            {
              ...request.query,
              orgId: request.params.orgId,
              userId: requireCaller(request).user.id,
              now: deps.now(),
            },
            presentPage,
          ),
        ),
    );
    app.post(
      "/api/v1/orgs/:orgId/objectives",
      {
        schema: {
          tags: ["okrs"],
          summary:
            "Add an objective (owned by you unless told; with its own Jira data source or rolled up from key results)",
          params: orgParams,
          body: createObjectiveBody,
          response: { 201: objectiveSchema, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const objective = await createObjective(deps, {
          ...request.body,
          orgId: request.params.orgId,
          userId: requireCaller(request).user.id,
        });
        return reply.status(201).send(objective);
      },
    );
    app.patch(
      "/api/v1/objectives/:id",
      {
        schema: {
          tags: ["okrs"],
          summary: "Edit an objective (its owner, creator or an admin)",
          params: idParams,
          body: updateObjectiveBody,
          response: { 200: objectiveSchema, ...commonErrorResponses },
        },
      },
      async (request) =>
        updateObjective(deps, {
          ...request.body,
          id: request.params.id,
          userId: requireCaller(request).user.id,
        }),
    );
    await app.register(
      measuredItemRoutes(deps, {
        kind: "objective",
        path: "/api/v1/objectives",
        schema: objectiveSchema,
        present: presentObjective,
        summaries: {
          get: "An objective with its key results, progress, status and aligned children",
          delete: "Delete an objective and its key results (its owner, creator or an admin)",
          refresh:
            "Re-read an objective's own Jira data source now; returns its new state (202 with state.refreshing when Jira takes longer than a few seconds: the re-read goes on)",
          history: "An objective's check-ins over time (its own data source) and forecast",
          issues: "For an objective with its own Jira data source: the Jira issues behind its number",
        },
      }),
    );
  };
}
