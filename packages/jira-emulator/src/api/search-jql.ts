/** `GET|POST /rest/api/3/search/jql`: enhanced search with `nextPageToken` paging and no `total`. */
import { type ApiContext, jsonBody, query, queryAll } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import { parseFieldSelection } from "../render/field-selection.ts";
import { parseExpand, renderIssue } from "../render/issue-bean.ts";
import { pageCap } from "../search/page-caps.ts";
import { INVALID_TOKEN_MESSAGE, issuePageToken, readPageToken } from "../search/page-token.ts";
import { runSearch } from "../search/run-search.ts";

/** The parameters of one search request, from the query string or the body. */
interface SearchParams {
  jql: string;
  nextPageToken: string | undefined;
  maxResults: number;
  fields: string[] | undefined;
  expand: string | undefined;
}

const POST_KEYS = new Set([
  "jql",
  "nextPageToken",
  "maxResults",
  "fields",
  "expand",
  "properties",
  "fieldsByKeys",
  "failFast",
  "reconcileIssues",
]);

async function readParams(ctx: ApiContext): Promise<SearchParams> {
  if (ctx.request.method === "GET") {
    const max = query(ctx, "maxResults");
    return {
      jql: query(ctx, "jql") ?? "",
      nextPageToken: query(ctx, "nextPageToken"),
      maxResults: max === undefined ? 50 : Number(max),
      fields: queryAll(ctx, "fields"),
      expand: query(ctx, "expand"),
    };
  }
  const body = await jsonBody(ctx);
  for (const key of Object.keys(body)) {
    if (!POST_KEYS.has(key)) throw new JiraHttpError(400, [`Unrecognized field "${key}"`]);
  }
  const fields = body.fields;
  return {
    jql: typeof body.jql === "string" ? body.jql : "",
    nextPageToken: typeof body.nextPageToken === "string" ? body.nextPageToken : undefined,
    maxResults: typeof body.maxResults === "number" ? body.maxResults : 50,
    fields: Array.isArray(fields) ? fields.map(String) : typeof fields === "string" ? [fields] : undefined,
    expand: typeof body.expand === "string" ? body.expand : undefined,
  };
}

/** Handles both the GET and the POST form. */
export async function searchJql(ctx: ApiContext): Promise<Response> {
  const params = await readParams(ctx);
  if (!Number.isFinite(params.maxResults))
    throw new JiraHttpError(400, ["Invalid value for parameter 'maxResults'."]);
  const { state, store, user } = ctx;
  const accountId = user?.accountId ?? "anonymous";
  let offset = 0;
  if (params.nextPageToken !== undefined && params.nextPageToken !== "") {
    if (state.faults.expirePageTokens) throw new JiraHttpError(400, [INVALID_TOKEN_MESSAGE]);
    offset = readPageToken(params.nextPageToken, params.jql, accountId, store.now());
    const doomed = state.faults.deleteProjectOnNextPage;
    if (doomed !== null) {
      state.faults.deleteProjectOnNextPage = null;
      const project = store.findProject(doomed);
      if (project !== undefined) store.deleteProject(project.id);
    }
  }
  const selection = parseFieldSelection(params.fields, "id", store.fields);
  const expand = parseExpand(params.expand);
  const limit = Math.max(0, Math.min(Math.floor(params.maxResults), pageCap(selection, expand)));
  const issues = runSearch(state, user, params.jql, { requireBounded: true });
  const page = issues.slice(offset, offset + limit);
  const hasMore = offset + page.length < issues.length;
  const rendered = page.map((issue) => {
    if (selection.idKeyOnly && expand.size === 0 && (params.fields ?? []).length === 0)
      return { id: issue.id };
    return renderIssue(issue, { store, links: ctx.links, selection, expand });
  });
  const body: Record<string, unknown> = { issues: rendered };
  if (hasMore) body.nextPageToken = issuePageToken(params.jql, accountId, offset + page.length, store.now());
  body.isLast = !hasMore;
  if (expand.has("names") || expand.has("schema")) {
    const fields = selection.ids.map((id) => store.findField(id)).filter((f) => f !== undefined);
    if (expand.has("names")) body.names = Object.fromEntries(fields.map((f) => [f.id, f.name]));
    if (expand.has("schema"))
      body.schema = Object.fromEntries(fields.flatMap((f) => (f.schema ? [[f.id, f.schema]] : [])));
  }
  return json(200, body);
}
