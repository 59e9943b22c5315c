/**
 * The minimum each method relies on, checked on every response (jira.js's full schemas are only enforced with
 * `onSchemaMismatch: "throw"`): a body missing these is a `malformed_response`, never a crash further down.
 */
import { z } from "zod";
import { toJiraError } from "./to-jira-error.ts";

/** An issue as search and bulkfetch return it. */
export const issueShape = z.looseObject({
  id: z.string(),
  key: z.string().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
});

/** One `search/jql` page. */
export const searchPageShape = z.looseObject({
  issues: z.array(issueShape),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** One `issue/bulkfetch` answer. */
export const bulkFetchShape = z.looseObject({
  issues: z.array(issueShape),
  issueErrors: z.array(z.unknown()).optional(),
});

/** `/myself`. */
export const userShape = z.looseObject({
  accountId: z.string(),
  displayName: z.string().optional(),
  emailAddress: z.string().nullish(),
  active: z.boolean().optional(),
});

/** `/serverInfo`. */
export const serverInfoShape = z.looseObject({
  baseUrl: z.string(),
  deploymentType: z.string().optional(),
  version: z.string().optional(),
  serverTitle: z.string().optional(),
});

/** One `/field` entry. */
export const fieldShape = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  clauseNames: z.array(z.string()).optional(),
  schema: z
    .looseObject({
      type: z.string(),
      custom: z.string().optional(),
      customId: z.number().optional(),
      items: z.string().optional(),
      system: z.string().optional(),
    })
    .optional(),
});

/** `search/approximate-count`. */
export const countShape = z.looseObject({ count: z.number() });

/** `jql/parse`. */
export const parsedJqlShape = z.looseObject({
  queries: z.array(
    z.looseObject({
      query: z.string(),
      structure: z.unknown().optional(),
      errors: z.array(z.string()).optional(),
      warnings: z.array(z.string()).optional(),
    }),
  ),
});

/** One `project/search` page. */
export const projectPageShape = z.looseObject({
  values: z.array(
    z.looseObject({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      projectTypeKey: z.string().optional(),
      avatarUrls: z.record(z.string(), z.string()).optional(),
    }),
  ),
  isLast: z.boolean().optional(),
  total: z.number().optional(),
});

/** One Data Center (v2) `search` page: paged by `startAt`, with an exact `total`. */
export const dcSearchPageShape = z.looseObject({
  issues: z.array(issueShape),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number(),
});

/** Data Center's `/myself`: users have a `key` and a `name`, no `accountId`. */
export const dcMyselfShape = z.looseObject({
  key: z.string().optional(),
  name: z.string(),
  displayName: z.string().optional(),
  emailAddress: z.string().nullish(),
  active: z.boolean().optional(),
});

/** Data Center's `GET /project`: every visible project, unpaged. */
export const dcProjectListShape = z.array(
  z.looseObject({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    projectTypeKey: z.string().optional(),
    avatarUrls: z.record(z.string(), z.string()).optional(),
  }),
);

/** Checks `data` against `shape`, or throws `malformed_response` naming the endpoint. */
export function expectShape<S extends z.ZodType>(shape: S, data: unknown, endpoint: string): z.infer<S> {
  const parsed = shape.safeParse(data);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const detail =
    first === undefined ? "unexpected shape" : `${first.path.join(".") || "body"}: ${first.message}`;
  throw toJiraError({ type: "malformed", status: 200, detail }, { endpoint });
}
