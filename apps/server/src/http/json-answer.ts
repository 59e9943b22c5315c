import type { FastifyReply } from "fastify";
import { z } from "zod";

/**
 * `value` serialised as its route's response `schema` would (zod encoding, unknown keys dropped), for an
 * answer that is computed once and then sent as is.
 */
export function jsonOf<S extends z.ZodType>(schema: S): (value: z.output<S>) => Buffer {
  return (value) => Buffer.from(JSON.stringify(z.encode(schema, value)));
}

/** Sends JSON already serialised by {@link jsonOf} (Fastify sends a buffer as it is). */
export function sendJson(reply: FastifyReply, json: Buffer): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(json);
}
