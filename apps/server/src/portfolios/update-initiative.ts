import { eq } from "drizzle-orm";
import { initiatives } from "../db/schema/index.ts";
import { accessInitiative } from "./access-initiative.ts";
import { presentInitiatives } from "./initiative.repo.ts";
import { type InitiativeFields, validateInitiativeFields } from "./initiative-fields.ts";
import type { InitiativeView } from "./initiative-view.ts";
import type { PortfolioDeps } from "./portfolio-deps.ts";

/** Edits an initiative (Portfolio Managers and Contributors); absent fields are kept. */
export async function updateInitiative(
  deps: Pick<PortfolioDeps, "db" | "now">,
  input: Partial<InitiativeFields> & { id: string; userId: string },
): Promise<InitiativeView> {
  const { initiative } = await accessInitiative(deps.db, {
    id: input.id,
    userId: input.userId,
    action: "initiatives.edit",
  });
  const { id: _id, userId: _userId, ...changes } = input;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  await validateInitiativeFields(deps.db, initiative.portfolioId, { ...initiative, ...defined });
  const [row] = await deps.db
    .update(initiatives)
    .set({ ...defined, updatedAt: deps.now() })
    .where(eq(initiatives.id, input.id))
    .returning();
  if (!row) throw new Error("initiative vanished while being updated");
  const [view] = await presentInitiatives(deps.db, [row]);
  if (!view) throw new Error("initiative could not be presented");
  return view;
}
