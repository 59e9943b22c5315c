import type { Db } from "../db/database.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { findJiraConfig } from "./portfolio.repo.ts";
import { type PortfolioView, portfolioView } from "./portfolio-view.ts";

/** One portfolio the caller may see, with what they may do on it. */
export async function getPortfolio(db: Db, input: { id: string; userId: string }): Promise<PortfolioView> {
  const { row, viewer } = await accessPortfolio(db, { ...input, action: "portfolio.read" });
  return portfolioView(row, viewer, (await findJiraConfig(db, row.id)) !== null);
}
