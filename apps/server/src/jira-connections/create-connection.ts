import { randomUUID } from "node:crypto";
import type { ConnectionSharing } from "@goalpost/domain";
import { jiraConnections } from "../db/schema/index.ts";
import { requireOrgRole } from "../orgs/require-org-role.ts";
import { findConnection, replaceSharedMembers } from "./connection.repo.ts";
import type { ConnectionDeps } from "./connection-deps.ts";
import { type ConnectionView, connectionView } from "./connection-view.ts";
import { jiraAccessForOrg } from "./org-jira-gate.ts";
import { validateSharing } from "./validate-sharing.ts";
import { verifyCredentials } from "./verify-credentials.ts";

/** What a new connection needs. */
export interface NewConnection {
  name: string;
  baseUrl: string;
  email: string;
  apiToken: string;
  sharing: ConnectionSharing;
}

/**
 * Creates a connection for any org member once Jira accepts the credentials (`/myself`, `/serverInfo`);
 * the token is stored sealed. Refused while the org's integration is off.
 */
export async function createConnection(
  deps: ConnectionDeps,
  input: NewConnection & { orgId: string; userId: string },
): Promise<ConnectionView> {
  const role = await requireOrgRole(deps.db, input.orgId, input.userId, "org.read");
  const access = await jiraAccessForOrg(deps, input.orgId);
  await validateSharing(deps.db, input.orgId, input.sharing);
  const verified = await verifyCredentials(access, input);
  const id = randomUUID();
  const now = deps.now();
  const stored = await deps.db.transaction(async (tx) => {
    await tx.insert(jiraConnections).values({
      id,
      orgId: input.orgId,
      name: input.name,
      baseUrl: input.baseUrl,
      email: input.email,
      apiTokenSealed: deps.box.seal(input.apiToken),
      sharing: input.sharing.kind,
      createdBy: input.userId,
      accountId: verified.account.accountId,
      accountName: verified.account.displayName,
      serverTitle: verified.serverTitle,
      createdAt: now,
      updatedAt: now,
    });
    await replaceSharedMembers(tx, id, input.sharing);
    return findConnection(tx, id);
  });
  if (!stored) throw new Error("connection vanished while being created");
  return connectionView(stored, { userId: input.userId, role });
}
