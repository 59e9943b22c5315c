import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { invites } from "../db/schema/index.ts";
import { decodeCursor, type Page, toPage } from "../paging/cursor.ts";
import { keysetClause } from "../paging/keyset-clause.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { type InviteView, presentInvite } from "./invite-view.ts";
import { requireOrgRole } from "./require-org-role.ts";

/** Pending (not yet accepted, not expired) invites of an organisation, oldest first (admin only). */
export async function listInvites(
  deps: { db: Db; box: SecretBox; publicUrl: string; now(): Date },
  input: { orgId: string; actorId: string; limit: number; cursor?: string | undefined },
): Promise<Page<InviteView>> {
  await requireOrgRole(deps.db, input.orgId, input.actorId, "invites.manage");
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await deps.db
    .select()
    .from(invites)
    .where(
      and(
        eq(invites.orgId, input.orgId),
        isNull(invites.acceptedAt),
        gt(invites.expiresAt, deps.now()),
        keysetClause(invites.createdAt, invites.id, after, "asc"),
      ),
    )
    .orderBy(asc(invites.createdAt), asc(invites.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
  return {
    items: page.items.map((row) => presentInvite(row, deps.box, deps.publicUrl)),
    nextCursor: page.nextCursor,
  };
}
