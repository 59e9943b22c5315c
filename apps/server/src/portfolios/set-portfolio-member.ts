import { DomainError, type PortfolioRole } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/database.ts";
import { portfolioMembers, users } from "../db/schema/index.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { listMemberViews, type PortfolioMemberView } from "./portfolio-members.repo.ts";

/** Refuses a change that would leave the portfolio without a Portfolio Manager. */
export async function requireAManagerRemains(
  tx: Tx,
  portfolio: { id: string; orgId: string },
  change: { userId: string; role: PortfolioRole | null },
): Promise<void> {
  const members = await listMemberViews(tx, portfolio);
  const managers = members.filter((m) => m.userId !== change.userId && m.role === "manager").length;
  const target = members.find((m) => m.userId === change.userId);
  if (target?.role === "manager" && change.role !== "manager" && managers === 0) {
    throw new DomainError(
      "conflict",
      "A portfolio needs at least one Portfolio Manager: appoint another first.",
    );
  }
}

/**
 * Adds `targetUserId` to the portfolio with `role`, or changes their role (Portfolio Managers, or an org
 * admin). Anyone with a Goalpost account may be added: a user of another organisation becomes an external
 * member, who sees progress but uses no Jira function.
 */
export async function setPortfolioMember(
  deps: Pick<PortfolioDeps, "db" | "now">,
  input: { id: string; userId: string; targetUserId: string; role: PortfolioRole },
): Promise<PortfolioMemberView> {
  const { row } = await accessPortfolio(deps.db, {
    id: input.id,
    userId: input.userId,
    action: "members.manage",
  });
  const [user] = await deps.db.select({ id: users.id }).from(users).where(eq(users.id, input.targetUserId));
  if (!user) throw new DomainError("not_found", "User not found.");
  return deps.db.transaction(async (tx) => {
    await requireAManagerRemains(tx, row, { userId: input.targetUserId, role: input.role });
    await tx
      .insert(portfolioMembers)
      .values({
        portfolioId: row.id,
        userId: input.targetUserId,
        role: input.role,
        addedBy: input.userId,
        createdAt: deps.now(),
      })
      .onConflictDoUpdate({
        target: [portfolioMembers.portfolioId, portfolioMembers.userId],
        set: { role: input.role },
      });
    const member = (await listMemberViews(tx, row)).find((m) => m.userId === input.targetUserId);
    if (!member) throw new Error("portfolio member vanished while being saved");
    return member;
  });
}
