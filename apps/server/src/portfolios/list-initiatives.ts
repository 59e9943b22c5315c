import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { initiatives } from "../db/schema/index.ts";
import { decodeCursor, type Page, toPage } from "../paging/cursor.ts";
import { keysetClause } from "../paging/keyset-clause.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { presentInitiatives } from "./initiative.repo.ts";
import type { InitiativeView } from "./initiative-view.ts";

/** A page of the portfolio's initiatives with their progress, oldest first (any reader). */
export async function listInitiatives(
  db: Db,
  input: { portfolioId: string; userId: string; limit: number; cursor?: string | undefined },
): Promise<Page<InitiativeView>> {
  await accessPortfolio(db, { id: input.portfolioId, userId: input.userId, action: "portfolio.read" });
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await db
    .select()
    .from(initiatives)
    .where(
      and(
        eq(initiatives.portfolioId, input.portfolioId),
        keysetClause(initiatives.createdAt, initiatives.id, after, "asc"),
      ),
    )
    .orderBy(asc(initiatives.createdAt), asc(initiatives.id))
    .limit(input.limit + 1);
  return toPage(await presentInitiatives(db, rows), input.limit, (v) => ({ at: v.createdAt, id: v.id }));
}
