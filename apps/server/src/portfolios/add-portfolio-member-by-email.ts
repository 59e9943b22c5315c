import { DomainError, type PortfolioRole } from "@goalpost/domain";
import { eq, sql } from "drizzle-orm";
import { users } from "../db/schema/index.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import type { PortfolioMemberView } from "./portfolio-members.repo.ts";
import { setPortfolioMember } from "./set-portfolio-member.ts";

/**
 * Adds the person with Goalpost account `email` (of this organisation or another: then an external member)
 * with `role`, or changes their role. Only those who may manage the portfolio's members learn whether an
 * account uses the address.
 */
export async function addPortfolioMemberByEmail(
  deps: Pick<PortfolioDeps, "db" | "now">,
  input: { id: string; userId: string; email: string; role: PortfolioRole },
): Promise<PortfolioMemberView> {
  await accessPortfolio(deps.db, { id: input.id, userId: input.userId, action: "members.manage" });
  const [user] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email.trim().toLowerCase()));
  if (!user) {
    throw new DomainError(
      "not_found",
      "No Goalpost account uses that e-mail address: ask them to sign up first, then add them.",
      { field: "email" },
    );
  }
  return setPortfolioMember(deps, {
    id: input.id,
    userId: input.userId,
    targetUserId: user.id,
    role: input.role,
  });
}
