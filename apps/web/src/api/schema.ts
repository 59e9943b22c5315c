import type { components, paths } from "./generated/openapi";

/**
 * Names for the generated OpenAPI types (`npm run gen:api`): the web's API types are aliases of these, never
 * hand-kept copies of the server's.
 */
export type Schemas = components["schemas"];
export type { paths };

type JsonOf<T> = T extends { content: { "application/json": infer Body } } ? Body : never;

/** The JSON a successful `method` on `path` answers (200, 201 or 202). */
export type ResponseBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer Responses;
}
  ? JsonOf<Responses[Extract<keyof Responses, 200 | 201 | 202>]>
  : never;

/** The JSON body `method` on `path` takes. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer Body;
}
  ? JsonOf<NonNullable<Body>>
  : never;
