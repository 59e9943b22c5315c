/** Median of `values` (NaN when empty). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The `p`-th percentile (nearest rank on sorted values; NaN when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** `value` with `digits` decimals, thousands separated. */
export function fmt(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "–";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Bytes as KB / MB. */
export function fmtBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "–";
  if (bytes >= 1024 ** 2) return `${fmt(bytes / 1024 ** 2, 1)} MB`;
  return `${fmt(bytes / 1024, 1)} KB`;
}

/** A ratio as `12.3×`. */
export function fmtRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${fmt(ratio, ratio >= 10 ? 0 : 2)}×` : "–";
}
