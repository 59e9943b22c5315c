import type {
  CheckIn,
  ItemState,
  KeyResult,
  KeyResultListItem,
  Objective,
  ObjectiveListItem,
  Period,
} from "../api/okr-types";
import type { Me, Member, Page } from "../api/types";

/**
 * Builders for the API's objects (typed from the generated OpenAPI types): a complete, valid object with
 * plain defaults, changed by `overrides`.
 * Dates are fixed (the tests never read the calendar): {@link TEST_NOW} is "now" for every builder.
 */
export const TEST_NOW = "2026-05-15T12:00:00.000Z";

/** `TEST_NOW` moved by `days` (negative: before). */
export function daysFromNow(days: number): string {
  return new Date(Date.parse(TEST_NOW) + days * 86_400_000).toISOString();
}

/** A cursor page of `items` with no next page. */
export function page<T>(items: T[], nextCursor: string | null = null): Page<T> {
  return { items, nextCursor };
}

/** The signed-in user Dana, a member of the organisation Acme (`o1`). */
export function buildMe(overrides: Partial<Me> = {}): Me {
  return {
    user: { id: "u1", name: "Dana Demo", email: "d@acme.test" },
    orgs: [{ id: "o1", name: "Acme", role: "member" }],
    ...overrides,
  };
}

/** A member of the organisation (Dana, `u1`, a member, unless overridden). */
export function buildMember(overrides: Partial<Member> = {}): Member {
  return {
    userId: "u1",
    name: "Dana Demo",
    email: "d@acme.test",
    role: "member",
    joinedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

/** A period `p1` of `o1` that started 30 days before {@link TEST_NOW} and ends 60 days after it. */
export function buildPeriod(overrides: Partial<Period> = {}): Period {
  return {
    id: "p1",
    orgId: "o1",
    name: "This quarter",
    start: daysFromNow(-30),
    end: daysFromNow(60),
    createdAt: daysFromNow(-30),
    ...overrides,
  };
}

/** A measured item's state: on track at 50 %, synced at {@link TEST_NOW}, not stale. */
export function buildItemState(overrides: Partial<ItemState> = {}): ItemState {
  return {
    value: 50,
    progress: 50,
    expected: 33,
    status: "on_track",
    syncedAt: TEST_NOW,
    stale: null,
    noDataReason: null,
    noDataMessage: null,
    issueCount: null,
    doneCount: null,
    ...overrides,
  };
}

/** A manual percent key result `k1` of objective `ob1`, owned by `u1`, editable by the caller. */
export function buildKeyResult(overrides: Partial<KeyResult> = {}): KeyResult {
  return {
    id: "k1",
    orgId: "o1",
    objectiveId: "ob1",
    periodId: "p1",
    title: "Key result",
    ownerId: "u1",
    weight: 1,
    measure: { kind: "percent" },
    dataSource: null,
    state: buildItemState(),
    forecast: null,
    forecastNote: null,
    canEdit: true,
    createdBy: "u1",
    createdAt: daysFromNow(-30),
    updatedAt: daysFromNow(-30),
    ...overrides,
  };
}

/** A key result as the goals list shows it: {@link buildKeyResult}'s fields the list has. */
export function buildKeyResultListItem(overrides: Partial<KeyResultListItem> = {}): KeyResultListItem {
  const { id, objectiveId, title, ownerId, weight, measure, dataSource, state, canEdit } = buildKeyResult();
  return { id, objectiveId, title, ownerId, weight, measure, dataSource, state, canEdit, ...overrides };
}

/** An objective `ob1` of `o1`/`p1` rolling up its key results (none), owned by `u1`, editable by the caller. */
export function buildObjective(overrides: Partial<Objective> = {}): Objective {
  return {
    id: "ob1",
    orgId: "o1",
    periodId: "p1",
    parentId: null,
    childIds: [],
    title: "Objective",
    description: "",
    ownerId: "u1",
    weight: 1,
    measure: null,
    dataSource: null,
    state: buildItemState(),
    keyResults: [],
    forecast: null,
    forecastNote: null,
    canEdit: true,
    createdBy: "u1",
    createdAt: daysFromNow(-30),
    updatedAt: daysFromNow(-30),
    ...overrides,
  };
}

/** An objective in the goals list (`ob1`, no parent, no key results). */
export function buildObjectiveListItem(overrides: Partial<ObjectiveListItem> = {}): ObjectiveListItem {
  const o = buildObjective();
  return {
    id: o.id,
    orgId: o.orgId,
    periodId: o.periodId,
    parentId: o.parentId,
    parentTitle: null,
    title: o.title,
    description: o.description,
    ownerId: o.ownerId,
    weight: o.weight,
    measure: o.measure,
    dataSource: o.dataSource,
    state: o.state,
    canEdit: o.canEdit,
    keyResults: [],
    ...overrides,
  };
}

/** A check-in `c1` seen by the sync at {@link TEST_NOW}: value 5, progress 50 %. */
export function buildCheckIn(overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id: "c1",
    source: "jira",
    author: null,
    value: 5,
    progress: 50,
    issueCount: null,
    doneCount: null,
    note: "",
    createdAt: TEST_NOW,
    ...overrides,
  };
}
