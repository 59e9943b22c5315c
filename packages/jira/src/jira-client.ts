/**
 * `createJiraClient`: the read-only Jira client the sync engine and the connection screens use, for Jira Cloud
 * (REST v3) and Jira Data Center / Server (REST v2, see data-center-client.ts).
 */
import {
  bulkFetchIssues,
  countIssues,
  getCurrentUser,
  getFields,
  getServerInfo,
  parseJqlQueries,
  searchAndReconsileIssuesUsingJqlPost,
  searchProjects,
} from "jira.js/cloud";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./backoff.ts";
import { createDataCenterClient } from "./data-center-client.ts";
import { isJiraError, JiraError } from "./jira-error.ts";
import type { JiraField } from "./jira-field.ts";
import {
  bulkFetchShape,
  countShape,
  expectShape,
  fieldShape,
  parsedJqlShape,
  projectPageShape,
  searchPageShape,
  serverInfoShape,
  userShape,
} from "./response-shapes.ts";
import { type SiteLimiter, sharedSiteLimiter } from "./site-limiter.ts";
import { toIssue } from "./to-issue.ts";
import { toJiraError } from "./to-jira-error.ts";
import { basicAuth, bearerAuth, createTransport } from "./transport.ts";
import type { HostResolver } from "./url-guard.ts";

/** Which Jira: Atlassian's Cloud, or a company's own Data Center / Server. */
export type JiraDeployment = "cloud" | "dataCenter";

/** Options for {@link createJiraClient}. */
export interface JiraClientOptions {
  /** Site URL, e.g. `https://acme.atlassian.net`. */
  baseUrl: string;
  /** `cloud` (default): REST v3, basic auth with e-mail + API token; `dataCenter`: REST v2, a bearer PAT. */
  deployment?: JiraDeployment;
  /** Cloud: account e-mail (basic auth user). Without it and the token, calls are anonymous. */
  email?: string;
  /** Cloud: API token (basic auth password). Never logged, never in an error. */
  apiToken?: string;
  /** Data Center: personal access token (`Authorization: Bearer`). Never logged, never in an error. */
  personalAccessToken?: string;
  /** Hosts exempt from the SSRF guard (`host` or `host:port`), from the operator's config. */
  allowHosts?: readonly string[];
  /** Per-attempt timeout, headers and body included (default 15 000 ms). */
  timeoutMs?: number;
  /** Concurrent calls to this site from the whole process (default 4; the first client for a host fixes it). */
  maxConcurrency?: number;
  /** Retry policy for transient failures (merged over {@link DEFAULT_RETRY_POLICY}). */
  retry?: Partial<RetryPolicy>;
  /** `fetch` to use (default: global fetch). */
  fetch?: typeof fetch;
  /** DNS resolver for the SSRF guard (tests). */
  resolve?: HostResolver;
  /** Concurrency limiter (default: process-wide, keyed by host). */
  limiter?: SiteLimiter;
  /** `throw`: responses must match jira.js's schemas (tests); `ignore` (default): only the fields we use are checked. */
  onSchemaMismatch?: "throw" | "ignore";
  /** Sleep used between retries (tests). */
  sleep?: (ms: number) => Promise<void>;
  /** Random source for jitter (tests). */
  random?: () => number;
}

/** The authenticated account. */
export interface JiraUser {
  accountId: string;
  displayName: string;
  emailAddress: string | null;
  active: boolean;
}

/** The site's identity. */
export interface JiraServerInfo {
  baseUrl: string;
  deploymentType: string | undefined;
  version: string | undefined;
  serverTitle: string | undefined;
}

/** An issue with the requested fields (`fields` holds only what was asked for). */
export interface JiraIssue {
  id: string;
  key: string | undefined;
  fields: Record<string, unknown>;
}

/** Jira's verdict on one JQL query. */
export interface ParsedJql {
  query: string;
  /** Jira's own error messages; empty when the query is valid. */
  errors: string[];
  warnings: string[];
  valid: boolean;
}

/** A project from `project/search`. */
export interface JiraProject {
  id: string;
  key: string;
  name: string;
  projectTypeKey: string | undefined;
  /** The project's 48×48 avatar, when Jira sends one. */
  avatarUrl: string | undefined;
}

/** Options for paged searches. */
export interface SearchOptions {
  /** Page size asked of Jira (Jira may return fewer). */
  pageSize?: number;
  /** Stop after this many issues (safety net; default unlimited). */
  limit?: number;
}

