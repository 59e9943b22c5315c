import { DomainError } from "../errors/domain-error.ts";

/** Largest magnitude of a number a person enters: a check-in value, a KPI's start or target. */
export const MAX_ENTERED_NUMBER = 1e12;

/**
 * Smallest distance between a KPI's start and target. With entered numbers bounded, progress then stays
 * within ±2·10²⁰ %, so weighted rollups and forecasts stay finite.
 */
export const MIN_KPI_SPAN = 1e-6;

/**
 * Largest magnitude of any number Goalpost computes and keeps (a value summed from Jira, a progress).
 * Beyond it — or not finite — a computed number is "no data" (`out_of_range`), never stored.
 */
export const MAX_COMPUTED_NUMBER = 1e21;

/** Whether `value` may be stored as a computed number. */
export function isStorableNumber(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_COMPUTED_NUMBER;
}

/**
 * Refuses an entered number that is not finite or beyond ±{@link MAX_ENTERED_NUMBER}, naming `field`.
 * Throws `DomainError("validation_failed")` with `{ field, rule: "out_of_range" }`.
 * @example assertEnteredNumber("value", 1e308) // throws validation_failed
 */
export function assertEnteredNumber(field: string, value: number): void {
  if (Number.isFinite(value) && Math.abs(value) <= MAX_ENTERED_NUMBER) return;
  throw new DomainError(
    "validation_failed",
    `The ${field} must be a number between -${MAX_ENTERED_NUMBER} and ${MAX_ENTERED_NUMBER}.`,
    { field, rule: "out_of_range", fields: { [field]: `must be between -1e12 and 1e12` } },
  );
}
