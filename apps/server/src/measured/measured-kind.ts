/**
 * The two kinds of measured item: key results, and objectives (those with their own data source read Jira;
 * the others roll up). The sync layer, the use cases and the routes all spell the kind this one way.
 */
export type MeasuredKind = "key_result" | "objective";

/** Every kind, in the order the sync layer walks them. */
export const MEASURED_KINDS: readonly MeasuredKind[] = ["key_result", "objective"];

/** What a person calls an item of each kind, in the middle of a message ("This key result …"). */
export const MEASURED_NAMES: Record<MeasuredKind, string> = {
  key_result: "key result",
  objective: "objective",
};

/** A reference to one measured item. */
export interface MeasuredItemRef {
  kind: MeasuredKind;
  id: string;
}

/**
 * The key the read cache locates an item under (its org, period and ownership), shared by the answers that
 * depend on it.
 * @example itemCacheKey({ kind: "key_result", id: "k1" }) // "key_result:k1"
 */
export function itemCacheKey(ref: MeasuredItemRef): string {
  return `${ref.kind}:${ref.id}`;
}
