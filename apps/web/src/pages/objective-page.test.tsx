// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HistoryResponse, IssuesResponse } from "../api/okr-types";
import type { Me } from "../api/types";
import { appRoutes } from "../router";
import { type MockRoutes, mockApi, renderRoute } from "../testing/render-route";

const me: Me = {
  user: { id: "u1", name: "Dana Demo", email: "d@acme.test" },
  orgs: [{ id: "o1", name: "Acme", role: "member" }],
};
const state = {
  value: 3,
  progress: 30,
  expected: 58,
  status: "at_risk" as const,
  syncedAt: "2026-11-23T10:00:00Z",
  stale: null,
  issueCount: 10,
  doneCount: 3,
};
const objective = {
  id: "ob1",
  orgId: "o1",
  periodId: "p1",
  parentId: null,
  childIds: [],
  title: "Ship feature Email Campaigns",
  description: "",
  ownerId: "u1",
  weight: 1,
  measure: { kind: "percent" },
  dataSource: { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-786', metric: "count" },
  state,
  keyResults: [],
  forecast: null,
  canEdit: true,
};
const history: HistoryResponse = {
  items: [
    {
      id: "h1",
      source: "jira",
      author: null,
      value: 3,
      progress: 30,
      issueCount: null,
      doneCount: null,
      note: "",
      createdAt: "2026-11-23T10:00:00Z",
    },
  ],
  forecast: null,
  forecastNote: null,
};
const issues: IssuesResponse = {
  items: [
    {
      key: "AE-787",
      url: "https://acme.atlassian.net/browse/AE-787",
      summary: "Campaign list page",
      statusName: "Done",
      statusCategoryKey: "done",
      done: true,
      value: 1,
    },
  ],
  syncedAt: "2026-11-23T10:00:00Z",
};

function routes(extra: MockRoutes = {}): MockRoutes {
  return {
    "GET /api/v1/me": { status: 200, body: me },
    "GET /api/v1/orgs/o1/members": { status: 200, body: { items: [], nextCursor: null } },
    "GET /api/v1/orgs/o1/periods": {
      status: 200,
      body: {
        items: [
          {
            id: "p1",
            orgId: "o1",
            name: "Q4 2026",
            start: "2026-10-01T00:00:00Z",
            end: "2027-01-01T00:00:00Z",
          },
        ],
        nextCursor: null,
      },
    },
    "GET /api/v1/objectives/ob1": { status: 200, body: objective },
    "GET /api/v1/objectives/ob1/history": { status: 200, body: history },
    "GET /api/v1/objectives/ob1/issues": { status: 200, body: issues },
    ...extra,
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ObjectivePage", () => {
  it("explains a Jira-measured objective's number with the issues behind it", async () => {
    mockApi(routes());
    renderRoute(appRoutes, "/o/o1/goals/objectives/ob1");
    expect(await screen.findByRole("heading", { name: "Ship feature Email Campaigns" })).toBeTruthy();
    const table = await screen.findByRole("table", { name: "Jira issues behind this number" });
    const cells = within(table).getAllByRole("row")[1];
    expect(
      within(cells as HTMLElement)
        .getByRole("link", { name: "AE-787" })
        .getAttribute("href"),
    ).toBe("https://acme.atlassian.net/browse/AE-787");
  });

  it("has no issue breakdown for an objective that rolls up from its key results", async () => {
    mockApi(
      routes({
        "GET /api/v1/objectives/ob1": {
          status: 200,
          body: { ...objective, measure: null, dataSource: null, state: { ...state, value: null } },
        },
        "GET /api/v1/objectives/ob1/history": { status: 200, body: { items: [], forecast: null } },
      }),
    );
    renderRoute(appRoutes, "/o/o1/goals/objectives/ob1");
    expect(await screen.findByRole("heading", { name: "Ship feature Email Campaigns" })).toBeTruthy();
    expect(screen.queryByText("Why this number")).toBeNull();
  });
});
