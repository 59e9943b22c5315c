/** `POST /rest/api/3/jql/parse?validation=strict|warn|none`: delegated to the JQL engine. */
import { type ApiContext, jsonBody, query } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import type { JqlValidation } from "../jql/types.ts";
import { jqlSiteFor } from "../search/jql-site.ts";

/** Parses each query; errors do not fail the HTTP call. */
export async function parseJql(ctx: ApiContext): Promise<Response> {
  const body = await jsonBody(ctx);
  const validation = (query(ctx, "validation") ?? "strict") as JqlValidation;
  if (!["strict", "warn", "none"].includes(validation)) {
    throw new JiraHttpError(400, [`Invalid validation type: '${validation}'.`]);
  }
  if (!Array.isArray(body.queries))
    throw new JiraHttpError(400, [], { queries: "The queries field is required." });
  const queries = body.queries.map(String);
  return json(200, ctx.state.jql.parse(queries, jqlSiteFor(ctx.store, ctx.user), validation));
}
