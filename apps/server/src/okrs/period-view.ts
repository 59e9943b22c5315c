import type { PeriodRow } from "./okr.repo.ts";

/** A period as the API shows it. */
export interface PeriodView {
  id: string;
  orgId: string;
  name: string;
  start: Date;
  end: Date;
  createdAt: Date;
}

/** Presents a period. */
export function periodView(row: PeriodRow): PeriodView {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    start: row.startsAt,
    end: row.endsAt,
    createdAt: row.createdAt,
  };
}
