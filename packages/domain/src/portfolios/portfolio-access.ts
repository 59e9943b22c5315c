/** Roles a person can hold in a portfolio. */
export const PORTFOLIO_ROLES = ["manager", "contributor", "viewer"] as const;
export type PortfolioRole = (typeof PORTFOLIO_ROLES)[number];

/** Everything a person may try on a portfolio; the `jira.*` actions are the Jira functions. */
export const PORTFOLIO_ACTIONS = [
  "portfolio.read",
  "portfolio.edit",
  "members.manage",
  "initiatives.edit",
  "jira.configure",
  "jira.projects.link",
  "jira.epics.link",
  "jira.refresh",
] as const;
export type PortfolioAction = (typeof PORTFOLIO_ACTIONS)[number];

/** Who is asking, relative to one portfolio. */
export interface PortfolioViewer {
  /** Their role in the portfolio; null when they are not a member. */
  readonly role: PortfolioRole | null;
  /** Whether they belong to the portfolio's organisation (the company); members from elsewhere are external. */
  readonly sameCompany: boolean;
  /** Whether they are an admin of the portfolio's organisation (who may always read and staff it). */
  readonly orgAdmin: boolean;
}

/** Why an action is refused, for the UI to show beside a disabled control. */
export type PortfolioDenial = "not_member" | "external" | "role";

const ACTION_ROLES: Record<PortfolioAction, readonly PortfolioRole[]> = {
  "portfolio.read": ["manager", "contributor", "viewer"],
  "portfolio.edit": ["manager"],
  "members.manage": ["manager"],
  "initiatives.edit": ["manager", "contributor"],
  "jira.configure": ["manager"],
  "jira.projects.link": ["manager"],
  "jira.epics.link": ["manager", "contributor"],
  "jira.refresh": ["manager", "contributor"],
};

/** Actions an organisation admin may take without a portfolio role (so no portfolio is ever orphaned). */
const ORG_ADMIN_ACTIONS: ReadonlySet<PortfolioAction> = new Set([
  "portfolio.read",
  "portfolio.edit",
  "members.manage",
]);

/**
 * Why `viewer` may not perform `action`, or null when they may. Jira functions need a role of the same
 * company: external members and viewers see progress but use no Jira function, whatever their role.
 * @example portfolioDenial({ role: "manager", sameCompany: false, orgAdmin: false }, "jira.configure") // "external"
 */
export function portfolioDenial(viewer: PortfolioViewer, action: PortfolioAction): PortfolioDenial | null {
  if (viewer.orgAdmin && viewer.sameCompany && ORG_ADMIN_ACTIONS.has(action)) return null;
  if (viewer.role === null) return "not_member";
  if (action.startsWith("jira.") && !viewer.sameCompany) return "external";
  return ACTION_ROLES[action].includes(viewer.role) ? null : "role";
}

/**
 * Whether `viewer` may perform `action` on the portfolio.
 * @example canPerformPortfolioAction({ role: "contributor", sameCompany: true, orgAdmin: false }, "jira.epics.link") // true
 */
export function canPerformPortfolioAction(viewer: PortfolioViewer, action: PortfolioAction): boolean {
  return portfolioDenial(viewer, action) === null;
}
