import type { HistoryResponse, IssueContribution, KeyResult, Objective } from "../api/okr-types";
import type { MeasuredKind } from "../lib/measured-kind";
import type { MockRoutes } from "./api-server";
import {
  buildCheckIn,
  buildItemState,
  buildKeyResult,
  buildMe,
  buildMember,
  buildObjective,
  buildPeriod,
  page,
} from "./builders";

const source = { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-786', metric: "count" } as const;
const state = buildItemState({
  value: 3,
  progress: 27.27,
  expected: 58,
  status: "at_risk",
  issueCount: 11,
  doneCount: 3,
});

/** Key result `k1` of objective `ob1`, measured by a Jira query (3 of 11 issues done, at risk). */
export function jiraKeyResult(overrides: Partial<KeyResult> = {}): KeyResult {
  return buildKeyResult({ title: "Stories of AE-786 done", dataSource: source, state, ...overrides });
}

/** Objective `ob1` measured by its own Jira query (3 of 11 issues done, at risk), no key results. */
export function jiraObjective(overrides: Partial<Objective> = {}): Objective {
  return buildObjective({
    title: "Ship feature Email Campaigns",
    measure: { kind: "percent" },
    dataSource: source,
    state,
    ...overrides,
  });
}

/** A Jira issue behind a number, done; `n` numbers it (`AE-n`). */
export function buildIssue(n: number, overrides: Partial<IssueContribution> = {}): IssueContribution {
  return {
    key: `AE-${n}`,
    url: `https://acme.atlassian.net/browse/AE-${n}`,
    summary: `Story ${n}`,
    statusName: "Done",
    statusCategoryKey: "done",
    done: true,
    value: 1,
    ...overrides,
  };
}

/** Two Jira readings and Dana's manual check-in, with a forecast of 50 %. */
export const history: HistoryResponse = {
  items: [
    buildCheckIn({ id: "h1", value: 3, progress: 30, createdAt: "2026-05-10T10:00:00Z" }),
    buildCheckIn({ id: "h2", value: 3, progress: 27.27, createdAt: "2026-05-15T10:00:00Z" }),
    buildCheckIn({
      id: "h0",
      source: "manual",
      author: { id: "u1", name: "Dana Demo" },
      value: 1,
      progress: 10,
      note: "Kick-off",
      createdAt: "2026-04-20T10:00:00Z",
    }),
  ],
  forecast: { value: 5.5, progress: 50, at: "2026-07-14T12:00:00Z" },
  forecastNote: null,
};

/** The issues behind the number on an item's page: one done, one to do. */
export const issues: IssueContribution[] = [
  buildIssue(787, { summary: "Campaign list page" }),
  buildIssue(797, { summary: "Campaign export", statusName: "To Do", statusCategoryKey: "new", done: false }),
];

/** Where an item's page is. */
export function itemPagePath(kind: MeasuredKind, id: string): string {
  return `/o/o1/goals/${kind}/${id}`;
}

/**
 * The API behind an item's page: Dana, Acme's members and period `p1`, the item (by default
 * {@link jiraKeyResult}), its {@link history} and {@link issues}, the period's objectives (a
 * {@link jiraObjective}) and `k1`'s comments; `extra` overrides.
 */
export function measuredItemRoutes(
  item: KeyResult | Objective = jiraKeyResult(),
  extra: MockRoutes = {},
): MockRoutes {
  const path = `/api/v1/${"keyResults" in item ? "objectives" : "key-results"}/${item.id}`;
  return {
    "GET /api/v1/me": { status: 200, body: buildMe() },
    "GET /api/v1/orgs/o1/members": { status: 200, body: page([buildMember()]) },
    "GET /api/v1/orgs/o1/periods": { status: 200, body: page([buildPeriod()]) },
    "GET /api/v1/orgs/o1/objectives": { status: 200, body: page([jiraObjective()]) },
    "GET /api/v1/objectives/ob1": { status: 200, body: jiraObjective() },
    [`GET ${path}`]: { status: 200, body: item },
    [`GET ${path}/history`]: { status: 200, body: history },
    [`GET ${path}/issues`]: { status: 200, body: { items: issues, syncedAt: "2026-05-15T10:00:00Z" } },
    "GET /api/v1/key-results/k1/comments": { status: 200, body: { items: [] } },
    ...extra,
  };
}
