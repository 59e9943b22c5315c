import { DomainError, type PortfolioAction } from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import { type AccessedPortfolio, accessPortfolio } from "./access-portfolio.ts";
import { findInitiative, type InitiativeRow } from "./portfolio.repo.ts";

/** An initiative and its portfolio, once the caller is authorised on it. */
export interface AccessedInitiative {
  initiative: InitiativeRow;
  portfolio: AccessedPortfolio;
}

/** Loads initiative `id` and authorises `action` on its portfolio (404 when the portfolio is not readable). */
export async function accessInitiative(
  db: Db | Tx,
  input: { id: string; userId: string; action: PortfolioAction },
): Promise<AccessedInitiative> {
  const initiative = await findInitiative(db, input.id);
  if (!initiative) throw new DomainError("not_found", "Initiative not found.");
  try {
    const portfolio = await accessPortfolio(db, {
      id: initiative.portfolioId,
      userId: input.userId,
      action: input.action,
    });
    return { initiative, portfolio };
  } catch (error) {
    if (error instanceof DomainError && error.code === "not_found") {
      throw new DomainError("not_found", "Initiative not found.");
    }
    throw error;
  }
}
