import { eq } from "drizzle-orm";
import { portfolios } from "../db/schema/index.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { findJiraConfig } from "./portfolio.repo.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";
import { type PortfolioView, portfolioView } from "./portfolio-view.ts";

/** Renames or re-describes a portfolio (its Portfolio Managers, or an admin of its organisation). */
export async function updatePortfolio(
  deps: Pick<PortfolioDeps, "db" | "now">,
  input: { id: string; userId: string; name?: string | undefined; description?: string | undefined },
): Promise<PortfolioView> {
  const { viewer } = await accessPortfolio(deps.db, {
    id: input.id,
    userId: input.userId,
    action: "portfolio.edit",
  });
  const [row] = await deps.db
    .update(portfolios)
    .set({
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.description === undefined ? {} : { description: input.description }),
      updatedAt: deps.now(),
    })
    .where(eq(portfolios.id, input.id))
    .returning();
  if (!row) throw new Error("portfolio vanished while being updated");
  return portfolioView(row, viewer, (await findJiraConfig(deps.db, row.id)) !== null);
}
