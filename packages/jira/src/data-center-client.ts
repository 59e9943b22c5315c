/**
 * The Jira Data Center / Server half of `createJiraClient`: REST v2 (`/rest/api/2/...`) through the same
 * transport (SSRF guard, timeouts, per-site limit, retries, typed errors). Data Center has no enhanced search,
 * no `approximate-count`, no `bulkfetch` and no `jql/parse`: they are built from v2's `search`, paged by
 * `startAt`/`maxResults`/`total`.
 */
import type { Client } from "jira.js/core";
import type { JiraClient, JiraIssue, JiraProject } from "./jira-client.ts";
import { isJiraError } from "./jira-error.ts";
import {
  dcMyselfShape,
  dcProjectListShape,
  dcSearchPageShape,
  expectShape,
  fieldShape,
  serverInfoShape,
} from "./response-shapes.ts";
import { toIssue } from "./to-issue.ts";
import { toJiraError } from "./to-jira-error.ts";

const API = "/rest/api/2";
const SEARCH = `POST ${API}/search`;
/** Data Center's default `jira.search.views.default.max`: the most issues one search page returns. */
export const DATA_CENTER_PAGE_CAP = 1000;
/** Ids or keys named in one `id in (…)` search standing in for `bulkfetch`. */
const BULK_MAX = 100;

/** A JQL value list of ids or keys (quoted, so a key never reads as a reserved word). */
const jqlList = (idsOrKeys: readonly string[]) =>
  idsOrKeys.map((value) => `"${value.replace(/["\\]/g, "")}"`).join(", ");

/** The Data Center client over `client` (a Goalpost transport). */
export function createDataCenterClient(client: Client): JiraClient {
  async function searchOnce(
    jql: string,
    fields: readonly string[],
    startAt: number,
    maxResults: number,
    validateQuery: "strict" | "warn" = "strict",
  ) {
    const page = expectShape(
      dcSearchPageShape,
      await client.sendRequest({
        url: `${API}/search`,
        method: "POST",
        body: { jql, startAt, maxResults, fields: [...fields], validateQuery },
      }),
      SEARCH,
    );
    return page;
  }

  async function* searchPages(jql: string, fields: readonly string[], pageSize: number) {
    for (let startAt = 0; ; ) {
      const page = await searchOnce(jql, fields, startAt, Math.min(pageSize, DATA_CENTER_PAGE_CAP));
      yield page.issues;
      startAt += page.issues.length;
      if (page.issues.length === 0 || startAt >= page.total) return;
    }
  }

  async function collect(jql: string, fields: readonly string[], pageSize: number, limit: number) {
    const found: JiraIssue[] = [];
    for await (const issues of searchPages(jql, fields, pageSize)) {
      for (const issue of issues) found.push(toIssue(issue));
      if (found.length >= limit) return found.slice(0, limit);
    }
    return found;
  }

  return {
    deployment: "dataCenter",

    async myself() {
      const user = expectShape(
        dcMyselfShape,
        await client.sendRequest({ url: `${API}/myself` }),
        `GET ${API}/myself`,
      );
      return {
        accountId: user.key ?? user.name,
        displayName: user.displayName ?? user.name,
        emailAddress: user.emailAddress ?? null,
        active: user.active ?? true,
      };
    },

    async serverInfo() {
      const info = expectShape(
        serverInfoShape,
        await client.sendRequest({ url: `${API}/serverInfo` }),
        `GET ${API}/serverInfo`,
      );
      return {
        baseUrl: info.baseUrl,
        deploymentType: info.deploymentType,
        version: info.version,
        serverTitle: info.serverTitle,
      };
    },

    async listFields() {
      const fields = expectShape(
        fieldShape.array(),
        await client.sendRequest({ url: `${API}/field` }),
        `GET ${API}/field`,
      );
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

    async searchIds(jql, options = {}) {
      const issues = await collect(
        jql,
        ["id"],
        options.pageSize ?? DATA_CENTER_PAGE_CAP,
        options.limit ?? Number.POSITIVE_INFINITY,
      );
      return issues.map((issue) => issue.id);
    },

    async searchIssues(jql, fields, options = {}) {
      return collect(
        jql,
        fields,
        options.pageSize ?? DATA_CENTER_PAGE_CAP,
        options.limit ?? Number.POSITIVE_INFINITY,
      );
    },

    async searchPage(jql, fields, options) {
      const startAt = options.pageToken === undefined ? 0 : Number.parseInt(options.pageToken, 10);
      if (!Number.isInteger(startAt) || startAt < 0) {
        throw toJiraError(
          { type: "malformed", status: 200, detail: "page token is not a start index" },
          { endpoint: SEARCH },
        );
      }
      const page = await searchOnce(jql, fields, startAt, Math.min(options.pageSize, DATA_CENTER_PAGE_CAP));
      const next = startAt + page.issues.length;
      return {
        issues: page.issues.map(toIssue),
        nextPageToken: page.issues.length > 0 && next < page.total ? String(next) : null,
      };
    },

    async bulkFetch(idsOrKeys, fields) {
      const chunks: string[][] = [];
      for (let i = 0; i < idsOrKeys.length; i += BULK_MAX) chunks.push(idsOrKeys.slice(i, i + BULK_MAX));
      const results = await Promise.all(
        chunks.map(async (chunk) => {
          const numeric = chunk.every((value) => /^\d+$/.test(value));
          const jql = `${numeric ? "id" : "issuekey"} in (${jqlList(chunk)})`;
          // `warn`: an id that no longer exists is a warning, not a failed search (as bulkfetch skips it).
          const page = await searchOnce(jql, fields, 0, chunk.length, "warn");
          return page.issues.map(toIssue);
        }),
      );
      return results.flat();
    },

    async approximateCount(jql) {
      // No estimate on Data Center: v2's search counts exactly, and `maxResults: 0` reads no issue.
      return (await searchOnce(jql, ["id"], 0, 0)).total;
    },

    async parseJql(queries) {
      // No `jql/parse` on Data Center: a search of no issue validates the query (400 with Jira's messages).
      return Promise.all(
        queries.map(async (query) => {
          try {
            await searchOnce(query, ["id"], 0, 0);
            return { query, errors: [], warnings: [], valid: true };
          } catch (error) {
            if (isJiraError(error) && error.kind === "invalid_jql") {
              const errors = [...error.jiraMessages];
              return { query, errors, warnings: [], valid: false };
            }
            throw error;
          }
        }),
      );
    },

    async listProjects(query, options = {}) {
      const limit = options.limit ?? 1000;
      const all = expectShape(
        dcProjectListShape,
        await client.sendRequest({ url: `${API}/project` }),
        `GET ${API}/project`,
      );
      const text = query?.trim().toLowerCase() ?? "";
      const projects: JiraProject[] = all
        .filter(
          (p) => text === "" || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text),
        )
        .map((p) => ({
          id: p.id,
          key: p.key,
          name: p.name,
          projectTypeKey: p.projectTypeKey,
          avatarUrl: p.avatarUrls?.["48x48"],
        }));
      return projects.slice(0, limit);
    },
  };
}
