import { randomUUID } from "node:crypto";
import type { ConnectionSharing } from "@goalpost/domain";
import { jiraConnections } from "../db/schema/index.ts";
import { requireOrgRole } from "../orgs/require-org-role.ts";
import { findConnection, replaceSharedMembers } from "./connection.repo.ts";
import type { ConnectionDeps } from "./connection-deps.ts";
import { type ConnectionView, connectionView } from "./connection-view.ts";
import type { JiraCredentials } from "./jira-access.ts";
import { jiraAccessForOrg } from "./org-jira-gate.ts";
import { validateSharing } from "./validate-sharing.ts";
import { verifyCredentials } from "./verify-credentials.ts";

/** What a new connection needs: Cloud's e-mail and API token, or Data Center's personal access token. */
export type NewConnection = {
  name: string;
  baseUrl: string;
  sharing: ConnectionSharing;
} & (
  | { deployment: "cloud"; email: string; apiToken: string }
  | { deployment: "dataCenter"; personalAccessToken: string }
);

/** The credentials of a new connection, in the shape every client opening takes. */
function credentialsOf(input: NewConnection): JiraCredentials {
  return input.deployment === "dataCenter"
    ? { baseUrl: input.baseUrl, deployment: "dataCenter", email: "", apiToken: input.personalAccessToken }
    : { baseUrl: input.baseUrl, deployment: "cloud", email: input.email, apiToken: input.apiToken };
}

/**
 * Creates a connection for any org member once Jira accepts the credentials (`/myself`, `/serverInfo`) and the
 * site is the deployment chosen; the token (API token or personal access token) is stored sealed. Refused
 * while the org's integration is off.
 */
export async function createConnection(
  deps: ConnectionDeps,
  input: NewConnection & { orgId: string; userId: string },
): Promise<ConnectionView> {
  const role = await requireOrgRole(deps.db, input.orgId, input.userId, "org.read");
  const access = await jiraAccessForOrg(deps, input.orgId);
  await validateSharing(deps.db, input.orgId, input.sharing);
  const credentials = credentialsOf(input);
  const verified = await verifyCredentials(access, credentials);
  const id = randomUUID();
  const now = deps.now();
  const stored = await deps.db.transaction(async (tx) => {
    await tx.insert(jiraConnections).values({
      id,
      orgId: input.orgId,
      name: input.name,
      baseUrl: input.baseUrl,
      deployment: input.deployment,
      email: credentials.email,
      apiTokenSealed: deps.box.seal(credentials.apiToken),
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