/** The read-only Jira client. Every method throws a {@link JiraError} on failure. */
export interface JiraClient {
  /** The REST dialect it speaks. */
  readonly deployment: JiraDeployment;
  /** `GET /myself`: who the token belongs to (the connection test). */
  myself(): Promise<JiraUser>;
  /** `GET /serverInfo`. */
  serverInfo(): Promise<JiraServerInfo>;
  /** `GET /field`: every field the account can see. */
  listFields(): Promise<JiraField[]>;
  /** Ids of every issue matching `jql` (enhanced search, `fields: ["id"]`, up to 5000 per page). */
  searchIds(jql: string, options?: SearchOptions): Promise<string[]>;
  /** Issues matching `jql` with `fields` (enhanced search, paged by `nextPageToken`). */
  searchIssues(jql: string, fields: readonly string[], options?: SearchOptions): Promise<JiraIssue[]>;
  /**
   * One page of `jql`'s issues with `fields`, from `pageToken` (none: the first page), and the token of the
   * next page (null on the last): for lists a person pages through.
   */
  searchPage(
    jql: string,
    fields: readonly string[],
    options: { pageSize: number; pageToken?: string | undefined },
  ): Promise<{ issues: JiraIssue[]; nextPageToken: string | null }>;
  /** Issues by id or key with `fields` (`issue/bulkfetch`, ≤ 100 per call); unknown ids are silently absent. */
  bulkFetch(idsOrKeys: readonly string[], fields: readonly string[]): Promise<JiraIssue[]>;
  /** `search/approximate-count`: Jira's estimate of the match count. */
  approximateCount(jql: string): Promise<number>;
  /** `jql/parse` (strict validation): Jira's own errors for each query; does not throw for invalid JQL. */
  parseJql(queries: readonly string[]): Promise<ParsedJql[]>;
  /** Projects whose key or name contains `query` (`project/search`, all pages up to `limit`, default 1000). */
  listProjects(query?: string, options?: { limit?: number; pageSize?: number }): Promise<JiraProject[]>;
}

const SEARCH = "POST /rest/api/3/search/jql";
const ID_PAGE = 5000;
const FIELDS_PAGE = 1000;
const BULK_MAX = 100;

/** The deployment a `serverInfo.deploymentType` names ("Cloud"; "Server" or "DataCenter"), null when absent. */
export function deploymentOf(deploymentType: string | undefined): JiraDeployment | null {
  if (deploymentType === undefined) return null;
  return deploymentType.trim().toLowerCase() === "cloud" ? "cloud" : "dataCenter";
}

/**
 * Creates a read-only Jira client for one connection: jira.js 6 builds the requests, the Goalpost transport
 * adds the SSRF guard, timeouts, the per-site concurrency limit, retries and typed errors.
 */
