import { eq } from "drizzle-orm";
import { jiraConnections, jiraSyncStates } from "../db/schema/index.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { syncConnectionJob } from "../sync/sync-connection.job.ts";
import { resetSyncState } from "../sync/sync-state.repo.ts";
import { accessConnection } from "./access-connection.ts";
import { connectionCredentials } from "./connection-credentials.ts";
import type { ConnectionDeps } from "./connection-deps.ts";
import { jiraAccessForOrg } from "./org-jira-gate.ts";
import { type VerifiedCredentials, verifyCredentials } from "./verify-credentials.ts";

/**
 * Tests a saved connection against Jira now (anyone who may use it); remembers the account it found. A test
 * that works heals a connection whose syncs were failing or stopped (a token revoked, then restored in Jira):
 * the broken state is cleared and a sync is queued at once, in the same transaction.
 */
export async function testConnection(
  deps: ConnectionDeps & { queue: JobQueue },
  input: { id: string; userId: string },
): Promise<VerifiedCredentials & { ok: true }> {
  const { row } = await accessConnection(deps.db, { ...input, purpose: "use" });
  const verified = await verifyCredentials(
    await jiraAccessForOrg(deps, row.orgId),
    connectionCredentials(deps.box, row),
  );
  await deps.db.transaction(async (tx) => {
    await tx
      .update(jiraConnections)
      .set({
        accountId: verified.account.accountId,
        accountName: verified.account.displayName,
        serverTitle: verified.serverTitle,
      })
      .where(eq(jiraConnections.id, row.id));
    const [state] = await tx
      .select({ brokenAt: jiraSyncStates.brokenAt, failureCount: jiraSyncStates.failureCount })
      .from(jiraSyncStates)
      .where(eq(jiraSyncStates.connectionId, row.id));
    if (state && (state.brokenAt !== null || state.failureCount > 0)) {
      await resetSyncState(tx, { connectionId: row.id, now: deps.now(), forgetCache: false });
      await deps.queue.enqueue(syncConnectionJob, { connectionId: row.id }, { tx });
    }
  });
  return { ok: true, ...verified };
}
