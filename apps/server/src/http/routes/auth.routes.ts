import type { FastifyInstance } from "fastify";
import { type Auth, CLIENT_IP_HEADER } from "../../auth/create-auth.ts";
import { errorBody } from "../error-envelope.ts";

/** The better-auth endpoints the app uses; the rest of its surface (its own sign-up, …) stays closed. */
const EXPOSED = new Set([
  "/sign-in/email",
  "/sign-out",
  "/get-session",
  "/change-password",
  "/list-sessions",
  "/update-user",
  "/revoke-sessions",
]);

/**
 * Mounts better-auth under `/api/auth/*`: sign-in, sign-out, session, and the account basics (change password,
 * profile name, sign out everywhere). The client address Fastify trusts is
 * passed in {@link CLIENT_IP_HEADER} for better-auth's sign-in rate limit; a client-sent copy is dropped.
 */
export function authRoutes(deps: { auth: Auth; publicUrl: string }) {
  return async (app: FastifyInstance) => {
    app.route({
      method: ["GET", "POST"],
      url: "/api/auth/*",
      schema: { hide: true },
      async handler(request, reply) {
        const path = request.url.replace(/^\/api\/auth/, "").split("?")[0] ?? "";
        if (!EXPOSED.has(path)) {
          return reply
            .status(404)
            .send(errorBody("route_not_found", `No route ${request.method} ${request.url}.`));
        }
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) {
          if (name === CLIENT_IP_HEADER || name === "content-length" || value === undefined) continue;
          headers.set(name, Array.isArray(value) ? value.join(", ") : value);
        }
        headers.set(CLIENT_IP_HEADER, request.ip);
        const response = await deps.auth.handler(
          new Request(new URL(request.url, deps.publicUrl), {
            method: request.method,
            headers,
            ...(request.method === "POST" ? { body: JSON.stringify(request.body ?? {}) } : {}),
          }),
        );
        reply.status(response.status);
        response.headers.forEach((value, name) => {
          if (name !== "set-cookie") reply.header(name, value);
        });
        for (const cookie of response.headers.getSetCookie()) reply.header("set-cookie", cookie);
        return reply.send(response.body ? await response.text() : null);
      },
    });
  };
}
