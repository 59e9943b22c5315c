/** `POST /rest/api/3/search/approximate-count`: `{count}` for a bounded JQL. */
import { type ApiContext, jsonBody } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { runSearch } from "../search/run-search.ts";

/** Counts matching issues (exact here; Jira calls it approximate). */
export async function approximateCount(ctx: ApiContext): Promise<Response> {
  const body = await jsonBody(ctx);
  const jql = typeof body.jql === "string" ? body.jql : "";
  return json(200, { count: runSearch(ctx.state, ctx.user, jql, { requireBounded: true }).length });
}
