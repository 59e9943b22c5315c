import type { Db } from "../db/database.ts";
import { decodeCursor, type Page, toPage } from "../paging/cursor.ts";
import type { MemberRow } from "./membership.repo.ts";
import { listMembers as selectMembers } from "./membership.repo.ts";
import { requireOrgRole } from "./require-org-role.ts";

/** A page of an organisation's members; any member may read it. */
export async function listMembers(
  db: Db,
  input: { orgId: string; userId: string; limit: number; cursor?: string | undefined },
): Promise<Page<MemberRow>> {
  await requireOrgRole(db, input.orgId, input.userId, "members.read");
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await selectMembers(db, input.orgId, input.limit, after);
  return toPage(rows, input.limit, (row) => ({ at: row.joinedAt, id: row.userId }));
}
