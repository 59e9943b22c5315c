import { randomUUID } from "node:crypto";
import { portfolioMembers, portfolios } from "../db/schema/index.ts";
import { requireOrgRole } from "../orgs/require-org-role.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { type PortfolioView, portfolioView } from "./portfolio-view.ts";

/** Creates a portfolio in `orgId` (any member of the organisation); its creator becomes its Portfolio Manager. */
export async function createPortfolio(
  deps: Pick<PortfolioDeps, "db" | "now">,
  input: { orgId: string; userId: string; name: string; description: string },
): Promise<PortfolioView> {
  const orgRole = await requireOrgRole(deps.db, input.orgId, input.userId, "org.read");
  const id = randomUUID();
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(portfolios)
      .values({
        id,
        orgId: input.orgId,
        name: input.name,
        description: input.description,
        createdBy: input.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(portfolioMembers).values({
      portfolioId: id,
      userId: input.userId,
      role: "manager",
      addedBy: input.userId,
      createdAt: now,
    });
    return created;
  });
  if (!row) throw new Error("portfolio vanished while being created");
  return portfolioView(row, { role: "manager", sameCompany: true, orgAdmin: orgRole === "admin" }, false);
}
