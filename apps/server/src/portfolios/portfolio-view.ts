import {
  PORTFOLIO_ACTIONS,
  type PortfolioAction,
  type PortfolioViewer,
  portfolioDenial,
} from "@goalpost/domain";
import { denialReason } from "./access-portfolio.ts";
import type { PortfolioRow } from "./portfolio.repo.ts";

/** Whether the caller may do something, and if not, why (for the UI to show beside a disabled control). */
export interface Permission {
  allowed: boolean;
  reason: string | null;
}

/** A portfolio as the API shows it to one caller. */
export interface PortfolioView {
  id: string;
  orgId: string;
  name: string;
  description: string;
  createdBy: string | null;
  myRole: PortfolioViewer["role"];
  /** The caller is a member from another organisation. */
  external: boolean;
  permissions: Record<PortfolioAction, Permission>;
  jiraConfigured: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What `viewer` may do, action by action. */
export function permissionsOf(viewer: PortfolioViewer): Record<PortfolioAction, Permission> {
  const entries = PORTFOLIO_ACTIONS.map((action) => {
    const denial = portfolioDenial(viewer, action);
    return [
      action,
      { allowed: denial === null, reason: denial === null ? null : denialReason(denial, action) },
    ];
  });
  return Object.fromEntries(entries) as Record<PortfolioAction, Permission>;
}

/** Presents a portfolio to `viewer`. */
export function portfolioView(
  row: PortfolioRow,
  viewer: PortfolioViewer,
  jiraConfigured: boolean,
): PortfolioView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    description: row.description,
    createdBy: row.createdBy,
    myRole: viewer.role,
    external: viewer.role !== null && !viewer.sameCompany,
    permissions: permissionsOf(viewer),
    jiraConfigured,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
