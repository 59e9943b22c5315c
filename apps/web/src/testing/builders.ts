import type { ItemState, KeyResult, Objective, Period } from "../api/okr-types";
import type { Me, Member, Page } from "../api/types";

/**
 * Builders for the API's objects: a complete, valid object with plain defaults, changed by `overrides`.
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
    ...overrides,
  };
}

/** An objective `ob1` of `o1`/`p1` rolling up its key results (none), owned by `u1`, editable by the caller. */
export function buildObjective(overrides: Partial<Objective> = {}): Objective {
  return {
    id: "ob1",
    orgId: "o1",
    periodId: "p1",
    parentId: null,
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
    ...overrides,
  };
}