export function createJiraClient(options: JiraClientOptions): JiraClient {
  let baseUrl: URL;
  try {
    baseUrl = new URL(options.baseUrl);
  } catch {
    throw toJiraError({ type: "blocked", reason: "the Jira base URL is not a valid URL" });
  }
  const deployment = options.deployment ?? "cloud";
  const authorization =
    deployment === "dataCenter"
      ? options.personalAccessToken === undefined
        ? null
        : bearerAuth(options.personalAccessToken)
      : options.email === undefined || options.apiToken === undefined
        ? null
        : basicAuth(options.email, options.apiToken);
  const client = createTransport({
    baseUrl,
    authorization,
    allowHosts: options.allowHosts ?? [],
    timeoutMs: options.timeoutMs ?? 15_000,
    maxConcurrency: options.maxConcurrency ?? 4,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    limiter: options.limiter ?? sharedSiteLimiter,
    fetch: options.fetch ?? globalThis.fetch,
    ...(options.resolve === undefined ? {} : { resolve: options.resolve }),
    onSchemaMismatch: options.onSchemaMismatch ?? "ignore",
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    now: () => new Date(),
  });
  if (deployment === "dataCenter") return createDataCenterClient(client);

  async function* searchPages(jql: string, fields: readonly string[], pageSize: number) {
    let nextPageToken: string | undefined;
    do {
      const page = expectShape(
        searchPageShape,
        await searchAndReconsileIssuesUsingJqlPost(client, {
          jql,
          fields: [...fields],
          maxResults: pageSize,
          ...(nextPageToken === undefined ? {} : { nextPageToken }),
        }).catch((error: unknown) => {
          throw nextPageToken === undefined ? error : asPageTokenExpiry(error);
        }),
        SEARCH,
      );
      yield page.issues;
      const token = page.nextPageToken ?? undefined;
      if (token === nextPageToken && token !== undefined) {
        throw toJiraError(
          { type: "malformed", status: 200, detail: "nextPageToken did not advance" },
          { endpoint: SEARCH },
        );
      }
      nextPageToken = page.isLast === true ? undefined : token;
    } while (nextPageToken !== undefined);
  }

  return {
    deployment: "cloud",

    async myself() {
      const user = expectShape(userShape, await getCurrentUser(client), "GET /rest/api/3/myself");
      return {
        accountId: user.accountId,
        displayName: user.displayName ?? "",
        emailAddress: user.emailAddress ?? null,
        active: user.active ?? true,
      };
    },

    async serverInfo() {
      const info = expectShape(serverInfoShape, await getServerInfo(client), "GET /rest/api/3/serverInfo");
      return {
        baseUrl: info.baseUrl,
        deploymentType: info.deploymentType,
        version: info.version,
        serverTitle: info.serverTitle,
      };
    },

    async listFields() {
      const fields = expectShape(fieldShape.array(), await getFields(client), "GET /rest/api/3/field");
      return fields.map((f) => ({
        id: f.id,
        name: f.name,
        custom: f.custom,
        clauseNames: f.clauseNames,
        schema:
          f.schema === undefined
            ? undefined
            : { type: f.schema.type, custom: f.schema.custom, customId: f.schema.customId },
      }));
    },

    searchIds: (jql, searchOptions = {}) =>
      restartOnceOnPageTokenExpiry(async () => {
        const ids: string[] = [];
        const limit = searchOptions.limit ?? Number.POSITIVE_INFINITY;
        for await (const issues of searchPages(jql, ["id"], searchOptions.pageSize ?? ID_PAGE)) {
          for (const issue of issues) ids.push(issue.id);
          if (ids.length >= limit) return ids.slice(0, limit);
        }
        return ids;
      }),

    searchIssues: (jql, fields, searchOptions = {}) =>
      restartOnceOnPageTokenExpiry(async () => {
        const found: JiraIssue[] = [];
        const limit = searchOptions.limit ?? Number.POSITIVE_INFINITY;
        for await (const issues of searchPages(jql, fields, searchOptions.pageSize ?? FIELDS_PAGE)) {
          for (const issue of issues) found.push(toIssue(issue));
          if (found.length >= limit) return found.slice(0, limit);
        }
        return found;
      }),

    async searchPage(jql, fields, pageOptions) {
      const page = expectShape(
        searchPageShape,
        await searchAndReconsileIssuesUsingJqlPost(client, {
          jql,
          fields: [...fields],
          maxResults: pageOptions.pageSize,
          ...(pageOptions.pageToken === undefined ? {} : { nextPageToken: pageOptions.pageToken }),
        }),
        SEARCH,
      );
      const token = page.isLast === true ? null : (page.nextPageToken ?? null);
      return {
        issues: page.issues.map(toIssue),
        nextPageToken: token === pageOptions.pageToken ? null : token,
      };
    },

    async bulkFetch(idsOrKeys, fields) {
      const chunks: string[][] = [];
      for (let i = 0; i < idsOrKeys.length; i += BULK_MAX) chunks.push(idsOrKeys.slice(i, i + BULK_MAX));
      const results = await Promise.all(
        chunks.map(async (chunk) =>
          expectShape(
            bulkFetchShape,
            await bulkFetchIssues(client, { issueIdsOrKeys: chunk, fields: [...fields] }),
            "POST /rest/api/3/issue/bulkfetch",
          ),
        ),
      );
      return results.flatMap((r) => r.issues.map(toIssue));
    },

    async approximateCount(jql) {
      return expectShape(
        countShape,
        await countIssues(client, { jql }),
        "POST /rest/api/3/search/approximate-count",
      ).count;
    },

    async parseJql(queries) {
      if (queries.length === 0) return [];
      const parsed = expectShape(
        parsedJqlShape,
        await parseJqlQueries(client, { queries: [...queries], validation: "strict" }),
        "POST /rest/api/3/jql/parse",
      );
      return parsed.queries.map((q) => {
        const errors = q.errors ?? [];
        return { query: q.query, errors, warnings: q.warnings ?? [], valid: errors.length === 0 };
      });
    },

    async listProjects(query, listOptions = {}) {
      const limit = listOptions.limit ?? 1000;
      const projects: JiraProject[] = [];
      for (let startAt = 0; projects.length < limit; ) {
        const page = expectShape(
          projectPageShape,
          await searchProjects(client, {
            startAt,
            maxResults: Math.min(100, listOptions.pageSize ?? 100),
            ...(query === undefined || query === "" ? {} : { query }),
          }),
          "GET /rest/api/3/project/search",
        );
        for (const p of page.values) {
          projects.push({
            id: p.id,
            key: p.key,
            name: p.name,
            projectTypeKey: p.projectTypeKey,
            avatarUrl: p.avatarUrls?.["48x48"],
          });
        }
        startAt += page.values.length;
        if (page.isLast !== false || page.values.length === 0) break;
      }
      return projects.slice(0, limit);
    },
  };
}

/**
 * A 400 to a request that carried a `nextPageToken`, saying the token is invalid or expired, as the
 * `page_token_expired` kind (not a rejected JQL: the query is fine, the read must start again).
 */
function asPageTokenExpiry(error: unknown): unknown {
  if (!isJiraError(error) || error.kind !== "invalid_jql") return error;
  if (!error.jiraMessages.some((message) => /page ?token/i.test(message))) return error;
  return new JiraError("page_token_expired", error.message, {
    jiraMessages: error.jiraMessages,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.endpoint === undefined ? {} : { endpoint: error.endpoint }),
  });
}

/** Runs a paged read; when Jira expires its page token mid-read, reads once more from the first page. */
async function restartOnceOnPageTokenExpiry<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isJiraError(error) && error.kind === "page_token_expired") return read();
    throw error;
  }
}
