import { eq } from "drizzle-orm";
import { jiraConnections } from "../db/schema/index.ts";
import { accessConnection } from "./access-connection.ts";
import type { ConnectionDeps } from "./connection-deps.ts";
import { jiraAccessForOrg } from "./org-jira-gate.ts";
import { type VerifiedCredentials, verifyCredentials } from "./verify-credentials.ts";

/** Tests a saved connection against Jira now (anyone who may use it); remembers the account it found. */
export async function testConnection(
  deps: ConnectionDeps,
  input: { id: string; userId: string },
): Promise<VerifiedCredentials & { ok: true }> {
  const { row } = await accessConnection(deps.db, { ...input, purpose: "use" });
  const verified = await verifyCredentials(await jiraAccessForOrg(deps, row.orgId), {
    baseUrl: row.baseUrl,
    email: row.email,
    apiToken: deps.box.open(row.apiTokenSealed),
  });
  await deps.db
    .update(jiraConnections)
    .set({
      accountId: verified.account.accountId,
      accountName: verified.account.displayName,
      serverTitle: verified.serverTitle,
    })
    .where(eq(jiraConnections.id, row.id));
  return { ok: true, ...verified };
}
