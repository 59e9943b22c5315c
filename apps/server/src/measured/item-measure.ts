import { DomainError, type Measure } from "@goalpost/domain";
import type { StoredDataSource } from "../db/schema/index.ts";
import type { MeasuredKind } from "./measured-kind.ts";

const PERCENT: Measure = { kind: "percent" };

/**
 * An item's measure after a create or edit, from what was sent (`undefined`: not sent) and what it had. A key
 * result always has one (percent complete unless told). Only an objective with its own data source has one
 * (percent unless told), losing the data source drops it, and a measure sent without one is refused.
 * @example measureAfter("objective", undefined, null, null) // null: it rolls up from its key results
 */
export function measureAfter(
  kind: MeasuredKind,
  sent: Measure | null | undefined,
  previous: Measure | null,
  dataSource: StoredDataSource | null,
): Measure | null {
  if (kind === "key_result") return sent ?? previous ?? PERCENT;
  const measure = sent === undefined ? (dataSource ? previous : null) : sent;
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
  return measure ?? PERCENT;
}
