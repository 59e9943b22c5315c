import type { FastifyInstance } from "fastify";

/** Deepest nesting a Goalpost request body needs is a handful of levels; 64 leaves room and stays far from the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest array/object nesting in a JSON text, counted in one linear pass that skips strings — without
 * parsing, so a ~200k-deep document is measured in microseconds and never reaches anything recursive.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** The error a too-deep body becomes (mapped to 400 `malformed_json` by the error handler). */
export class JsonTooDeepError extends Error {
  readonly code = "GP_JSON_TOO_DEEP";
  readonly statusCode = 400;
}

/**
 * Replaces Fastify's JSON body parser with one that takes an empty body as no body, refuses bodies nested deeper than
 * {@link MAX_JSON_DEPTH} (a ~200k-deep body overflowed the stack in code walking the parsed value: 500 on every
 * JSON route, sign-in too), then parses exactly as Fastify does (prototype-poisoning protection kept).
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    // Many HTTP clients send `Content-Type: application/json` on every POST and DELETE: an empty body is then
    // absent, as if no header were sent (a route that takes no body accepts it; one that needs one names it).
    if (text.trim() === "") {
      done(null, undefined);
      return;
    }
    if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
      done(new JsonTooDeepError(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`), undefined);
      return;
    }
    parse(request, text, done);
  });
}
