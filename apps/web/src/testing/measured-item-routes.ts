import type { HistoryResponse, IssueContribution, KeyResult, Objective } from "../api/okr-types";
import type { Me } from "../api/types";
import type { MeasuredKind } from "../lib/measured-kind";
import type { MockRoutes } from "./render-route";

/** Dana, a member (not an admin) of Acme (`o1`). */
export const me: Me = {
  user: { id: "u1", name: "Dana Demo", email: "d@acme.test" },
  orgs: [{ id: "o1", name: "Acme", role: "member" }],
};

const state = {
  value: 3,
  progress: 27.27,
  expected: 58,
  status: "at_risk",
  syncedAt: "2026-11-23T10:00:00Z",
  stale: null,
  issueCount: 11,
  doneCount: 3,
} as const;
const source = { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-786', metric: "count" } as const;

/** A Jira-measured key result `k1` of objective `ob1`, Dana's, that she may edit; `patch` overrides. */
export function buildKeyResult(patch: Partial<KeyResult> = {}): KeyResult {
  return {
    id: "k1",
    orgId: "o1",
    objectiveId: "ob1",
    periodId: "p1",
    title: "Stories of AE-786 done",
    ownerId: "u1",
    weight: 1,
    measure: { kind: "percent" },
    dataSource: source,
    state,
    forecast: null,
    canEdit: true,
    ...patch,
  };
}

/** A Jira-measured objective `ob1` of period `p1` without key results, Dana's, that she may edit. */
export function buildObjective(patch: Partial<Objective> = {}): Objective {
  return {
    id: "ob1",
    orgId: "o1",
    periodId: "p1",
    parentId: null,
    title: "Ship feature Email Campaigns",
    description: "",
    ownerId: "u1",
    weight: 1,
    measure: { kind: "percent" },
    dataSource: source,
    state,
    keyResults: [],
    forecast: null,
    canEdit: true,
    ...patch,
  };
}

/** A Jira issue behind a number; `n` numbers it (`AE-n`). */
export function buildIssue(n: number, patch: Partial<IssueContribution> = {}): IssueContribution {
  return {
    key: `AE-${n}`,
    url: `https://acme.atlassian.net/browse/AE-${n}`,
    summary: `Story ${n}`,
    statusName: "Done",
    statusCategoryKey: "done",
    done: true,
    value: 1,
    ...patch,
  };
}

/** Two Jira readings and one manual check-in, with a forecast of 50%. */
export const history: HistoryResponse = {
  items: [
    {
      id: "h1",
      source: "jira",
      author: null,
      value: 3,
      progress: 30,
      note: "",
      createdAt: "2026-11-20T10:00:00Z",
    },
    {
      id: "h2",
      source: "jira",
      author: null,
      value: 3,
      progress: 27.27,
      note: "",
      createdAt: "2026-11-23T10:00:00Z",
    },
    {
      id: "h0",
      source: "manual",
      author: { id: "u1", name: "Dana Demo" },
      value: 1,
      progress: 10,
      note: "Kick-off",
      createdAt: "2026-10-10T10:00:00Z",
    },
  ],
  forecast: { value: 5.5, progress: 50, at: "2027-01-01T00:00:00Z" },
};

/** The issues {@link measuredItemRoutes} answers: one done, one to do. */
export const issues: IssueContribution[] = [
  buildIssue(787, { summary: "Campaign list page" }),
  buildIssue(797, { summary: "Campaign export", statusName: "To Do", statusCategoryKey: "new", done: false }),
];

/** Where an item's page is. */
export function itemPagePath(kind: MeasuredKind, id: string): string {
  return `/o/o1/goals/${kind}/${id}`;
}

/**
 * The API behind an item's page: Dana, Acme's members and period `p1`, the item (`k1`, or `ob1` built by
 * default), its history and {@link issues}, the period's objectives and `k1`'s comments; `extra` overrides.
 */
export function measuredItemRoutes(
  item: KeyResult | Objective = buildKeyResult(),
  extra: MockRoutes = {},
): MockRoutes {
  const kind = "keyResults" in item ? "objectives" : "key-results";
  const path = `/api/v1/${kind}/${item.id}`;
  const period = {
    id: "p1",
    orgId: "o1",
    name: "Q4 2026",
    start: "2026-10-01T00:00:00Z",
    end: "2027-01-01T00:00:00Z",
  };
  const member = {
    userId: "u1",
    name: "Dana Demo",
    email: "d@acme.test",
    role: "member",
    joinedAt: "2026-01-01",
  };
  return {
    "GET /api/v1/me": { status: 200, body: me },
    "GET /api/v1/orgs/o1/members": { status: 200, body: { items: [member], nextCursor: null } },
    "GET /api/v1/orgs/o1/periods": { status: 200, body: { items: [period], nextCursor: null } },
    "GET /api/v1/orgs/o1/objectives": { status: 200, body: { items: [buildObjective()], nextCursor: null } },
    "GET /api/v1/objectives/ob1": { status: 200, body: buildObjective() },
    [`GET ${path}`]: { status: 200, body: item },
    [`GET ${path}/history`]: { status: 200, body: history },
    [`GET ${path}/issues`]: { status: 200, body: { items: issues, syncedAt: "2026-11-23T10:00:00Z" } },
    "GET /api/v1/key-results/k1/comments": { status: 200, body: { items: [] } },
    ...extra,
  };
}
