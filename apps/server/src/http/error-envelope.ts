import { z } from "zod";

/** The error body of every `/api` failure: `{ error: { code, message, details? } }`. */
export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable snake_case code", example: "validation_failed" }),
      message: z.string().meta({ description: "A human sentence" }),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: "Error" });

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Builds an error body. */
export function errorBody(code: string, message: string, details?: Record<string, unknown>): ErrorEnvelope {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const commonErrorResponses = {
  400: errorEnvelopeSchema,
  401: errorEnvelopeSchema,
  403: errorEnvelopeSchema,
  404: errorEnvelopeSchema,
  409: errorEnvelopeSchema,
} as const;

/** Error responses of routes that call Jira: 422 (Jira said no; its messages in `details.jira`), 429, 502, 504. */
export const jiraErrorResponses = {
  422: errorEnvelopeSchema,
  429: errorEnvelopeSchema,
  502: errorEnvelopeSchema,
  504: errorEnvelopeSchema,
} as const;
