import type { Db } from "../db/database.ts";
import { decodeCursor, type Page, toPage } from "../paging/cursor.ts";
import { accessPortfolio } from "./access-portfolio.ts";
import { listMemberViews, type PortfolioMemberView } from "./portfolio-members.repo.ts";

/** A page of the portfolio's members (any reader may see who is in it). */
export async function listPortfolioMembers(
  db: Db,
  input: { id: string; userId: string; limit: number; cursor?: string | undefined },
): Promise<Page<PortfolioMemberView>> {
  const { row } = await accessPortfolio(db, { id: input.id, userId: input.userId, action: "portfolio.read" });
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const members = (await listMemberViews(db, row)).filter(
    (m) =>
      !after ||
      m.addedAt.getTime() > after.at.getTime() ||
      (m.addedAt.getTime() === after.at.getTime() && m.userId > after.id),
  );
  return toPage(members.slice(0, input.limit + 1), input.limit, (m) => ({ at: m.addedAt, id: m.userId }));
}
