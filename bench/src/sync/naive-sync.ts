import { createCloudClient } from "jira.js/cloud";

/**
 * The naive reference sync: what a straightforward integration does — for every key result, one paginated
 * enhanced search (`POST /rest/api/3/search/jql`) of its JQL with all fields (`*all`) at jira.js's default
 * page size (none given: Jira's 50), no cache, no sharing of identical queries. Key results run `concurrency`
 * at a time (Goalpost's own limit per site), so wall-time ratios compare equal parallelism.
 * Returns how many issues it read (the data it would compute every metric from).
 */
export async function naiveSync(input: {
  baseUrl: string;
  email: string;
  token: string;
  jqls: readonly string[];
  concurrency: number;
}): Promise<{ issuesRead: number }> {
  const jira = createCloudClient({
    host: input.baseUrl,
    auth: { type: "basic", email: input.email, apiToken: input.token },
  });
  let issuesRead = 0;
  let next = 0;
  const worker = async () => {
    while (next < input.jqls.length) {
      const jql = input.jqls[next] as string;
      next += 1;
      let nextPageToken: string | undefined;
      do {
        const page = await jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({
          jql,
          fields: ["*all"],
          ...(nextPageToken === undefined ? {} : { nextPageToken }),
        });
        issuesRead += page.issues?.length ?? 0;
        nextPageToken = page.isLast === true ? undefined : (page.nextPageToken ?? undefined);
      } while (nextPageToken !== undefined);
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  return { issuesRead };
}
