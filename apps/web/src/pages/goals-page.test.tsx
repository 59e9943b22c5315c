import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ItemState, ObjectiveListItem } from "../api/okr-types";
import { appRoutes } from "../router";
import { type MockRoutes, mockApi } from "../testing/api-server";
import {
  buildItemState,
  buildKeyResultListItem,
  buildMe,
  buildMember,
  buildObjectiveListItem,
  buildPeriod,
  page,
  TEST_NOW,
} from "../testing/builders";
import { renderRoute, setupUser } from "../testing/render-route";

const me = buildMe();
const members = page([
  buildMember(),
  buildMember({ userId: "u2", name: "Grace Hopper", email: "g@acme.test", role: "admin" }),
]);
const period = buildPeriod();

function state(
  progress: number | null,
  status: ItemState["status"],
  extra: Partial<ItemState> = {},
): ItemState {
  return buildItemState({ value: progress, progress, expected: 33, status, ...extra });
}

const bugs = buildKeyResultListItem({
  id: "k1",
  objectiveId: "ob2",
  title: "Fix 20 bugs this quarter",
  ownerId: "u2",
  measure: { kind: "kpi", unit: "bugs", start: 0, target: 20, completedOnly: true },
  dataSource: { kind: "jira", connectionId: "c1", jql: "type = Bug", metric: "count" },
  state: state(20, "behind", {
    value: 4,
    stale: { code: "jira_unreachable", message: "Jira did not answer (504).", since: null },
  }),
  canEdit: false,
});
const objectives: ObjectiveListItem[] = [
  buildObjectiveListItem({
    id: "ob1",
    title: "Ship feature Email Campaigns",
    measure: { kind: "percent" },
    dataSource: { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-786', metric: "count" },
    state: state(30, "at_risk", { value: 3, issueCount: 10, doneCount: 3 }),
  }),
  buildObjectiveListItem({
    id: "ob2",
    parentId: "ob1",
    parentTitle: "Ship feature Email Campaigns",
    title: "Improve quality",
    ownerId: "u2",
    state: state(20, "behind"),
    keyResults: [bugs],
    canEdit: false,
  }),
];

// The page picks the period covering today and suggests the quarter after the last one: today is fixed.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(TEST_NOW);
});

function routes(extra: MockRoutes = {}): MockRoutes {
  return {
    "GET /api/v1/me": { status: 200, body: me },
    "GET /api/v1/orgs/o1/members": { status: 200, body: members },
    "GET /api/v1/orgs/o1/periods": { status: 200, body: page([period]) },
    // As the server filters: by each objective's own owner and status; the summary ignores the status filter.
    "GET /api/v1/orgs/o1/objectives": (_body, url) => {
      const ownerId = url.searchParams.get("ownerId");
      const status = url.searchParams.get("status");
      const owned = objectives.filter((item) => ownerId === null || item.ownerId === ownerId);
      const summary = {
        total: owned.length,
        not_started: 0,
        on_track: 0,
        behind: 0,
        at_risk: 0,
        achieved: 0,
      };
      for (const item of owned) summary[item.state.status] += 1;
      return {
        status: 200,
        body: {
          items: owned.filter((item) => status === null || item.state.status === status),
          nextCursor: null,
          summary,
        },
      };
    },
    ...extra,
  };
}

