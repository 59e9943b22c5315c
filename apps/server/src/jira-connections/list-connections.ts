import { canUseJiraConnection } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import { requireOrgRole } from "../orgs/require-org-role.ts";
import { decodeCursor, type Page, toPage } from "../paging/cursor.ts";
import { listOrgConnections } from "./connection.repo.ts";
import { type ConnectionView, connectionView } from "./connection-view.ts";

/**
 * A page of the org's connections the caller may see (admins: all), oldest first. An org has a handful of
 * connections, so visibility is decided in memory by the one domain rule rather than re-stated in SQL.
 */
export async function listConnections(
  db: Db,
  input: { orgId: string; userId: string; limit: number; cursor?: string | undefined },
): Promise<Page<ConnectionView>> {
  const role = await requireOrgRole(db, input.orgId, input.userId, "org.read");
  const viewer = { userId: input.userId, role };
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const visible = (await listOrgConnections(db, input.orgId))
    .filter(({ row, sharing }) => canUseJiraConnection(viewer, { createdBy: row.createdBy, sharing }))
    .filter(
      ({ row }) =>
        !after ||
        row.createdAt.getTime() > after.at.getTime() ||
        (row.createdAt.getTime() === after.at.getTime() && row.id > after.id),
    )
    .slice(0, input.limit + 1)
    .map((stored) => connectionView(stored, viewer));
  return toPage(visible, input.limit, (view) => ({ at: view.createdAt, id: view.id }));
}
