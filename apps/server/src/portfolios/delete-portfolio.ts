import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { portfolios } from "../db/schema/index.ts";
import { accessPortfolio } from "./access-portfolio.ts";

/** Deletes a portfolio with its initiatives, members and Jira configuration (Managers or an org admin). */
export async function deletePortfolio(db: Db, input: { id: string; userId: string }): Promise<void> {
  await accessPortfolio(db, { ...input, action: "portfolio.edit" });
  await db.delete(portfolios).where(eq(portfolios.id, input.id));
}
