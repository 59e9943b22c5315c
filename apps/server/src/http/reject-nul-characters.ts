import { DomainError } from "@goalpost/domain";
import type { FastifyInstance } from "fastify";

/** The first path (dotted) under `value` holding a string with a NUL character, or null. */
export function findNulCharacter(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(key, `${path}.${key}`) ?? findNulCharacter(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold NUL characters; input containing one is refused as a validation error
 * naming the field, before any route sees it (instead of failing deep in the database as a 500).
 */
export function rejectNulCharacters(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const field =
      findNulCharacter(request.params, "params") ??
      findNulCharacter(request.query, "query") ??
      findNulCharacter(request.body, "body");
    if (field) {
      throw new DomainError("validation_failed", `Invalid request: ${field}: contains a NUL character.`, {
        fields: { [field]: "contains a NUL character" },
      });
    }
  });
}
