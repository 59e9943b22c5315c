import { DomainError } from "../errors/domain-error.ts";

/** A key result as the objective rollup sees it. */
export interface WeightedProgress {
  /** Progress in percent, `null` when the key result has no data. */
  readonly progress: number | null;
  /** Relative weight, ≥ 0; 1 when absent. */
  readonly weight?: number;
}

/**
 * An objective's progress: the weighted mean of its key results' progress (equal weights by default).
 * Key results without data are left out; `null` when none has data (or all remaining weights are 0).
 * Progress is averaged as computed (an over-achieving key result counts above 100).
 * Throws `DomainError("validation_failed")` for a negative or non-finite weight.
 * @example rollupObjective([{ progress: 30 }, { progress: 90, weight: 2 }, { progress: null }]) // 70
 */
export function rollupObjective(keyResults: readonly WeightedProgress[]): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const { progress, weight = 1 } of keyResults) {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new DomainError("validation_failed", "A key result's weight must be a number ≥ 0.", {
        field: "weight",
        rule: "non_negative_number",
      });
    }
    if (progress === null || weight === 0) continue;
    weighted += progress * weight;
    totalWeight += weight;
  }
  return totalWeight > 0 ? weighted / totalWeight : null;
}
