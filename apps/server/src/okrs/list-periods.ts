import { randomUUID } from "node:crypto";
import { quarterOf } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import { periods } from "../db/schema/index.ts";
import { decodeCursor, type Page, toPage } from "../paging/cursor.ts";
import { listOrgPeriods } from "./okr.repo.ts";
import { requireOkrViewer } from "./okr-access.ts";
import { type PeriodView, periodView } from "./period-view.ts";

/**
 * A page of the org's periods, earliest first. An organisation without any period gets the current calendar
 * quarter (UTC) created on first read, so the goals page always has a period to add OKRs to.
 */
export async function listPeriods(
  db: Db,
  input: { orgId: string; userId: string; now: Date; limit: number; cursor?: string | undefined },
): Promise<Page<PeriodView>> {
  await requireOkrViewer(db, input.orgId, input.userId);
  let rows = await listOrgPeriods(db, input.orgId);
  if (rows.length === 0) {
    const quarter = quarterOf(input.now);
    await db
      .insert(periods)
      .values({
        id: randomUUID(),
        orgId: input.orgId,
        name: quarter.name,
        startsAt: quarter.start,
        endsAt: quarter.end,
      })
      .onConflictDoNothing();
    rows = await listOrgPeriods(db, input.orgId);
  }
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const page = rows
    .filter(
      (row) =>
        !after ||
        row.startsAt.getTime() > after.at.getTime() ||
        (row.startsAt.getTime() === after.at.getTime() && row.id > after.id),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, input.limit + 1);
  return toPage(page.map(periodView), input.limit, (view) => ({ at: view.start, id: view.id }));
}
