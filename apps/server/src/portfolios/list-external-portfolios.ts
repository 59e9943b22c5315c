import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { memberships, portfolioJiraConfigs, portfolioMembers, portfolios } from "../db/schema/index.ts";
import { type PortfolioView, portfolioView } from "./portfolio-view.ts";

/** Most portfolios of other organisations listed for one person. */
const EXTERNAL_LIMIT = 200;

/**
 * The portfolios of other organisations the caller is an external member of, oldest membership first, so
 * they can find them (they see progress but use no Jira function).
 */
export async function listExternalPortfolios(db: Db, input: { userId: string }): Promise<PortfolioView[]> {
  const rows = await db
    .select({
      portfolio: portfolios,
      role: portfolioMembers.role,
      configured: portfolioJiraConfigs.portfolioId,
    })
    .from(portfolioMembers)
    .innerJoin(portfolios, eq(portfolios.id, portfolioMembers.portfolioId))
    .leftJoin(memberships, and(eq(memberships.orgId, portfolios.orgId), eq(memberships.userId, input.userId)))
    .leftJoin(portfolioJiraConfigs, eq(portfolioJiraConfigs.portfolioId, portfolios.id))
    .where(and(eq(portfolioMembers.userId, input.userId), isNull(memberships.userId)))
    .orderBy(asc(portfolioMembers.createdAt), asc(portfolios.id))
    .limit(EXTERNAL_LIMIT);
  return rows.map(({ portfolio, role, configured }) =>
    portfolioView(portfolio, { role, sameCompany: false, orgAdmin: false }, configured !== null),
  );
}
