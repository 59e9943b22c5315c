import { type ConnectionSharing, DomainError } from "@goalpost/domain";
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
  /** A Data Center connection's new personal access token. */
  personalAccessToken?: string | undefined;
  sharing?: ConnectionSharing | undefined;
}

/** Refuses the secret or e-mail of the other kind of Jira: a PAT for Cloud, an e-mail or API token for Data Center. */
function checkSecretKind(deployment: "cloud" | "dataCenter", input: ConnectionChanges): void {
  if (deployment === "cloud" && input.personalAccessToken !== undefined)
    throw new DomainError(
      "validation_failed",
      "This is a Jira Cloud connection: it takes an e-mail and API token, not a personal access token (Data Center only).",
      { fields: { personalAccessToken: "only for Data Center connections" } },
    );
  if (deployment === "dataCenter" && (input.apiToken !== undefined || input.email !== undefined))
    throw new DomainError(
      "validation_failed",
      "This is a Jira Data Center connection: it takes a personal access token, not an e-mail and API token (Cloud only).",
      { fields: { [input.apiToken !== undefined ? "apiToken" : "email"]: "only for Cloud connections" } },
    );
}

/**
 * Renames, re-shares or re-points a connection (its creator or an admin). A new token (API token on Cloud,
 * personal access token on Data Center), e-mail or base URL is
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
  checkSecretKind(row.deployment, input);
  const newSecret = input.apiToken ?? input.personalAccessToken;
  const credentialsChanged =
    newSecret !== undefined ||
    (input.baseUrl !== undefined && input.baseUrl !== row.baseUrl) ||
    (input.email !== undefined && input.email !== row.email);
  let verified: Partial<typeof jiraConnections.$inferInsert> = {};
  if (credentialsChanged) {
    const access = await jiraAccessForOrg(deps, row.orgId);
    const credentials = {
      baseUrl: input.baseUrl ?? row.baseUrl,
      deployment: row.deployment,
      email: input.email ?? row.email,
      apiToken: newSecret ?? savedTokenForSite(deps.box, row, input.baseUrl ?? row.baseUrl),
    };
    const result = await verifyCredentials(access, credentials);
    verified = {
      baseUrl: credentials.baseUrl,
      email: credentials.email,
      accountId: result.account.accountId,
      accountName: result.account.displayName,
      serverTitle: result.serverTitle,
      ...(newSecret === undefined ? {} : { apiTokenSealed: deps.box.seal(newSecret) }),
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
