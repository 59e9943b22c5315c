import { and, asc, eq, exists, inArray } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { portfolioJiraConfigs, portfolioMembers, portfolios } from "../db/schema/index.ts";
import { requireOrgRole } from "../orgs/require-org-role.ts";
import { decodeCursor, type Page, toPage } from "../paging/cursor.ts";
import { keysetClause } from "../paging/keyset-clause.ts";
import { type PortfolioView, portfolioView } from "./portfolio-view.ts";

/**
 * A page of the organisation's portfolios the caller may see, oldest first: admins see all, other members the
 * portfolios they belong to.
 */
export async function listPortfolios(
  db: Db,
  input: { orgId: string; userId: string; limit: number; cursor?: string | undefined },
): Promise<Page<PortfolioView>> {
  const orgRole = await requireOrgRole(db, input.orgId, input.userId, "org.read");
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const membership = db
    .select({ one: portfolioMembers.userId })
    .from(portfolioMembers)
    .where(and(eq(portfolioMembers.portfolioId, portfolios.id), eq(portfolioMembers.userId, input.userId)));
  const rows = await db
    .select()
    .from(portfolios)
    .where(
      and(
        eq(portfolios.orgId, input.orgId),
        orgRole === "admin" ? undefined : exists(membership),
        keysetClause(portfolios.createdAt, portfolios.id, after, "asc"),
      ),
    )
    .orderBy(asc(portfolios.createdAt), asc(portfolios.id))
    .limit(input.limit + 1);
  const ids = rows.map((row) => row.id);
  const [roles, configured] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({ portfolioId: portfolioMembers.portfolioId, role: portfolioMembers.role })
            .from(portfolioMembers)
            .where(
              and(inArray(portfolioMembers.portfolioId, ids), eq(portfolioMembers.userId, input.userId)),
            ),
          db
            .select({ portfolioId: portfolioJiraConfigs.portfolioId })
            .from(portfolioJiraConfigs)
            .where(inArray(portfolioJiraConfigs.portfolioId, ids)),
        ]);
  const roleOf = new Map(roles.map((r) => [r.portfolioId, r.role]));
  const hasJira = new Set(configured.map((c) => c.portfolioId));
  const views = rows.map((row) =>
    portfolioView(
      row,
      { role: roleOf.get(row.id) ?? null, sameCompany: true, orgAdmin: orgRole === "admin" },
      hasJira.has(row.id),
    ),
  );
  return toPage(views, input.limit, (view) => ({ at: view.createdAt, id: view.id }));
}
