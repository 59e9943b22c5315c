import { DomainError } from "@goalpost/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { portfolioMembers } from "../db/schema/index.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { requireAManagerRemains } from "./set-portfolio-member.ts";

/** Removes a member from the portfolio (Managers or an org admin); the last Manager cannot be removed. */
export async function removePortfolioMember(
  db: Db,
  input: { id: string; userId: string; targetUserId: string },
): Promise<void> {
  const { row } = await accessPortfolio(db, { id: input.id, userId: input.userId, action: "members.manage" });
  await db.transaction(async (tx) => {
    await requireAManagerRemains(tx, row, { userId: input.targetUserId, role: null });
    const removed = await tx
      .delete(portfolioMembers)
      .where(and(eq(portfolioMembers.portfolioId, row.id), eq(portfolioMembers.userId, input.targetUserId)))
      .returning({ userId: portfolioMembers.userId });
    if (removed.length === 0) throw new DomainError("not_found", "Not a member of this portfolio.");
  });
}
