/** The two kinds of item that carry a measure and may read Jira: key results, and objectives with their own data source. */
export type MeasuredKind = "key_result" | "objective";

/** A reference to one measured item. */
export interface MeasuredItemRef {
  kind: MeasuredKind;
  id: string;
}
