import type { FastifySchemaValidationError } from "fastify";

/**
 * Turns schema validation failures into `{ message, fields }`, naming each offending field as a dotted path
 * prefixed by where it was (`body.name`, `query.limit`); unknown fields are named too.
 */
export function describeValidationError(
  issues: readonly FastifySchemaValidationError[],
  context: string | undefined,
): { message: string; fields: Record<string, string> } {
  const where = context === "querystring" ? "query" : (context ?? "body");
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.instancePath.split("/").filter(Boolean).join(".");
    const keys = issue.keyword === "unrecognized_keys" ? unknownKeys(issue.params) : [];
    if (keys.length > 0) {
      for (const key of keys) fields[[where, path, key].filter(Boolean).join(".")] = "unknown field";
      continue;
    }
    fields[[where, path].filter(Boolean).join(".") || where] = issue.message ?? "invalid";
  }
  const list = Object.entries(fields).map(([field, message]) => `${field}: ${message}`);
  return { message: `Invalid request: ${list.join("; ")}.`, fields };
}

function unknownKeys(params: unknown): string[] {
  if (typeof params !== "object" || params === null || !("keys" in params)) return [];
  return Array.isArray(params.keys) ? params.keys.map(String) : [];
}
