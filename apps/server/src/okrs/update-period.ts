import { DomainError } from "@goalpost/domain";
import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { periods } from "../db/schema/index.ts";
import { checkPeriod } from "./create-period.ts";
import { accessPeriod } from "./okr-access.ts";
import { type PeriodView, periodView } from "./period-view.ts";

/** Renames or re-dates a period (admins only: it moves the expected progress of everyone's OKRs). */
export async function updatePeriod(
  db: Db,
  input: {
    id: string;
    userId: string;
    name?: string | undefined;
    start?: Date | undefined;
    end?: Date | undefined;
  },
): Promise<PeriodView> {
  const { period, viewer } = await accessPeriod(db, input.id, input.userId);
  if (viewer.role !== "admin")
    throw new DomainError("forbidden", "Only an organisation admin can change a period.");
  const next = {
    name: input.name ?? period.name,
    start: input.start ?? period.startsAt,
    end: input.end ?? period.endsAt,
  };
  await checkPeriod(db, { orgId: period.orgId, ...next, exceptId: period.id });
  const [row] = await db
    .update(periods)
    .set({ name: next.name, startsAt: next.start, endsAt: next.end })
    .where(eq(periods.id, period.id))
    .returning();
  if (!row) throw new DomainError("not_found", "Period not found.");
  return periodView(row);
}
