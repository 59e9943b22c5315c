/** Admin webhooks: `/rest/webhooks/1.0/webhook` (list, register, get, delete). */
import { type ApiContext, jsonBody, requireAdmin } from "../http/context.ts";
import { JiraHttpError, json, noContent } from "../http/respond.ts";
import { jqlSiteFor } from "../search/jql-site.ts";
import type { SiteWebhook } from "../store/types.ts";

const EVENTS = new Set(["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"]);

function render(ctx: ApiContext, webhook: SiteWebhook): Record<string, unknown> {
  const owner = ctx.store.users.get(webhook.createdBy);
  return {
    self: `${ctx.links.base}/rest/webhooks/1.0/webhook/${webhook.id}`,
    name: webhook.name,
    url: webhook.url,
    events: webhook.events,
    filters: { "issue-related-events-section": webhook.jqlFilter },
    excludeBody: webhook.excludeBody,
    enabled: webhook.enabled,
    lastUpdatedUser: webhook.createdBy,
    lastUpdatedDisplayName: owner?.displayName ?? "",
    lastUpdated: webhook.created,
  };
}

const webhookOr404 = (ctx: ApiContext): SiteWebhook => {
  const webhook = ctx.store.webhooks.get(Number(ctx.params.id));
  if (webhook === undefined) throw new JiraHttpError(404, ["Webhook not found."]);
  return webhook;
};

/** Lists webhooks. */
export function listWebhooks(ctx: ApiContext): Response {
  requireAdmin(ctx);
  return json(
    200,
    [...ctx.store.webhooks.values()].map((w) => render(ctx, w)),
  );
}

/** Registers a webhook: `{name, url, events, filters: {"issue-related-events-section": JQL}, excludeBody, secret}`. */
export async function registerWebhook(ctx: ApiContext): Promise<Response> {
  const admin = requireAdmin(ctx);
  const body = await jsonBody(ctx);
  const url = typeof body.url === "string" ? body.url : "";
  const events = Array.isArray(body.events) ? body.events.map(String) : [];
  const filters = (body.filters ?? {}) as Record<string, unknown>;
  const jql =
    typeof filters["issue-related-events-section"] === "string"
      ? filters["issue-related-events-section"]
      : "";
  if (!/^https?:\/\//.test(url))
    throw new JiraHttpError(400, [], { url: "The URL must be a valid http or https URL." });
  const unknown = events.filter((e) => !EVENTS.has(e));
  if (unknown.length > 0)
    throw new JiraHttpError(400, [`Unsupported webhook event(s): ${unknown.join(", ")}`]);
  if (jql.trim() !== "") {
    const result = ctx.state.jql.compile(jql, jqlSiteFor(ctx.store, admin));
    if (!result.ok) throw new JiraHttpError(400, result.errorMessages);
  }
  const webhook: SiteWebhook = {
    id: ctx.store.nextId("webhook"),
    name: typeof body.name === "string" ? body.name : "webhook",
    url,
    events,
    jqlFilter: jql,
    ...(typeof body.secret === "string" && body.secret !== "" ? { secret: body.secret } : {}),
    enabled: body.enabled !== false,
    excludeBody: body.excludeBody === true,
    createdBy: admin.accountId,
    created: ctx.store.now().getTime(),
  };
  ctx.store.webhooks.set(webhook.id, webhook);
  return json(201, render(ctx, webhook));
}

/** Reads one webhook. */
export function getWebhook(ctx: ApiContext): Response {
  requireAdmin(ctx);
  return json(200, render(ctx, webhookOr404(ctx)));
}

/** Deletes one webhook. */
export function deleteWebhook(ctx: ApiContext): Response {
  requireAdmin(ctx);
  ctx.store.webhooks.delete(webhookOr404(ctx).id);
  return noContent();
}
