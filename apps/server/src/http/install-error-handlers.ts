import { isDomainError } from "@goalpost/domain";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "./database-unavailable.ts";
import { describeValidationError } from "./describe-validation-error.ts";
import { errorBody } from "./error-envelope.ts";
import { ERROR_STATUS } from "./error-status.ts";

/** Fastify's own client errors, by code: status and a sentence for the user. */
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: "malformed_json",
    message: "The request body is not valid JSON.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: "malformed_json",
    message: "The request body is empty but says it is JSON.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: "payload_too_large",
    message: "The request body is too large.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    message: "Send the request body as application/json.",
  },
  GP_JSON_TOO_DEEP: {
    status: 400,
    code: "malformed_json",
    message: "The request body nests too deeply.",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: "invalid_content_length",
    message: "The Content-Length header does not match the body.",
  },
};

/**
 * Maps every failure to the error envelope once, at the edge: domain errors by the exhaustive
 * {@link ERROR_STATUS} table, validation with the field named, Fastify's client errors, and anything
 * else as a 500 that is logged (a 500 is a bug).
 */
export function installErrorHandlers(
  app: FastifyInstance,
  options: { spaFallback?: (request: FastifyRequest, reply: FastifyReply) => unknown } = {},
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const { message, fields } = describeValidationError(error.validation, error.validationContext);
      return reply.status(400).send(errorBody("validation_failed", message, { fields }));
    }
    if (isDomainError(error)) {
      return reply.status(ERROR_STATUS[error.code]).send(errorBody(error.code, error.message, error.details));
    }
    const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
    if (known) return reply.status(known.status).send(errorBody(known.code, known.message));
    if (error.statusCode === 429) {
      return reply.status(429).send(errorBody("rate_limited", "Too many requests: try again in a minute."));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(errorBody("bad_request", error.message));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: { message: error.message } }, "database unavailable");
      return reply
        .status(503)
        .header("retry-after", "5")
        .send(
          errorBody(
            "service_unavailable",
            "Goalpost cannot reach its database right now; try again shortly.",
          ),
        );
    }
    request.log.error({ err: error }, "unhandled error");
    return reply
      .status(500)
      .send(errorBody("internal_error", "Something went wrong on our side; it has been logged."));
  });

  app.setNotFoundHandler((request, reply) => {
    if (
      options.spaFallback &&
      request.method === "GET" &&
      !/^\/(api|healthz|readyz|metrics)(\/|$|\?)/.test(request.url)
    ) {
      return options.spaFallback(request, reply);
    }
    return reply
      .status(404)
      .send(errorBody("route_not_found", `No route ${request.method} ${request.url.split("?")[0]}.`));
  });
}
