// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HistoryResponse, IssuesResponse, KeyResult } from "../api/okr-types";
import type { Me } from "../api/types";
import type { Comment } from "../api/use-comments";
import { appRoutes } from "../router";
import { buildKeyResult } from "../testing/builders";
import { type MockRoutes, mockApi, renderRoute } from "../testing/render-route";

const me: Me = {
  user: { id: "u1", name: "Dana Demo", email: "d@acme.test" },
  orgs: [{ id: "o1", name: "Acme", role: "member" }],
};
const keyResult: KeyResult = {
  ...buildKeyResult(),
  id: "k1",
  objectiveId: "ob1",
  periodId: "p1",
  title: "Stories of AE-786 done",
  ownerId: "u1",
  weight: 1,
  measure: { kind: "percent" },
  dataSource: { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-786', metric: "count" },
  state: {
    value: 3,
    progress: 27.27,
    expected: 58,
    status: "at_risk",
    syncedAt: "2026-11-23T10:00:00Z",
    stale: null,
    noDataReason: null,
    noDataMessage: null,
    issueCount: 11,
    doneCount: 3,
  },
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
      createdAt: "2026-11-20T10:00:00Z",
    },
    {
      id: "h2",
      source: "jira",
      author: null,
      value: 3,
      progress: 27.27,
      issueCount: null,
      doneCount: null,
      note: "",
      createdAt: "2026-11-23T10:00:00Z",
    },
    {
      id: "h0",
      source: "manual",
      author: { id: "u1", name: "Dana Demo" },
      value: 1,
      progress: 10,
      issueCount: null,
      doneCount: null,
      note: "Kick-off",
      createdAt: "2026-10-10T10:00:00Z",
    },
  ],
  forecast: { value: 5.5, progress: 50, at: "2027-01-01T00:00:00Z" },
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
    {
      key: "AE-797",
      url: "https://acme.atlassian.net/browse/AE-797",
      summary: "Campaign export",
      statusName: "To Do",
      statusCategoryKey: "new",
      done: false,
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
    "GET /api/v1/key-results/k1": { status: 200, body: keyResult },
    "GET /api/v1/objectives/ob1": {
      status: 200,
      body: {
        id: "ob1",
        orgId: "o1",
        periodId: "p1",
        parentId: null,
        title: "Ship feature Email Campaigns",
        description: "",
        ownerId: "u1",
        weight: 1,
        measure: null,
        dataSource: null,
        state: { ...keyResult.state },
        keyResults: [keyResult],
      },
    },
    "GET /api/v1/key-results/k1/history": { status: 200, body: history },
    "GET /api/v1/key-results/k1/issues": { status: 200, body: issues },
    "GET /api/v1/key-results/k1/comments": { status: 200, body: { items: [] } },
    ...extra,
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("KeyResultPage", () => {
  it("says the progress metric averages only issues with time tracking, and which are left out", async () => {
    const progressKr: KeyResult = {
      ...keyResult,
      measure: { kind: "kpi", start: 0, target: 100, completedOnly: false },
      dataSource: { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-786', metric: "progress" },
    };
    const [first, second] = issues.items;
    if (!first || !second) throw new Error("fixture");
    mockApi(
      routes({
        "GET /api/v1/key-results/k1": { status: 200, body: progressKr },
        "GET /api/v1/key-results/k1/issues": {
          status: 200,
          body: {
            ...issues,
            items: [
              { ...first, value: 40 },
              { ...second, value: null },
            ],
          },
        },
      }),
    );
    renderRoute(appRoutes, "/o/o1/goals/key-results/k1");
    expect(
      await screen.findByText(
        "Progress averages only the 1 issue with time tracking; 1 issue without tracked time is left out.",
      ),
    ).toBeTruthy();
    const table = screen.getByRole("table", { name: "Jira issues behind this number" });
    expect(within(table).getByText("no time tracked (left out)")).toBeTruthy();
    expect(within(table).getByText("40%")).toBeTruthy();
  });

  it("takes a comment on a Jira-driven key result and shows it in its history", async () => {
    const posted: unknown[] = [];
    const stored: Comment[] = [
      {
        id: "cm1",
        keyResultId: "k1",
        checkInId: "h0",
        author: { id: "u1", name: "Dana Demo" },
        body: "Kick-off went well.",
        createdAt: "2026-10-10T11:00:00Z",
      },
    ];
    mockApi(
      routes({
        "GET /api/v1/key-results/k1/comments": () => ({ status: 200, body: { items: stored } }),
        "POST /api/v1/key-results/k1/comments": (body) => {
          posted.push(body);
          const comment = {
            id: "cm2",
            keyResultId: "k1",
            checkInId: null,
            author: { id: "u1", name: "Dana Demo" },
            body: (body as { body: string }).body,
            createdAt: "2026-11-23T11:00:00Z",
          };
          stored.push(comment);
          return { status: 201, body: comment };
        },
      }),
    );
    renderRoute(appRoutes, "/o/o1/goals/key-results/k1");
    const list = await screen.findByRole("list", { name: "Comments" });
    expect(within(list).getByText("Kick-off went well.")).toBeTruthy();
    expect(within(list).getByText(/on the check-in of/)).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Add a comment"), "Blocked on legal review.");
    await user.click(screen.getByRole("button", { name: "Comment" }));
    await waitFor(() => expect(posted).toEqual([{ body: "Blocked on legal review." }]));
    expect(await within(list).findByText("Blocked on legal review.")).toBeTruthy();
  });

  it("pages, searches and sorts a long drill-down (356 issues)", async () => {
    const many = Array.from({ length: 356 }, (_, i) => ({
      key: `AE-${i + 1}`,
      url: `https://acme.atlassian.net/browse/AE-${i + 1}`,
      summary: i === 200 ? "Unsubscribe link" : `Story ${i + 1}`,
      statusName: i % 2 === 0 ? "Done" : "To Do",
      statusCategoryKey: i % 2 === 0 ? "done" : "new",
      done: i % 2 === 0,
      value: 1,
    }));
    mockApi(
      routes({ "GET /api/v1/key-results/k1/issues": { status: 200, body: { ...issues, items: many } } }),
    );
    renderRoute(appRoutes, "/o/o1/goals/key-results/k1");
    const table = await screen.findByRole("table", { name: "Jira issues behind this number" });
    const keys = () =>
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((row) => within(row).getAllByRole("cell")[0]?.textContent);
    expect(keys()).toHaveLength(50);
    expect(keys()[0]).toBe("AE-1");
    expect(screen.getByText("1–50 of 356")).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "8" }));
    await waitFor(() => expect(keys()).toEqual(["AE-351", "AE-352", "AE-353", "AE-354", "AE-355", "AE-356"]));
    await user.selectOptions(screen.getByLabelText("Sort by"), "status");
    await user.click(screen.getByRole("button", { name: "1" }));
    await waitFor(() => expect(keys()[0]).toBe("AE-2"));
    await user.type(screen.getByLabelText("Search issues"), "unsubscribe");
    await waitFor(() => expect(keys()).toEqual(["AE-201"]));
  });

  it("says why there is no forecast when the history is too short", async () => {
    const note = "Not enough history for a forecast yet: it needs 3 values over at least 7 days.";
    mockApi(
      routes({
        "GET /api/v1/key-results/k1/history": {
          status: 200,
          body: { ...history, forecast: null, forecastNote: note },
        },
      }),
    );
    renderRoute(appRoutes, "/o/o1/goals/key-results/k1");
    expect(await screen.findByText(note)).toBeTruthy();
    expect(screen.queryByText(/Forecast at period end/)).toBeNull();
  });

  it("explains the number: the issues behind it, the check-ins, the forecast", async () => {
    mockApi(routes());
    renderRoute(appRoutes, "/o/o1/goals/key-results/k1");
    expect(await screen.findByRole("heading", { name: "Stories of AE-786 done" })).toBeTruthy();
    expect(
      (await screen.findByRole("link", { name: "Ship feature Email Campaigns" })).getAttribute("href"),
    ).toBe("/o/o1/goals/objectives/ob1");
    expect(
      screen
        .getByRole("progressbar", { name: "Stories of AE-786 done progress" })
        .getAttribute("aria-valuetext"),
    ).toBe("27%, At risk");
    expect(await screen.findByText(/Forecast at period end/)).toBeTruthy();
    expect(screen.getByText("50%")).toBeTruthy();

    const table = await screen.findByRole("table", { name: "Jira issues behind this number" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ["AE-787", "Campaign list page", "Done", "1 issue", ""],
      ["AE-797", "Campaign export", "To Do", "1 issue", ""],
    ]);
    expect(
      within(rows[0] as HTMLElement)
        .getByRole("link", { name: "AE-787" })
        .getAttribute("href"),
    ).toBe("https://acme.atlassian.net/browse/AE-787");
    expect(within(rows[0] as HTMLElement).getByRole("img", { name: "Done" })).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByRole("img", { name: "Not done" })).toBeTruthy();

    const checkIns = screen.getByRole("table", { name: "Check-ins" });
    const who = within(checkIns)
      .getAllByRole("row")
      .slice(1)
      .map((row) => within(row).getAllByRole("cell")[0]?.textContent);
    expect(who).toEqual(["Jira", "Jira", "Dana Demo"]);
    expect(screen.queryByRole("form", { name: "Check in" })).toBeNull();
  });

  it("offers a manual check-in for a key result without a data source", async () => {
    mockApi(
      routes({ "GET /api/v1/key-results/k1": { status: 200, body: { ...keyResult, dataSource: null } } }),
    );
    renderRoute(appRoutes, "/o/o1/goals/key-results/k1");
    expect(await screen.findByRole("form", { name: "Check in" })).toBeTruthy();
    expect(screen.getByLabelText("Progress (%)")).toBeTruthy();
    expect(screen.queryByText("Why this number")).toBeNull();
  });

  it("says when the key result does not exist", async () => {
    mockApi(
      routes({
        "GET /api/v1/key-results/k1": { status: 404, body: { error: { code: "not_found", message: "No." } } },
      }),
    );
    renderRoute(appRoutes, "/o/o1/goals/key-results/k1");
    expect(await screen.findByText("Key result not found")).toBeTruthy();
  });
});
