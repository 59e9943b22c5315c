import type { Tx } from "../db/database.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { syncQueryJob } from "./sync-query.job.ts";

/**
 * Asks for an item's Jira query to be read now (after its JQL, metric or connection changed). Inside `tx`
 * the request commits with the edit. Requests for the same connection and JQL coalesce into one job.
 */
export async function requestItemSync(
  queue: JobQueue,
  source: { connectionId: string; jql: string },
  options: { tx?: Tx } = {},
): Promise<void> {
  await queue.enqueue(syncQueryJob, { connectionId: source.connectionId, jql: source.jql }, options);
}
