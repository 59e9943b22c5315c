/** What every API handler receives. */

import type { EmulatorState } from "../emulator-state.ts";
import type { Links } from "../render/decorate.ts";
import type { SiteStore } from "../store/site-store.ts";
import type { SiteUser } from "../store/types.ts";
import { JiraHttpError } from "./respond.ts";

/** A request being handled. */
export interface ApiContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  state: EmulatorState;
  store: SiteStore;
  /** The authenticated caller, or null when anonymous. */
  user: SiteUser | null;
  links: Links;
}

/** The single value of a query parameter. */
export function query(ctx: ApiContext, name: string): string | undefined {
  return ctx.url.searchParams.get(name) ?? undefined;
}

/** All values of a repeatable query parameter. */
export function queryAll(ctx: ApiContext, name: string): string[] {
  return ctx.url.searchParams.getAll(name);
}

/** An integer query parameter with a default; 400 in Jira's words when not a number. */
export function queryInt(ctx: ApiContext, name: string, fallback: number): number {
  const raw = query(ctx, name);
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) {
    throw new JiraHttpError(400, [`Invalid value '${raw}' for parameter '${name}'.`]);
  }
  return value;
}

/** Reads the JSON body (an object); 400 with Jira's wording when it is not valid JSON. */
export async function jsonBody(ctx: ApiContext): Promise<Record<string, unknown>> {
  const text = await ctx.request.text();
  if (text.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new JiraHttpError(400, ["Can not deserialize instance of object out of non-object token"]);
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    if (error instanceof JiraHttpError) throw error;
    throw new JiraHttpError(400, ["Unexpected character in request body: it is not valid JSON."]);
  }
}

/** Requires an authenticated caller (401 otherwise). */
export function requireUser(ctx: ApiContext): SiteUser {
  if (ctx.user === null)
    throw new JiraHttpError(401, [
      "You are not authenticated. Authentication required to perform this operation.",
    ]);
  return ctx.user;
}

/** Requires a site admin (403 in Jira's words otherwise). */
export function requireAdmin(ctx: ApiContext): SiteUser {
  const user = requireUser(ctx);
  if (!user.siteAdmin)
    throw new JiraHttpError(403, ["You must have global administrator rights to perform this operation."]);
  return user;
}
