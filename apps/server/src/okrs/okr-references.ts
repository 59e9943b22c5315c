import { DomainError } from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import { findRole } from "../orgs/membership.repo.ts";
import { findObjective, findPeriod, type PeriodRow } from "./okr.repo.ts";

/** Throws `validation_failed` on `ownerId` unless the user is a member of the org. */
export async function checkOwner(
  db: Db | Tx,
  orgId: string,
  ownerId: string | null | undefined,
): Promise<void> {
  if (!ownerId) return;
  if (!(await findRole(db, orgId, ownerId))) {
    throw new DomainError("validation_failed", "The owner must be a member of the organisation.", {
      fields: { ownerId: "not a member of this organisation" },
    });
  }
}

/** The org's period `periodId`, or `validation_failed` on `periodId`. */
export async function requirePeriodOf(db: Db | Tx, orgId: string, periodId: string): Promise<PeriodRow> {
  const period = await findPeriod(db, periodId);
  if (!period || period.orgId !== orgId) {
    throw new DomainError("validation_failed", "No such period in this organisation.", {
      fields: { periodId: "no such period in this organisation" },
    });
  }
  return period;
}

/**
 * Throws `validation_failed` on `parentId` unless the parent is an objective of the same org and aligning
 * `objectiveId` (null for a new objective) to it makes no cycle.
 */
export async function checkParent(
  db: Db | Tx,
  orgId: string,
  objectiveId: string | null,
  parentId: string | null | undefined,
): Promise<void> {
  if (!parentId) return;
  const refuse = (reason: string) =>
    new DomainError("validation_failed", `The parent objective is not valid: ${reason}.`, {
      fields: { parentId: reason },
    });
  const seen = new Set<string>();
  let current: string | null = parentId;
  while (current !== null) {
    if (current === objectiveId) throw refuse("aligning to it would make a cycle");
    if (seen.has(current)) break;
    seen.add(current);
    const row = await findObjective(db, current);
    if (!row || row.orgId !== orgId) throw refuse("no such objective in this organisation");
    current = row.parentId;
  }
}
