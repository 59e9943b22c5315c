import { DomainError } from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import type { INITIATIVE_STATUSES } from "../db/schema/index.ts";
import { findPortfolioRole } from "./portfolio.repo.ts";

/** The editable fields of an initiative. */
export interface InitiativeFields {
  title: string;
  description: string;
  ownerId: string | null;
  status: (typeof INITIATIVE_STATUSES)[number];
  startDate: string | null;
  dueDate: string | null;
}

/**
 * Checks an initiative's fields together: the owner must be a member of the portfolio, and the due date may
 * not precede the start date (400 naming the field).
 */
export async function validateInitiativeFields(
  db: Db | Tx,
  portfolioId: string,
  fields: Pick<InitiativeFields, "ownerId" | "startDate" | "dueDate">,
): Promise<void> {
  if (fields.startDate && fields.dueDate && fields.dueDate < fields.startDate) {
    throw new DomainError("validation_failed", "The due date cannot be before the start date.", {
      fields: { dueDate: "must be on or after the start date" },
    });
  }
  if (fields.ownerId && (await findPortfolioRole(db, portfolioId, fields.ownerId)) === null) {
    throw new DomainError("validation_failed", "The owner must be a member of the portfolio.", {
      fields: { ownerId: "must be a member of the portfolio" },
    });
  }
}
