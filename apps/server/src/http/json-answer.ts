import type { FastifyReply } from "fastify";
import { z } from "zod";

/**
 * `value` serialised as its route's response `schema` would (zod encoding, unknown keys dropped), for an
 * answer that is computed once and then sent as is.
 */
export function jsonOf<S extends z.ZodType>(schema: S): (value: z.output<S>) => string {
  return (value) => JSON.stringify(z.encode(schema, value));
}

/** Sends JSON already serialised by {@link jsonOf} (Fastify does not serialise a string again). */
export function sendJson(reply: FastifyReply, json: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(json);
}
