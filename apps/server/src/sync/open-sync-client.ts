import { createJiraClient, type JiraClient } from "@goalpost/jira";
import {
  clientCredentials,
  type JiraCredentials,
  type OrgJiraAccess,
} from "../jira-connections/jira-access.ts";

/** A Jira client for background syncs, and how many HTTP requests it has sent (retries included). */
export interface CountingJiraClient {
  client: JiraClient;
  requests(): number;
}

/** A read-only Jira client tuned for background work (longer timeout, waits out short Retry-Afters), counting requests. */
export function openSyncClient(access: OrgJiraAccess, credentials: JiraCredentials): CountingJiraClient {
  let count = 0;
  const client = createJiraClient({
    ...clientCredentials(credentials),
    allowHosts: access.allowHosts,
    timeoutMs: access.syncTimeoutMs ?? 30_000,
    retry: { maxAttempts: 3, maxRetryAfterMs: 10_000, ...access.syncRetry },
    fetch: (input, init) => {
      count += 1;
      return globalThis.fetch(input, init);
    },
  });
  return { client, requests: () => count };
}
