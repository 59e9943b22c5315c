import type { Db } from "../db/database.ts";
import { accessInitiative } from "./access-initiative.ts";
import { presentInitiatives } from "./initiative.repo.ts";
import type { InitiativeView } from "./initiative-view.ts";

/** One initiative with its rolled-up progress (any reader of its portfolio). */
export async function getInitiative(db: Db, input: { id: string; userId: string }): Promise<InitiativeView> {
  const { initiative } = await accessInitiative(db, { ...input, action: "portfolio.read" });
  const [view] = await presentInitiatives(db, [initiative]);
  if (!view) throw new Error("initiative could not be presented");
  return view;
}
