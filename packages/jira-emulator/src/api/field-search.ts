/** `GET /rest/api/3/field/search`: the site's fields, paged and filtered, in the `Field` shape. */
import { type ApiContext, query, queryAll, queryInt } from "../http/context.ts";
import { JiraHttpError, json } from "../http/respond.ts";
import type { FieldDetails } from "../store/types.ts";

const ORDERS = new Set(["contextsCount", "lastUsed", "name", "screensCount"]);

/** Jira Software's own fields (story points, sprint, rank, epic fields) are locked on real sites. */
const isLocked = (field: FieldDetails): boolean => field.schema?.custom?.startsWith("com.pyxis.") === true;

function listParam(ctx: ApiContext, name: string): string[] {
  return queryAll(ctx, name)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
}

function render(field: FieldDetails): Record<string, unknown> {
  return {
    id: field.id,
    key: field.key ?? field.id,
    name: field.name,
    schema: field.schema,
    description: "",
    isLocked: isLocked(field),
  };
}

/**
 * Pages the fields that have a value type (`schema`; the paged API's `Field` requires one): `type` (custom,
 * system), `id`, `query` (part of the name, case-insensitive), `orderBy` (`name`, `-name`; by id otherwise),
 * `startAt`, `maxResults` (default 50).
 */
export function searchFields(ctx: ApiContext): Response {
  const startAt = Math.max(0, queryInt(ctx, "startAt", 0));
  const maxResults = Math.max(0, queryInt(ctx, "maxResults", 50));
  const types = listParam(ctx, "type");
  for (const type of types)
    if (type !== "custom" && type !== "system")
      throw new JiraHttpError(400, [`Invalid value '${type}' for parameter 'type'.`]);
  const ids = listParam(ctx, "id");
  const text = query(ctx, "query")?.toLowerCase();
  const orderBy = query(ctx, "orderBy");
  if (orderBy !== undefined && !ORDERS.has(orderBy.replace(/^[-+]/, "")))
    throw new JiraHttpError(400, [`Invalid orderBy: ${orderBy}`]);
  const matching = ctx.store.fields
    .filter((f) => f.schema !== undefined)
    .filter((f) => types.length === 0 || types.includes(f.custom ? "custom" : "system"))
    .filter((f) => ids.length === 0 || ids.includes(f.id))
    .filter((f) => text === undefined || f.name.toLowerCase().includes(text));
  if (orderBy?.replace(/^[-+]/, "") === "name") {
    const sign = orderBy.startsWith("-") ? -1 : 1;
    matching.sort((a, b) => a.name.localeCompare(b.name) * sign);
  }
  const page = matching.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= matching.length;
  const base = `${ctx.links.api}/field/search`;
  return json(200, {
    self: `${base}?maxResults=${maxResults}&startAt=${startAt}`,
    ...(isLast ? {} : { nextPage: `${base}?maxResults=${maxResults}&startAt=${startAt + maxResults}` }),
    maxResults,
    startAt,
    total: matching.length,
    isLast,
    values: page.map(render),
  });
}
