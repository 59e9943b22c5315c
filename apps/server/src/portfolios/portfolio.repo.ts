import type { PortfolioRole } from "@goalpost/domain";
import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import {
  initiativeEpics,
  initiatives,
  jiraConnections,
  portfolioJiraConfigs,
  portfolioJiraProjects,
  portfolioMembers,
  portfolios,
} from "../db/schema/index.ts";
import type { ConnectionRow } from "../jira-connections/connection.repo.ts";

export type PortfolioRow = typeof portfolios.$inferSelect;
export type InitiativeRow = typeof initiatives.$inferSelect;
/**
 * A portfolio's Jira configuration with the connection it reads Jira through: the connection's site, e-mail,
 * sealed token and account; `ownConnection` says whether the connection is the portfolio's own (its own
 * credentials) or an organisation connection.
 */
export interface JiraConfigRow {
  portfolioId: string;
  connectionId: string;
  connectionName: string;
  ownConnection: boolean;
  orgId: string;
  baseUrl: string;
  /** The connection's kind: Jira Cloud, or Data Center (a personal access token in `apiTokenSealed`). */
  deployment: ConnectionRow["deployment"];
  email: string;
  apiTokenSealed: string;
  accountId: string | null;
  accountName: string | null;
  configuredBy: string | null;
  configuredAt: Date;
  updatedAt: Date;
}
export type LinkedProjectRow = typeof portfolioJiraProjects.$inferSelect;
export type EpicRow = typeof initiativeEpics.$inferSelect;

/** One portfolio by id, or null. */
export async function findPortfolio(db: Db | Tx, id: string): Promise<PortfolioRow | null> {
  const [row] = await db.select().from(portfolios).where(eq(portfolios.id, id));
  return row ?? null;
}

/** The user's role in the portfolio, or null when they are not a member. */
export async function findPortfolioRole(
  db: Db | Tx,
  portfolioId: string,
  userId: string,
): Promise<PortfolioRole | null> {
  const [row] = await db
    .select({ role: portfolioMembers.role })
    .from(portfolioMembers)
    .where(and(eq(portfolioMembers.portfolioId, portfolioId), eq(portfolioMembers.userId, userId)));
  return row?.role ?? null;
}

/** One initiative by id, or null. */
export async function findInitiative(db: Db | Tx, id: string): Promise<InitiativeRow | null> {
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, id));
  return row ?? null;
}

/** The portfolio's Jira configuration and its connection, or null when not configured. */
export async function findJiraConfig(db: Db | Tx, portfolioId: string): Promise<JiraConfigRow | null> {
  const [row] = await db
    .select({
      portfolioId: portfolioJiraConfigs.portfolioId,
      connectionId: jiraConnections.id,
      connectionName: jiraConnections.name,
      connectionPortfolioId: jiraConnections.portfolioId,
      orgId: jiraConnections.orgId,
      baseUrl: jiraConnections.baseUrl,
      deployment: jiraConnections.deployment,
      email: jiraConnections.email,
      apiTokenSealed: jiraConnections.apiTokenSealed,
      accountId: jiraConnections.accountId,
      accountName: jiraConnections.accountName,
      configuredBy: portfolioJiraConfigs.configuredBy,
      configuredAt: portfolioJiraConfigs.configuredAt,
      updatedAt: portfolioJiraConfigs.updatedAt,
    })
    .from(portfolioJiraConfigs)
    .innerJoin(jiraConnections, eq(jiraConnections.id, portfolioJiraConfigs.connectionId))
    .where(eq(portfolioJiraConfigs.portfolioId, portfolioId));
  if (!row) return null;
  const { connectionPortfolioId, ...config } = row;
  return { ...config, ownConnection: connectionPortfolioId === portfolioId };
}

/** The portfolio's linked Jira projects, by key. */
export async function listLinkedProjectRows(db: Db | Tx, portfolioId: string): Promise<LinkedProjectRow[]> {
  return db
    .select()
    .from(portfolioJiraProjects)
    .where(eq(portfolioJiraProjects.portfolioId, portfolioId))
    .orderBy(asc(portfolioJiraProjects.projectKey));
}

/** Every epic linked to any initiative of the portfolio. */
export async function listPortfolioEpicRows(db: Db | Tx, portfolioId: string): Promise<EpicRow[]> {
  return db
    .select()
    .from(initiativeEpics)
    .where(eq(initiativeEpics.portfolioId, portfolioId))
    .orderBy(asc(initiativeEpics.epicKey));
}

/** The epics an action would detach, with the initiative each sits on (for cascade previews). */
export async function listDetachableEpics(db: Db | Tx, portfolioId: string, projectKey?: string) {
  return db
    .select({
      initiativeId: initiatives.id,
      initiativeTitle: initiatives.title,
      key: initiativeEpics.epicKey,
      summary: initiativeEpics.summary,
      projectKey: initiativeEpics.projectKey,
    })
    .from(initiativeEpics)
    .innerJoin(initiatives, eq(initiatives.id, initiativeEpics.initiativeId))
    .where(
      and(
        eq(initiativeEpics.portfolioId, portfolioId),
        projectKey === undefined ? undefined : eq(initiativeEpics.projectKey, projectKey),
      ),
    )
    .orderBy(asc(initiatives.title), asc(initiativeEpics.epicKey));
}
