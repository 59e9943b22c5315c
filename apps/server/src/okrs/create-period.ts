import { randomUUID } from "node:crypto";
import { DomainError } from "@goalpost/domain";
import type { Db, Tx } from "../db/database.ts";
import { periods } from "../db/schema/index.ts";
import { findPeriodByName } from "./okr.repo.ts";
import { requireOkrViewer } from "./okr-access.ts";
import { type PeriodView, periodView } from "./period-view.ts";

/** Throws `validation_failed` on `end` unless the range is non-empty, `conflict` on `name` when taken. */
export async function checkPeriod(
  db: Db | Tx,
  input: { orgId: string; name: string; start: Date; end: Date; exceptId?: string },
): Promise<void> {
  if (input.end.getTime() <= input.start.getTime()) {
    throw new DomainError("validation_failed", "The period must end after it starts.", {
      fields: { end: "must be after the start" },
    });
  }
  const taken = await findPeriodByName(db, input.orgId, input.name);
  if (taken && taken.id !== input.exceptId) {
    throw new DomainError("conflict", `A period named "${input.name}" already exists.`, {
      fields: { name: "already taken" },
    });
  }
}

/** Adds a period to the org. Any member may (a period is only a time range; OKRs in it stay theirs). */
export async function createPeriod(
  db: Db,
  input: { orgId: string; userId: string; name: string; start: Date; end: Date },
): Promise<PeriodView> {
  await requireOkrViewer(db, input.orgId, input.userId);
  await checkPeriod(db, input);
  const [row] = await db
    .insert(periods)
    .values({
      id: randomUUID(),
      orgId: input.orgId,
      name: input.name,
      startsAt: input.start,
      endsAt: input.end,
    })
    .returning();
  if (!row) throw new Error("period insert returned nothing");
  return periodView(row);
}
