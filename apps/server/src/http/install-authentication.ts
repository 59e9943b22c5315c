import { DomainError } from "@goalpost/domain";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { authenticateApiToken, touchApiToken } from "../accounts/authenticate-api-token.ts";
import type { CachedCaller, CallerCache } from "../auth/caller-cache.ts";
import type { Auth } from "../auth/create-auth.ts";
import { hashToken } from "../auth/opaque-token.ts";
import type { Db } from "../db/database.ts";
import type { Caller } from "./request-caller.ts";
import "./request-caller.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The only `/api/v1` operations open to anonymous callers; every other one answers 401 before anything else. */
export const PUBLIC_OPERATIONS: ReadonlySet<string> = new Set([
  "POST /api/v1/signup",
  "GET /api/v1/invites/:token",
  "HEAD /api/v1/invites/:token",
]);

function isPublicOperation(method: string, routeUrl: string | undefined): boolean {
  return routeUrl === undefined || PUBLIC_OPERATIONS.has(`${method} ${routeUrl}`);
}

/** better-auth's signed session cookie (`__Secure-` prefixed over https). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/;

/**
 * Resolves the caller of every `/api/v1` request, from `Authorization: Bearer` (a personal API token) or
 * the session cookie. A bad bearer token is a 401 even when a cookie is present. Cookie-authenticated
 * writes must come from our own origin (CSRF guard on top of SameSite=Lax cookies and JSON-only bodies).
 * Verified credentials are kept in `callers` (see {@link CallerCache} for how revocations reach it); any
 * write makes the next request re-read the revocation version, so a sign-out or revocation handled by this
 * process takes effect at once.
 */
export function installAuthentication(
  app: FastifyInstance,
  deps: { db: Db; auth: Auth; publicUrl: string; now(): Date; callers: CallerCache },
) {
  const ownOrigin = new URL(deps.publicUrl).origin;
  app.decorateRequest("caller", null);
  app.addHook("onResponse", async (request) => {
    if (!SAFE_METHODS.has(request.method)) deps.callers.expire();
  });
  app.addHook("onRequest", async (request, reply) => {
    // Webhook deliveries carry no session: they are authenticated by their HMAC signature.
    if (!request.url.startsWith("/api/v1/") || request.url.startsWith("/api/v1/hooks/")) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const caller = match?.[1] ? await tokenCaller(deps, match[1]) : null;
      if (!caller)
        throw new DomainError("unauthenticated", "The API token is not valid (revoked, or mistyped).");
      request.caller = caller;
      return;
    }
    const cookie = SESSION_COOKIE.exec(request.headers.cookie ?? "")?.[1];
    const key = `session:${cookie}`;
    let caller = cookie === undefined ? undefined : (await deps.callers.get(key))?.caller;
    if (!caller && cookie !== undefined) {
      const generation = deps.callers.generation;
      const { headers, response: session } = await deps.auth.api.getSession({
        headers: fromNodeHeaders(request.headers),
        returnHeaders: true,
      });
      // A refreshed (or cleared) session cookie goes back to the browser.
      const refreshed = headers.getSetCookie();
      if (refreshed.length > 0) reply.header("set-cookie", refreshed);
      if (session) {
        caller = {
          user: { id: session.user.id, name: session.user.name, email: session.user.email },
          via: "session",
        };
        deps.callers.set(key, { caller }, generation, new Date(session.session.expiresAt));
      }
    }
    if (!caller) {
      // Anonymous: refused before the body is parsed or validated (no schema probing, no work for strangers).
      if (!isPublicOperation(request.method, request.routeOptions.url)) {
        throw new DomainError("unauthenticated", "Sign in, or send a personal API token as a Bearer token.");
      }
      return;
    }
    if (!SAFE_METHODS.has(request.method) && !isSameSite(request, ownOrigin)) {
      throw new DomainError("forbidden", "Cross-site request refused.");
    }
    request.caller = caller;
  });
}

async function tokenCaller(deps: { db: Db; now(): Date; callers: CallerCache }, token: string) {
  const key = `token:${hashToken(token)}`;
  const cached = await deps.callers.get(key);
  if (cached?.token) {
    cached.token.lastUsedAt = await touchApiToken(deps, cached.token);
    return cached.caller;
  }
  const generation = deps.callers.generation;
  const owner = await authenticateApiToken(deps, token);
  if (!owner) return null;
  const entry: CachedCaller = {
    caller: { user: owner.user, via: "token" } satisfies Caller,
    token: { tokenId: owner.tokenId, lastUsedAt: owner.lastUsedAt },
  };
  deps.callers.set(key, entry, generation);
  return entry.caller;
}

function isSameSite(request: FastifyRequest, ownOrigin: string): boolean {
  const origin = request.headers.origin;
  if (request.headers["sec-fetch-site"] === "cross-site") return false;
  return origin === undefined || isOwnOrigin(origin, ownOrigin, request.headers.host);
}

function isOwnOrigin(origin: string, ownOrigin: string, host: string | undefined): boolean {
  if (origin === ownOrigin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
