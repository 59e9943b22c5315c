import { DomainError } from "@goalpost/domain";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyInstance } from "fastify";
import { authenticateApiToken } from "../accounts/authenticate-api-token.ts";
import type { Auth } from "../auth/create-auth.ts";
import type { Db } from "../db/database.ts";
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

/**
 * Resolves the caller of every `/api/v1` request, from `Authorization: Bearer` (a personal API token) or
 * the session cookie. A bad bearer token is a 401 even when a cookie is present. Cookie-authenticated
 * writes must come from our own origin (CSRF guard on top of SameSite=Lax cookies and JSON-only bodies).
 */
export function installAuthentication(
  app: FastifyInstance,
  deps: { db: Db; auth: Auth; publicUrl: string; now(): Date },
) {
  const ownOrigin = new URL(deps.publicUrl).origin;
  app.decorateRequest("caller", null);
  app.addHook("onRequest", async (request, reply) => {
    // Webhook deliveries carry no session: they are authenticated by their HMAC signature.
    if (!request.url.startsWith("/api/v1/") || request.url.startsWith("/api/v1/hooks/")) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const user = match?.[1] ? await authenticateApiToken(deps, match[1]) : null;
      if (!user)
        throw new DomainError("unauthenticated", "The API token is not valid (revoked, or mistyped).");
      request.caller = { user, via: "token" };
      return;
    }
    const { headers, response: session } = await deps.auth.api.getSession({
      headers: fromNodeHeaders(request.headers),
      returnHeaders: true,
    });
    // A refreshed session cache (or a cleared one) goes back to the browser.
    const refreshed = headers.getSetCookie();
    if (refreshed.length > 0) reply.header("set-cookie", refreshed);
    if (!session) {
      // Anonymous: refused before the body is parsed or validated (no schema probing, no work for strangers).
      if (!isPublicOperation(request.method, request.routeOptions.url)) {
        throw new DomainError("unauthenticated", "Sign in, or send a personal API token as a Bearer token.");
      }
      return;
    }
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      const site = request.headers["sec-fetch-site"];
      if (
        (origin !== undefined && !isOwnOrigin(origin, ownOrigin, request.headers.host)) ||
        site === "cross-site"
      ) {
        throw new DomainError("forbidden", "Cross-site request refused.");
      }
    }
    request.caller = {
      user: { id: session.user.id, name: session.user.name, email: session.user.email },
      via: "session",
    };
  });
}

function isOwnOrigin(origin: string, ownOrigin: string, host: string | undefined): boolean {
  if (origin === ownOrigin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