describe("GoalsPage", () => {
  it("lists the period's objectives with status bars, the Jira icon, sync state and the summary", async () => {
    const calls = mockApi(routes());
    renderRoute(appRoutes, "/o/o1/goals");
    expect(await screen.findByRole("heading", { name: "Ship feature Email Campaigns" })).toBeVisible();
    expect(screen.getByText(/3 of 10 issues done/)).toBeVisible();
    const bar = screen.getByRole("progressbar", { name: "Ship feature Email Campaigns progress" });
    expect(bar.getAttribute("aria-valuetext")).toBe("30%, At risk");
    expect(screen.getAllByRole("img", { name: "Linked to Jira" })).toHaveLength(2);
    expect(screen.getByLabelText("Jira could not be reached: Jira did not answer (504).")).toBeVisible();
    expect(screen.getByRole("button", { name: "1 objective at risk" })).toBeVisible();
    expect(screen.getByText("Aligns to Ship feature Email Campaigns")).toBeVisible();
    expect(screen.getByText("Export CSV").closest("a")?.getAttribute("href")).toBe(
      "/api/v1/orgs/o1/periods/p1/export.csv",
    );
    const list = calls.to("GET /api/v1/orgs/o1/objectives")[0]?.url;
    expect(list?.searchParams.get("periodId")).toBe("p1");
    // The page asked for is the page shown.
    expect(list?.searchParams.get("limit")).toBe("20");
  });

  it("shows objectives a page of twenty at a time, fetching the next page on Show more", async () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      ...objectives[1],
      id: `many${index}`,
      parentId: null,
      title: `Objective ${index + 1}`,
      keyResults: [],
    }));
    const summary = { total: 25, not_started: 0, on_track: 0, behind: 25, at_risk: 0, achieved: 0 };
    const calls = mockApi(
      routes({
        "GET /api/v1/orgs/o1/objectives": (_body, url) =>
          url.searchParams.get("cursor") === "next"
            ? { status: 200, body: { items: many.slice(20), nextCursor: null, summary } }
            : { status: 200, body: { items: many.slice(0, 20), nextCursor: "next", summary } },
      }),
    );
    renderRoute(appRoutes, "/o/o1/goals");
    expect(await screen.findByRole("heading", { name: "Objective 20" })).toBeVisible();
    expect(screen.queryByRole("heading", { name: "Objective 21" })).toBeNull();
    expect(calls.to("GET /api/v1/orgs/o1/objectives")).toHaveLength(1);
    await setupUser().click(screen.getByRole("button", { name: "Show more objectives (5 more)" }));
    expect(await screen.findByRole("heading", { name: "Objective 25" })).toBeVisible();
    expect(screen.queryByRole("button", { name: /Show more objectives/ })).toBeNull();
    const second = calls.to("GET /api/v1/orgs/o1/objectives")[1]?.url;
    expect(second?.searchParams.get("cursor")).toBe("next");
    expect(second?.searchParams.get("limit")).toBe("20");
  });

  it("filters by status and owner", async () => {
    mockApi(routes());
    renderRoute(appRoutes, "/o/o1/goals");
    await screen.findByRole("heading", { name: "Improve quality" });
    const user = setupUser();
    await user.selectOptions(screen.getByLabelText("Status"), "at_risk");
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Improve quality" })).toBeNull());
    expect(screen.getByText("1 of 2 objectives")).toBeVisible();
    await user.selectOptions(screen.getByLabelText("Status"), "");
    // The summary's counts filter too, and a second click clears the filter.
    const behind = screen.getByRole("button", { name: /objective behind/ });
    await user.click(behind);
    expect(behind.getAttribute("aria-pressed")).toBe("true");
    expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("behind");
    await waitFor(() =>
      expect(screen.queryByRole("heading", { name: "Ship feature Email Campaigns" })).toBeNull(),
    );
    await user.click(behind);
    expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("");
    await user.selectOptions(screen.getByLabelText("Owner"), "u2");
    await waitFor(() =>
      expect(screen.queryByRole("heading", { name: "Ship feature Email Campaigns" })).toBeNull(),
    );
    expect(screen.getByText("Fix 20 bugs this quarter")).toBeVisible();
  });

  it("refreshes a key result from Jira, says why when Jira could not be read, and hides actions the caller may not take", async () => {
    const calls = mockApi(routes({ "POST /api/v1/key-results/k1/refresh": { status: 200, body: bugs } }));
    renderRoute(appRoutes, "/o/o1/goals");
    await screen.findByRole("heading", { name: "Improve quality" });
    expect(screen.queryByRole("button", { name: "Actions for Improve quality" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Actions for Fix 20 bugs this quarter" })).toBeNull();
    await setupUser().click(
      screen.getByRole("button", { name: "Refresh Fix 20 bugs this quarter from Jira" }),
    );
    await waitFor(() => expect(calls.to("POST /api/v1/key-results/k1/refresh")).toHaveLength(1));
    // Jira could not be read: the refresh says why, and the last good value stays.
    expect(await screen.findByText("Couldn't refresh Fix 20 bugs this quarter")).toBeVisible();
    expect(screen.getByText("Jira did not answer (504). The last good value is kept.")).toBeVisible();
  });

  it("deletes an objective after confirmation", async () => {
    const calls = mockApi(routes({ "DELETE /api/v1/objectives/ob1": { status: 204 } }));
    renderRoute(appRoutes, "/o/o1/goals");
    const user = setupUser();
    await user.click(await screen.findByRole("button", { name: "Actions for Ship feature Email Campaigns" }));
    await user.click(await screen.findByRole("menuitem", { name: "Delete objective" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete objective?" });
    expect(calls.to("DELETE /api/v1/objectives/ob1")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Delete objective" }));
    await waitFor(() => expect(calls.to("DELETE /api/v1/objectives/ob1")).toHaveLength(1));
  });

  const asAdmin = {
    "GET /api/v1/me": { status: 200, body: { ...me, orgs: [{ id: "o1", name: "Acme", role: "admin" }] } },
  };

  it("lets admins re-date a period; the form asks for the last day", async () => {
    const calls = mockApi(
      routes({
        ...asAdmin,
        "PATCH /api/v1/periods/p1": (body) => ({ status: 200, body: { ...period, ...(body as object) } }),
      }),
    );
    renderRoute(appRoutes, "/o/o1/goals");
    const user = setupUser();
    await screen.findByRole("heading", { name: "Improve quality" });
    await user.click(screen.getByRole("button", { name: "Periods" }));
    await user.click(await screen.findByRole("menuitem", { name: "Edit This quarter" }));
    const last = await screen.findByLabelText("Last day");
    await user.clear(last);
    await user.type(last, "2027-03-31");
    await user.click(screen.getByRole("button", { name: "Save period" }));
    await waitFor(() => expect(calls.to("PATCH /api/v1/periods/p1")).toHaveLength(1));
    const body = calls.bodies("PATCH /api/v1/periods/p1")[0] as Record<string, string>;
    expect(body.end).toBe("2027-04-01T00:00:00.000Z");
  });

  it("lets admins delete a period after a confirmation naming what goes with it", async () => {
    const calls = mockApi(routes({ ...asAdmin, "DELETE /api/v1/periods/p1": { status: 204 } }));
    renderRoute(appRoutes, "/o/o1/goals");
    const user = setupUser();
    await screen.findByRole("heading", { name: "Improve quality" });
    await user.click(screen.getByRole("button", { name: "Periods" }));
    await user.click(await screen.findByRole("menuitem", { name: "Delete This quarter" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete This quarter?" });
    expect(within(dialog).getByText(/Its 2 objectives/)).toBeVisible();
    await user.click(within(dialog).getByRole("button", { name: "Delete period" }));
    await waitFor(() => expect(calls.to("DELETE /api/v1/periods/p1")).toHaveLength(1));
  });

  it("shows members no period edits", async () => {
    mockApi(routes());
    renderRoute(appRoutes, "/o/o1/goals");
    const user = setupUser();
    await screen.findByRole("heading", { name: "Improve quality" });
    await user.click(screen.getByRole("button", { name: "Periods" }));
    expect(await screen.findByRole("menuitem", { name: "New period" })).toBeVisible();
    expect(screen.queryByRole("menuitem", { name: /Delete/ })).toBeNull();
  });

  it("creates a period, suggesting the next free quarter", async () => {
    const calls = mockApi(
      routes({
        "GET /api/v1/orgs/o1/periods": { status: 200, body: { items: [], nextCursor: null } },
        "POST /api/v1/orgs/o1/periods": (body) => ({
          status: 201,
          body: { id: "p9", orgId: "o1", ...(body as object) },
        }),
      }),
    );
    renderRoute(appRoutes, "/o/o1/goals");
    const user = setupUser();
    await user.click(await screen.findByRole("button", { name: "Create a period to start" }));
    const name = (await screen.findByLabelText("Period name")) as HTMLInputElement;
    expect(name.value).toMatch(/^Q[1-4] \d{4}$/);
    await user.click(screen.getByRole("button", { name: "Create period" }));
    await waitFor(() => expect(calls.to("POST /api/v1/orgs/o1/periods")).toHaveLength(1));
    const body = calls.bodies("POST /api/v1/orgs/o1/periods")[0] as Record<string, string>;
    expect(body.name).toBe(name.value);
    expect(new Date(body.start ?? "").getUTCDate()).toBe(1);
    expect(new Date(body.end ?? "").getUTCDate()).toBe(1);
  });
});
