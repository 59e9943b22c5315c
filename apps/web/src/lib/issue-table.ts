import type { IssueContribution } from "../api/okr-types";

/** How the drill-down can be ordered. */
export type IssueSort = "key" | "status" | "contribution";

/** Issues shown per page of the drill-down. */
export const ISSUES_PER_PAGE = 50;

function keyParts(key: string): [string, number] {
  const match = /^(.*)-(\d+)$/.exec(key);
  return match ? [match[1] ?? key, Number(match[2])] : [key, 0];
}

/**
 * The drill-down's rows: those whose key or summary contains `search` (any case), ordered by key (project,
 * then number), by status (not done first, then by name) or by contribution (largest first, none last).
 */
export function arrangeIssues(
  items: readonly IssueContribution[],
  search: string,
  sort: IssueSort,
): IssueContribution[] {
  const needle = search.trim().toLowerCase();
  const found = needle
    ? items.filter(
        (issue) => issue.key.toLowerCase().includes(needle) || issue.summary.toLowerCase().includes(needle),
      )
    : [...items];
  const byKey = (a: IssueContribution, b: IssueContribution) => {
    const [pa, na] = keyParts(a.key);
    const [pb, nb] = keyParts(b.key);
    return pa === pb ? na - nb : pa.localeCompare(pb);
  };
  const compare: Record<IssueSort, (a: IssueContribution, b: IssueContribution) => number> = {
    key: byKey,
    status: (a, b) =>
      Number(a.done) - Number(b.done) || a.statusName.localeCompare(b.statusName) || byKey(a, b),
    contribution: (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || byKey(a, b),
  };
  return found.sort(compare[sort]);
}
