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
    const keys = unknownKeys(issue.params);
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
  if (typeof params !== "object" || params === null) return [];
  const issue = "issue" in params ? params.issue : params;
  if (typeof issue === "object" && issue !== null && "code" in issue && issue.code === "unrecognized_keys") {
    const keys = "keys" in issue ? issue.keys : undefined;
    return Array.isArray(keys) ? keys.map(String) : [];
  }
  return [];
}
