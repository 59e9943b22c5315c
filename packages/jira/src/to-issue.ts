import type { JiraIssue } from "./jira-client.ts";

/** An issue of a search or bulk-fetch page (Cloud v3 or Data Center v2) as the client returns it. */
export const toIssue = (issue: {
  id: string;
  key?: string | undefined;
  fields?: Record<string, unknown> | undefined;
}): JiraIssue => ({
  id: issue.id,
  key: issue.key,
  fields: issue.fields ?? {},
});
