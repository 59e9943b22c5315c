import { type ConnectionSharing, DomainError } from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import { findNonMembers } from "./connection.repo.ts";

/** Refuses sharing with anyone who is not a member of the organisation (400 naming `sharing.userIds`). */
export async function validateSharing(db: Db | Tx, orgId: string, sharing: ConnectionSharing): Promise<void> {
  if (sharing.kind !== "members") return;
  const strangers = await findNonMembers(db, orgId, sharing.userIds);
  if (strangers.length > 0) {
    throw new DomainError(
      "validation_failed",
      "A connection can only be shared with members of the organisation.",
      {
        fields: { "sharing.userIds": "must all be members of the organisation" },
      },
    );
  }
}
