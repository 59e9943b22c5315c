import {
  DomainError,
  type PortfolioAction,
  type PortfolioDenial,
  type PortfolioViewer,
  portfolioDenial,
} from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import { findRole } from "../orgs/membership.repo.ts";
import { findPortfolio, findPortfolioRole, type PortfolioRow } from "./portfolio.repo.ts";

/** A portfolio the caller may act on, and who they are to it. */
export interface AccessedPortfolio {
  row: PortfolioRow;
  viewer: PortfolioViewer;
}

const NOT_FOUND = "Portfolio not found.";

const ROLE_REASONS: Record<PortfolioAction, string> = {
  "portfolio.read": "Only members of the portfolio can see it.",
  "portfolio.edit": "Only Portfolio Managers can edit the portfolio.",
  "members.manage": "Only Portfolio Managers can manage the portfolio's members.",
  "initiatives.edit": "Only Portfolio Managers and Contributors can change initiatives.",
  "jira.configure": "Only Portfolio Managers can configure the Jira integration.",
  "jira.projects.link": "Only Portfolio Managers can link or unlink Jira projects.",
  "jira.epics.link": "Only Portfolio Managers and Contributors can link or unlink Jira epics.",
  "jira.refresh": "Only Portfolio Managers and Contributors can refresh progress from Jira.",
};

/** The sentence shown when `action` is refused for `denial` (API message and the UI's reason). */
export function denialReason(denial: PortfolioDenial, action: PortfolioAction): string {
  if (denial === "external") {
    return "External members (from another company) see progress but cannot use the Jira integration.";
  }
  if (denial === "not_member") return "Only members of the portfolio can do this.";
  return ROLE_REASONS[action];
}

/** Who `userId` is to `row`: their portfolio role, whether they are of its company, whether an org admin. */
export async function viewerOf(db: Db | Tx, row: PortfolioRow, userId: string): Promise<PortfolioViewer> {
  const [orgRole, role] = await Promise.all([
    findRole(db, row.orgId, userId),
    findPortfolioRole(db, row.id, userId),
  ]);
  return { role, sameCompany: orgRole !== null, orgAdmin: orgRole === "admin" };
}

/**
 * Loads portfolio `id` for `userId` and authorises `action`. Someone who may not even read it (another
 * organisation, not a member) gets `not_found`, indistinguishable from a missing portfolio; a reader who may
 * not do `action` gets `forbidden` with the reason.
 */
export async function accessPortfolio(
  db: Db | Tx,
  input: { id: string; userId: string; action: PortfolioAction },
): Promise<AccessedPortfolio> {
  const row = await findPortfolio(db, input.id);
  if (!row) throw new DomainError("not_found", NOT_FOUND);
  const viewer = await viewerOf(db, row, input.userId);
  if (portfolioDenial(viewer, "portfolio.read") !== null) throw new DomainError("not_found", NOT_FOUND);
  const denial = portfolioDenial(viewer, input.action);
  if (denial !== null) throw new DomainError("forbidden", denialReason(denial, input.action));
  return { row, viewer };
}
