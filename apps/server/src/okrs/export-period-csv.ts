import { DomainError, type Measure, metricName } from "@goalpost/domain";
import type { Db } from "../db/database.ts";
import type { StoredDataSource } from "../db/schema/index.ts";
import { type CsvCell, toCsv } from "./csv-text.ts";
import type { ItemState } from "./item-state.ts";
import { findPeriod, findUserNames, listPeriodObjectives } from "./okr.repo.ts";
import { requireOkrViewer } from "./okr-access.ts";
import { presentObjectives, viewContext } from "./okr-views.ts";

export const CSV_HEADER = [
  "type",
  "objective",
  "key result",
  "owner",
  "measure",
  "unit",
  "start",
  "target",
  "data source",
  "metric",
  "value",
  "progress %",
  "expected %",
  "status",
  "synced at",
  "stale",
] as const;

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

function itemCells(
  measure: Measure | null,
  dataSource: StoredDataSource | null,
  state: ItemState,
): CsvCell[] {
  return [
    measure?.kind ?? "rollup",
    measure?.kind === "kpi" ? (measure.unit ?? "") : "",
    measure?.kind === "kpi" ? measure.start : null,
    measure?.kind === "kpi" ? measure.target : null,
    dataSource ? dataSource.jql : "",
    dataSource ? metricName(dataSource.metric) : "",
    round(state.value),
    round(state.progress),
    round(state.expected),
    state.status,
    state.syncedAt ? state.syncedAt.toISOString() : "",
    state.stale ? state.stale.message : "",
  ];
}

/**
 * A period's OKRs as CSV (any member of its org): one row per objective then one per key result, with
 * owner, measure, data source, value, progress, expected progress, status and staleness. Safe to open in a
 * spreadsheet: text that looks like a formula is neutralised.
 */
export async function exportPeriodCsv(
  db: Db,
  input: { orgId: string; periodId: string; userId: string; now: Date },
): Promise<{ filename: string; csv: string }> {
  const viewer = await requireOkrViewer(db, input.orgId, input.userId);
  const period = await findPeriod(db, input.periodId);
  if (!period || period.orgId !== input.orgId) throw new DomainError("not_found", "Period not found.");
  const objectives = await presentObjectives(
    db,
    await listPeriodObjectives(db, period.id),
    await viewContext(db, input.orgId, viewer, input.now),
  );
  const ownerIds = objectives.flatMap((o) => [o.ownerId, ...o.keyResults.map((kr) => kr.ownerId)]);
  const names = await findUserNames(
    db,
    ownerIds.filter((id): id is string => id !== null),
  );
  const owner = (id: string | null) => (id ? (names.get(id) ?? "") : "");
  const rows: CsvCell[][] = [[...CSV_HEADER]];
  for (const objective of objectives) {
    rows.push([
      "objective",
      objective.title,
      "",
      owner(objective.ownerId),
      ...itemCells(objective.measure, objective.dataSource, objective.state),
    ]);
    for (const kr of objective.keyResults) {
      rows.push([
        "key result",
        objective.title,
        kr.title,
        owner(kr.ownerId),
        ...itemCells(kr.measure, kr.dataSource, kr.state),
      ]);
    }
  }
  const slug = period.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "period";
  return { filename: `okrs-${slug}.csv`, csv: toCsv(rows) };
}
