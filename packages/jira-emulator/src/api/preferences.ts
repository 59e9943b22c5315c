/** `GET|PUT|DELETE /rest/api/3/mypreferences?key=` and `GET /rest/api/3/mypreferences/locale`. */
import { type ApiContext, query, requireUser } from "../http/context.ts";
import { JiraHttpError, json, noContent } from "../http/respond.ts";

/** Jira's limit on a preference value. */
const MAX_VALUE = 255;

function keyOf(ctx: ApiContext): string {
  const key = query(ctx, "key") ?? "";
  if (key.trim() === "") throw new JiraHttpError(404, ["The preference key must be provided."]);
  return key;
}

function preferencesOf(ctx: ApiContext): Map<string, string> {
  const user = requireUser(ctx);
  let mine = ctx.store.preferences.get(user.accountId);
  if (mine === undefined) {
    mine = new Map();
    ctx.store.preferences.set(user.accountId, mine);
  }
  return mine;
}

/** `GET`: the value as a JSON string; 404 when the key was never set. */
export function getPreference(ctx: ApiContext): Response {
  const key = keyOf(ctx);
  const value = preferencesOf(ctx).get(key);
  if (value === undefined) throw new JiraHttpError(404, [`The preference '${key}' does not exist.`]);
  return json(200, value);
}

/** `PUT`: the body is the value, as a JSON string (what jira.js sends) or as plain text; 204. */
export async function setPreference(ctx: ApiContext): Promise<Response> {
  const key = keyOf(ctx);
  const mine = preferencesOf(ctx);
  const text = await ctx.request.text();
  let value = text;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "string") value = parsed;
    else if (typeof parsed === "number" || typeof parsed === "boolean") value = String(parsed);
  } catch {
    // plain text: the value as sent
  }
  if (value === "") throw new JiraHttpError(404, ["The preference value must be provided."]);
  if (value.length > MAX_VALUE)
    throw new JiraHttpError(400, [`The preference value must not be longer than ${MAX_VALUE} characters.`]);
  mine.set(key, value);
  return noContent();
}

/** `DELETE`: 204; 404 when the key was never set. */
export function removePreference(ctx: ApiContext): Response {
  const key = keyOf(ctx);
  if (!preferencesOf(ctx).delete(key))
    throw new JiraHttpError(404, [`The preference '${key}' does not exist.`]);
  return noContent();
}

/** `GET locale`: the site locale (anonymous callers too), as users of the emulator have no own language. */
export function getLocale(): Response {
  return json(200, { locale: "en_US" });
}
