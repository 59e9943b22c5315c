import { DomainError, type Measure } from "@goalpost/domain";
import type { StoredDataSource } from "../db/schema/index.ts";

/**
 * An objective's measure from what was sent: only an objective with its own data source has one (percent
 * complete unless told), and losing the data source drops it.
 */
export function objectiveMeasure(
  measure: Measure | null | undefined,
  dataSource: StoredDataSource | null,
): Measure | null {
  if (!dataSource) {
    if (measure) {
      throw new DomainError(
        "validation_failed",
        "An objective has a measure only with its own data source.",
        {
          fields: { measure: "only with a data source" },
        },
      );
    }
    return null;
  }
  return measure ?? { kind: "percent" };
}
