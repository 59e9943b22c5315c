import {
  type ConnectionViewer,
  canManageJiraConnection,
  canUseJiraConnection,
  DomainError,
  portfolioDenial,
} from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import { findRole } from "../orgs/membership.repo.ts";
import { denialReason, viewerOf } from "../portfolios/access-portfolio.ts";
import { findPortfolio } from "../portfolios/portfolio.repo.ts";
import { findConnection, type StoredConnection } from "./connection.repo.ts";
import { requireJiraEnabled } from "./org-jira-gate.ts";

export { requireJiraEnabled } from "./org-jira-gate.ts";

/** A connection the caller may use, and who they are in its organisation. */
export interface AccessedConnection extends StoredConnection {
  viewer: ConnectionViewer;
}

const NOT_FOUND = "Jira connection not found.";

/**
 * Loads connection `id` for `userId`. Not in its org, or not shared with them → `not_found` (indistinguishable
 * from missing); `manage` and they are neither its creator nor an admin → `forbidden`; `use` and the org's
 * Jira integration is off → `jira_integration_disabled`. A portfolio's own connection follows the portfolio's
 * rules instead: its managers of the same company manage it, its managers and contributors of the same company
 * use it, nobody else sees it.
 */
export async function accessConnection(
  db: Db | Tx,
  input: { id: string; userId: string; purpose: "read" | "manage" | "use" },
): Promise<AccessedConnection> {
  const stored = await findConnection(db, input.id);
  if (!stored) throw new DomainError("not_found", NOT_FOUND);
  const role = await findRole(db, stored.row.orgId, input.userId);
  if (!role) throw new DomainError("not_found", NOT_FOUND);
  const viewer = { userId: input.userId, role };
  if (stored.row.portfolioId !== null) {
    await accessAsPortfolio(db, stored.row.portfolioId, input);
  } else {
    const info = { createdBy: stored.row.createdBy, sharing: stored.sharing };
    if (!canUseJiraConnection(viewer, info)) throw new DomainError("not_found", NOT_FOUND);
    if (input.purpose === "manage" && !canManageJiraConnection(viewer, info)) {
      throw new DomainError(
        "forbidden",
        "Only the connection's creator or an organisation admin can change it.",
      );
    }
  }
  if (input.purpose === "use") await requireJiraEnabled(db, stored.row.orgId);
  return { ...stored, viewer };
}

/** A portfolio's own connection: `not_found` unless they may use its Jira, `forbidden` to manage unless a manager. */
async function accessAsPortfolio(
  db: Db | Tx,
  portfolioId: string,
  input: { userId: string; purpose: "read" | "manage" | "use" },
): Promise<void> {
  const portfolio = await findPortfolio(db, portfolioId);
  if (!portfolio) throw new DomainError("not_found", NOT_FOUND);
  const viewer = await viewerOf(db, portfolio, input.userId);
  if (portfolioDenial(viewer, "jira.refresh") !== null) throw new DomainError("not_found", NOT_FOUND);
  const denial = portfolioDenial(viewer, "jira.configure");
  if (input.purpose === "manage" && denial !== null) {
    throw new DomainError("forbidden", denialReason(denial, "jira.configure"));
  }
}
