import { randomUUID } from "node:crypto";
import { initiatives } from "../db/schema/index.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { presentInitiatives } from "./initiative.repo.ts";
import { type InitiativeFields, validateInitiativeFields } from "./initiative-fields.ts";
import type { InitiativeView } from "./initiative-view.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";

/** Adds an initiative to a portfolio (Portfolio Managers and Contributors). */
export async function createInitiative(
  deps: Pick<PortfolioDeps, "db" | "now">,
  input: InitiativeFields & { portfolioId: string; userId: string },
): Promise<InitiativeView> {
  await accessPortfolio(deps.db, { id: input.portfolioId, userId: input.userId, action: "initiatives.edit" });
  await validateInitiativeFields(deps.db, input.portfolioId, input);
  const now = deps.now();
  const [row] = await deps.db
    .insert(initiatives)
    .values({
      id: randomUUID(),
      portfolioId: input.portfolioId,
      title: input.title,
      description: input.description,
      ownerId: input.ownerId,
      status: input.status,
      startDate: input.startDate,
      dueDate: input.dueDate,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error("initiative vanished while being created");
  const [view] = await presentInitiatives(deps.db, [row]);
  if (!view) throw new Error("initiative could not be presented");
  return view;
}
