/**
 * Data Center's `GET|POST /rest/api/2/search`: paged by `startAt`/`maxResults` with an exact `total`, at most
 * 1000 issues a page (`jira.search.views.default.max`), `validateQuery` strict (default) or warn.
 */
import { type ApiContext, jsonBody, query, queryAll } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { parseFieldSelection } from "../render/field-selection.ts";
import { parseExpand, renderIssue } from "../render/issue-bean.ts";
import { runSearchWithWarnings } from "../search/run-search.ts";

const ID_ONLY_EXPAND = "operations,versionedRepresentations,editmeta,changelog,renderedFields";

/** Data Center's default page cap. */
export const DATA_CENTER_PAGE_CAP = 1000;

interface SearchParams {
  jql: string;
  startAt: number;
  maxResults: number;
  fields: string[] | undefined;
  expand: string | undefined;
  validateQuery: "strict" | "warn" | "none";
}

function validateMode(value: unknown): SearchParams["validateQuery"] {
  if (value === false || value === "false" || value === "none") return "none";
  if (value === "warn") return "warn";
  return "strict";
}

async function readParams(ctx: ApiContext): Promise<SearchParams> {
  if (ctx.request.method === "GET") {
    const fields = queryAll(ctx, "fields").flatMap((f) => f.split(","));
    return {
      jql: query(ctx, "jql") ?? "",
      startAt: Number(query(ctx, "startAt") ?? 0),
      maxResults: Number(query(ctx, "maxResults") ?? 50),
      fields: fields.length === 0 ? undefined : fields,
      expand: query(ctx, "expand"),
      validateQuery: validateMode(query(ctx, "validateQuery")),
    };
  }
  const body = await jsonBody(ctx);
  const fields = body.fields;
  return {
    jql: typeof body.jql === "string" ? body.jql : "",
    startAt: typeof body.startAt === "number" ? body.startAt : 0,
    maxResults: typeof body.maxResults === "number" ? body.maxResults : 50,
    fields: Array.isArray(fields) ? fields.map(String) : typeof fields === "string" ? [fields] : undefined,
    expand: Array.isArray(body.expand)
      ? body.expand.map(String).join(",")
      : (body.expand as string | undefined),
    validateQuery: validateMode(body.validateQuery),
  };
}

/** Handles both the GET and the POST form. */
export async function searchV2(ctx: ApiContext): Promise<Response> {
  const params = await readParams(ctx);
  if (!Number.isFinite(params.maxResults) || !Number.isFinite(params.startAt))
    throw new JiraHttpError(400, ["Invalid value for parameter 'maxResults' or 'startAt'."]);
  const { state, store, user } = ctx;
  const selection = parseFieldSelection(params.fields, "*navigable", store.fields);
  const expand = parseExpand(params.expand);
  const startAt = Math.max(0, Math.floor(params.startAt));
  const limit = Math.max(0, Math.min(Math.floor(params.maxResults), DATA_CENTER_PAGE_CAP));
  const doomed = state.faults.deleteProjectOnNextPage;
  if (startAt > 0 && doomed !== null) {
    // The "project deleted while paging" fault: on Data Center, a later page is a later `startAt`.
    state.faults.deleteProjectOnNextPage = null;
    const project = store.findProject(doomed);
    if (project !== undefined) store.deleteProject(project.id);
  }
  const found = runSearchWithWarnings(state, user, params.jql, {
    requireBounded: false,
    missingValues: params.validateQuery === "strict" ? "errors" : "warnings",
  });
  const page = found.issues.slice(startAt, startAt + limit);
  return json(200, {
    expand: "schema,names",
    startAt,
    maxResults: limit,
    total: found.issues.length,
    issues: page.map((issue) =>
      // Only ids asked (Goalpost's membership pages): Data Center still sends id, key, self and expand.
      selection.idKeyOnly && expand.size === 0
        ? { expand: ID_ONLY_EXPAND, id: issue.id, self: `${ctx.links.api}/issue/${issue.id}`, key: issue.key }
        : renderIssue(issue, { store, links: ctx.links, selection, expand }),
    ),
    ...(params.validateQuery === "warn" && found.warnings.length > 0
      ? { warningMessages: found.warnings }
      : {}),
  });
}
