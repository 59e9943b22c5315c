import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { memberships, portfolioMembers, users } from "../db/schema/index.ts";

/** A portfolio member with whether they belong to the portfolio's organisation. */
export interface PortfolioMemberView {
  userId: string;
  name: string;
  email: string;
  role: "manager" | "contributor" | "viewer";
  /** From another organisation than the portfolio's: sees progress, uses no Jira function. */
  external: boolean;
  addedAt: Date;
}

/** Every member of the portfolio, in the order they were added. A portfolio has a handful of members. */
export async function listMemberViews(
  db: Db | Tx,
  portfolio: { id: string; orgId: string },
): Promise<PortfolioMemberView[]> {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: portfolioMembers.role,
      orgMember: memberships.userId,
      addedAt: portfolioMembers.createdAt,
    })
    .from(portfolioMembers)
    .innerJoin(users, eq(users.id, portfolioMembers.userId))
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.orgId, portfolio.orgId)))
    .where(eq(portfolioMembers.portfolioId, portfolio.id))
    .orderBy(asc(portfolioMembers.createdAt), asc(portfolioMembers.userId));
  return rows.map(({ orgMember, ...row }) => ({ ...row, external: orgMember === null }));
}
