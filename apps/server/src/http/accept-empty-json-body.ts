import type { FastifyInstance } from "fastify";

/**
 * Lets a request say `Content-Type: application/json` with an empty body (many HTTP clients send the header
 * on every POST and DELETE): the body is then absent, as if no header were sent. A route that takes no body
 * accepts it; a route that needs one refuses it by its schema, naming the body. Anything else is parsed by
 * Fastify's own JSON parser (prototype-poisoning protection and its error codes unchanged).
 */
export function acceptEmptyJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
