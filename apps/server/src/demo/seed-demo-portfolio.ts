import { and, eq } from "drizzle-orm";
import { memberships, portfolios, users } from "../db/schema/index.ts";
import { createInitiative } from "../portfolios/create-initiative.ts";
import { createPortfolio } from "../portfolios/create-portfolio.ts";
import { linkEpic } from "../portfolios/link-epic.ts";
import { findJiraConfig } from "../portfolios/portfolio.repo.ts";
import type { PortfolioDeps } from "../portfolios/portfolio-deps.ts";
import { saveJiraConfig } from "../portfolios/save-jira-config.ts";
import { DEMO_LOGIN } from "./demo-org.ts";
import { demoJiraCredentials } from "./start-demo-jira.ts";

/** The demo portfolio's name. */
export const DEMO_PORTFOLIO_NAME = "Product Launches";

/** Demo initiatives and the demo Jira epics behind them, chosen for their different progress. */
const DEMO_INITIATIVES = [
  {
    title: "Email campaigns",
    description: "Let marketers build, schedule and measure email campaigns.",
    status: "in_progress",
    startDate: "2026-10-01",
    dueDate: "2026-12-31",
    epics: ["AE-786"],
  },
  {
    title: "Product quality",
    description: "Bring the bug backlog down across Acme Engagement.",
    status: "in_progress",
    startDate: "2026-10-01",
    dueDate: "2027-03-31",
    epics: ["AE-797"],
  },
  {
    title: "Reporting and mobile",
    description: "Reporting 2.0 and feature parity on mobile.",
    status: "planned",
    startDate: "2026-11-01",
    dueDate: "2027-06-30",
    epics: ["ATL-101", "ATL-126", "BEA-1"],
  },
] as const;

/**
 * Ensures the demo organisation has a portfolio configured against the demo Jira (`jiraUrl`, a Cloud site or
 * a Data Center server), with linked projects and initiatives carrying epics at different progress.
 * Idempotent: on later starts only the Jira address is brought up to date (the emulator may listen on another
 * port).
 */
export async function seedDemoPortfolio(
  deps: PortfolioDeps,
  jiraUrl: string,
  deployment: "cloud" | "data-center" = "cloud",
): Promise<void> {
  const [admin] = await deps.db
    .select({ userId: users.id, orgId: memberships.orgId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(eq(users.email, DEMO_LOGIN.email));
  if (!admin) return;
  const credentials = { baseUrl: jiraUrl, ...demoJiraCredentials(deployment) };
  const [existing] = await deps.db
    .select({ id: portfolios.id })
    .from(portfolios)
    .where(and(eq(portfolios.orgId, admin.orgId), eq(portfolios.name, DEMO_PORTFOLIO_NAME)));
  if (existing) {
    const config = await findJiraConfig(deps.db, existing.id);
    if (config?.baseUrl !== jiraUrl) {
      await saveJiraConfig(deps, { ...credentials, portfolioId: existing.id, userId: admin.userId });
    }
    return;
  }
  const portfolio = await createPortfolio(deps, {
    orgId: admin.orgId,
    userId: admin.userId,
    name: DEMO_PORTFOLIO_NAME,
    description: "This quarter's launches, tracked from the Jira epics that deliver them.",
  });
  await saveJiraConfig(deps, {
    ...credentials,
    portfolioId: portfolio.id,
    userId: admin.userId,
    projectKeys: ["AE", "ATL", "BEA", "COM"],
  });
  for (const { epics, ...fields } of DEMO_INITIATIVES) {
    const initiative = await createInitiative(deps, {
      ...fields,
      ownerId: admin.userId,
      portfolioId: portfolio.id,
      userId: admin.userId,
    });
    for (const key of epics) await linkEpic(deps, { initiativeId: initiative.id, userId: admin.userId, key });
  }
}
