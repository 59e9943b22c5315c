import type { ConnectionSharing } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import { jiraConnections } from "../db/schema/index.ts";
import { clearIssueCache } from "../sync/issue-cache.repo.ts";
import { resetSyncState } from "../sync/sync-state.repo.ts";
import { accessConnection } from "./access-connection.ts";
import { findConnection, replaceSharedMembers } from "./connection.repo.ts";
import type { ConnectionDeps } from "./connection-deps.ts";
import { type ConnectionView, connectionView } from "./connection-view.ts";
import { jiraAccessForOrg } from "./org-jira-gate.ts";
import { savedTokenForSite } from "./saved-token-for-site.ts";
import { validateSharing } from "./validate-sharing.ts";
import { verifyCredentials } from "./verify-credentials.ts";

/** A partial edit of a connection. */
export interface ConnectionChanges {
  name?: string | undefined;
  baseUrl?: string | undefined;
  email?: string | undefined;
  apiToken?: string | undefined;
  sharing?: ConnectionSharing | undefined;
}

/**
 * Renames, re-shares or re-points a connection (its creator or an admin). A new token, e-mail or base URL is
 * tested against Jira first and refused with Jira's messages; a new site needs the token again and forgets the
 * cached fields.
 */
export async function updateConnection(
  deps: ConnectionDeps,
  input: ConnectionChanges & { id: string; userId: string },
): Promise<ConnectionView> {
  const found = await accessConnection(deps.db, { id: input.id, userId: input.userId, purpose: "manage" });
  const { row } = found;
  if (input.sharing) await validateSharing(deps.db, row.orgId, input.sharing);
  const credentialsChanged =
    input.apiToken !== undefined ||
    (input.baseUrl !== undefined && input.baseUrl !== row.baseUrl) ||
    (input.email !== undefined && input.email !== row.email);
  let verified: Partial<typeof jiraConnections.$inferInsert> = {};
  if (credentialsChanged) {
    const access = await jiraAccessForOrg(deps, row.orgId);
    const credentials = {
      baseUrl: input.baseUrl ?? row.baseUrl,
      email: input.email ?? row.email,
      apiToken: input.apiToken ?? savedTokenForSite(deps.box, row, input.baseUrl ?? row.baseUrl),
    };
    const result = await verifyCredentials(access, credentials);
    verified = {
      baseUrl: credentials.baseUrl,
      email: credentials.email,
      accountId: result.account.accountId,
      accountName: result.account.displayName,
      serverTitle: result.serverTitle,
      ...(input.apiToken === undefined ? {} : { apiTokenSealed: deps.box.seal(input.apiToken) }),
      ...(credentials.baseUrl === row.baseUrl ? {} : { fields: null, fieldsFetchedAt: null }),
    };
  }
  const stored = await deps.db.transaction(async (tx) => {
    await tx
      .update(jiraConnections)
      .set({
        ...verified,
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.sharing === undefined ? {} : { sharing: input.sharing.kind }),
        updatedAt: deps.now(),
      })
      .where(eq(jiraConnections.id, row.id));
    if (input.sharing) await replaceSharedMembers(tx, row.id, input.sharing);
    if (credentialsChanged) {
      // A new token un-breaks the connection; another site or account may see other issues: re-read them all.
      const otherView = verified.baseUrl !== row.baseUrl || verified.email !== row.email;
      await resetSyncState(tx, { connectionId: row.id, now: deps.now(), forgetCache: otherView });
      if (otherView) await clearIssueCache(tx, row.id);
    }
    return findConnection(tx, row.id);
  });
  if (!stored) throw new Error("connection vanished while being updated");
  return connectionView(stored, found.viewer);
}
