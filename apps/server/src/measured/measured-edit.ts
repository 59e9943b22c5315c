import {
  DomainError,
  isDomainError,
  kpiProgress,
  type Measure,
  metricName,
  validateMeasure,
} from "@goalpost/domain";
import type { Tx } from "../db/database.ts";
import type { StoredDataSource } from "../db/schema/index.ts";
import { accessConnection } from "../jira-connections/access-connection.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { requestItemSync } from "../sync/request-item-sync.ts";
import { type EditedState, EMPTY_STATE } from "./measured-item.repo.ts";

/**
 * Refuses a measure or data source that cannot be saved, naming the field (`measure.target`,
 * `dataSource.metric`, `dataSource.connectionId`): a KPI whose target equals its start, a metric the measure
 * does not offer, a connection the caller may not use (`not_found`, or `jira_integration_disabled` when the
 * org's Jira is off) or of another organisation.
 */
export async function validateMeasured(
  tx: Tx,
  input: {
    orgId: string;
    userId: string;
    measure: Measure;
    dataSource: StoredDataSource | null;
    /** The data source it had: an unchanged one is not re-checked (a rename works while Jira is off). */
    previous?: StoredDataSource | null;
  },
): Promise<void> {
  try {
    validateMeasure(input.measure, input.dataSource?.metric);
  } catch (error) {
    if (isDomainError(error, "validation_failed")) {
      const field = typeof error.details?.field === "string" ? `measure.${error.details.field}` : "measure";
      throw new DomainError("validation_failed", error.message, {
        ...error.details,
        fields: { [field]: error.message },
      });
    }
    if (isDomainError(error, "metric_not_offered")) {
      throw new DomainError("metric_not_offered", error.message, {
        ...error.details,
        fields: { "dataSource.metric": error.message },
      });
    }
    throw error;
  }
  if (!input.dataSource) return;
  if (input.previous !== undefined && sameDataSource(input.previous, input.dataSource)) return;
  const connection = await accessConnection(tx, {
    id: input.dataSource.connectionId,
    userId: input.userId,
    purpose: "use",
  });
  if (connection.row.orgId !== input.orgId) {
    throw new DomainError("not_found", "Jira connection not found.", {
      fields: { "dataSource.connectionId": "no such connection in this organisation" },
    });
  }
}

/** Whether two data sources read the same number (same connection, JQL and metric). */
export function sameDataSource(a: StoredDataSource | null, b: StoredDataSource | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.connectionId === b.connectionId && a.jql === b.jql && metricName(a.metric) === metricName(b.metric)
  );
}

/** Whether two measures are the same. */
export function sameMeasure(a: Measure | null, b: Measure | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Progress of a manual value under `measure`: the percent itself, or the KPI's progress from start to target. */
export function manualProgress(value: number, measure: Measure): number {
  return measure.kind === "kpi" ? kpiProgress(value, measure) : value;
}

/** Asks for a Jira-linked item's query to be read, committed with the edit in `tx`. */
export async function requestSyncOf(queue: JobQueue, dataSource: StoredDataSource, tx: Tx): Promise<void> {
  await requestItemSync(queue, { connectionId: dataSource.connectionId, jql: dataSource.jql }, { tx });
}

/**
 * The columns to write when an item's measure or data source changes: a new or changed Jira source (or a
 * changed measure on one) empties the state until the requested sync computes it; a manual item keeps its
 * value, its progress recomputed under the new measure; an item losing its source starts empty.
 */
export function stateAfterEdit(
  before: { measure: Measure | null; dataSource: StoredDataSource | null; value: number | null },
  after: { measure: Measure | null; dataSource: StoredDataSource | null },
): { changed: boolean; columns: EditedState } {
  const sourceChanged = !sameDataSource(before.dataSource, after.dataSource);
  const measureChanged = !sameMeasure(before.measure, after.measure);
  if (!sourceChanged && !measureChanged) return { changed: false, columns: {} };
  if (after.dataSource || before.dataSource) return { changed: true, columns: EMPTY_STATE };
  const progress =
    before.value === null || after.measure === null ? null : manualProgress(before.value, after.measure);
  return { changed: true, columns: { progress } };
}
