/** `GET /rest/api/3/issue/{issueIdOrKey}`: fields default to `*all`. */
import { type ApiContext, query, queryAll } from "../http/context.ts";
import { json } from "../http/respond.ts";
import { parseFieldSelection } from "../render/field-selection.ts";
import { parseExpand, renderIssue } from "../render/issue-bean.ts";
import { visibleIssue } from "./issue-lookup.ts";

/** Answers with one issue. */
export function getIssue(ctx: ApiContext): Response {
  const issue = visibleIssue(ctx);
  const selection = parseFieldSelection(queryAll(ctx, "fields"), "*all", ctx.store.fields);
  const expand = parseExpand(query(ctx, "expand"));
  return json(200, renderIssue(issue, { store: ctx.store, links: ctx.links, selection, expand }));
}
