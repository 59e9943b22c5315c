import { DomainError } from "@goalpost/domain";
import type { FastifyRequest } from "fastify";

/** Who is calling: a signed-in browser session or a personal API token. */
export interface Caller {
  user: { id: string; name: string; email: string };
  via: "session" | "token";
}

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/**
 * The authenticated caller of a route.
 * @throws DomainError unauthenticated when nobody is signed in.
 */
export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller)
    throw new DomainError("unauthenticated", "Sign in, or send a personal API token as a Bearer token.");
  return request.caller;
}
