// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JiraConnection } from "../api/jira-types";
import type { KeyResult } from "../api/okr-types";
import { type MockRoutes, mockApi, renderRoute } from "../testing/render-route";
import { MeasuredItemFormModal } from "./measured-item-form-modal";

function connection(id: string, name: string): JiraConnection {
  return {
    id,
    orgId: "o1",
    name,
    baseUrl: "https://acme.atlassian.net",
    email: "dana@acme.test",
    sharing: { kind: "org" },
    createdBy: "u1",
    account: { accountId: "a1", displayName: "Dana" },
    serverTitle: "Acme",
    canManage: true,
    createdAt: "2026-10-01T00:00:00Z",
    updatedAt: "2026-10-01T00:00:00Z",
  };
}

const members = {
  items: [
    {
      userId: "u1",
      name: "Dana Demo",
      email: "d@acme.test",
      role: "admin",
      joinedAt: "2026-01-01T00:00:00Z",
    },
  ],
  nextCursor: null,
};
const fields = {
  storyPointFields: [{ id: "customfield_10016", name: "Story point estimate" }],
  numericFields: [
    { id: "customfield_10016", name: "Story point estimate" },
    { id: "customfield_10042", name: "Risk Score" },
  ],
  fetchedAt: "2026-11-23T10:00:00Z",
};
const validCheck = {
  valid: true,
  errors: [],
  warnings: [],
  matchCount: 10,
  preview: [{ key: "AE-787", summary: "Design the campaign editor" }],
};

function routes(connections: JiraConnection[], extra: MockRoutes = {}): MockRoutes {
  return {
    "GET /api/v1/orgs/o1/members": { status: 200, body: members },
    "GET /api/v1/orgs/o1/integrations/jira": { status: 200, body: { enabled: true } },
    "GET /api/v1/orgs/o1/jira/connections": { status: 200, body: { items: connections, nextCursor: null } },
    "GET /api/v1/jira/connections/c1/fields": { status: 200, body: fields },
    "GET /api/v1/jira/connections/c2/fields": { status: 200, body: fields },
    "POST /api/v1/jira/connections/c1/jql/check": { status: 200, body: validCheck },
    ...extra,
  };
}

function renderForm(isAdmin = false, keyResult?: KeyResult) {
  const onClose = vi.fn();
  renderRoute(
    [
      {
        path: "/",
        element: (
          <MeasuredItemFormModal
            scope={{ orgId: "o1", orgName: "Acme", isAdmin, currentUserId: "u1" }}
            target={{ kind: "key-results", objectiveId: "obj1", item: keyResult }}
            onClose={onClose}
          />
        ),
      },
    ],
    "/",
  );
  return { onClose, user: userEvent.setup() };
}

function optionLabels(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole("option")
    .map((option) => option.textContent ?? "");
}

function calls(spy: ReturnType<typeof mockApi>, key: string) {
  return spy.mock.calls.filter(
    ([url, init]) => `${init?.method ?? "GET"} ${new URL(String(url), "http://x").pathname}` === key,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("key result editor: data source", () => {
  it("chooses the only usable connection automatically and saves it with the JQL", async () => {
    const spy = mockApi(
      routes([connection("c1", "Acme Jira")], {
        "POST /api/v1/objectives/obj1/key-results": (body) => ({
          status: 201,
          body: { id: "kr1", ...(body as object) },
        }),
      }),
    );
    const { user, onClose } = renderForm();
    await user.type(screen.getByLabelText(/Key result title/), "Ship feature Email Campaigns");
    await user.click(screen.getByLabelText("Connect data source to auto-update progress"));
    expect(await screen.findByText("Acme Jira")).toBeTruthy();
    expect(screen.getByText(/the only one you can use/)).toBeTruthy();
    expect(screen.queryByLabelText("Jira connection")).toBeNull();
    await user.type(screen.getByLabelText("JQL query"), '"Epic Link" = AE-786');
    expect(await screen.findByText(/10 matching issues/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Add key result" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [, init] = calls(spy, "POST /api/v1/objectives/obj1/key-results")[0] ?? [];
    expect(JSON.parse(String(init?.body))).toEqual({
      title: "Ship feature Email Campaigns",
      ownerId: "u1",
      weight: 1,
      measure: { kind: "percent" },
      dataSource: { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-786', metric: "count" },
    });
  });

  it("asks which connection when several are usable", async () => {
    mockApi(routes([connection("c1", "Acme Jira"), connection("c2", "Globex Jira")]));
    const { user } = renderForm();
    await user.click(screen.getByLabelText("Connect data source to auto-update progress"));
    const picker = await screen.findByLabelText("Jira connection");
    expect(optionLabels(picker)).toEqual(["Choose a connection…", "Acme Jira", "Globex Jira"]);
    expect(screen.queryByLabelText("JQL query")).toBeNull();
    await user.selectOptions(picker, "c2");
    expect(await screen.findByLabelText("JQL query")).toBeTruthy();
  });

  it("offers to create a connection when none is created or shared", async () => {
    mockApi(routes([]));
    const { user } = renderForm();
    await user.click(screen.getByLabelText("Connect data source to auto-update progress"));
    expect(await screen.findByText("No Jira connection yet")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Create a Jira connection" }));
    expect(screen.getByLabelText("Jira site address")).toBeTruthy();
    expect(screen.getByLabelText("Jira API token")).toBeTruthy();
  });

  it("offers remaining estimate and progress only for KPIs, and the site's numeric fields", async () => {
    mockApi(routes([connection("c1", "Acme Jira")]));
    const { user } = renderForm();
    await user.click(screen.getByLabelText("Connect data source to auto-update progress"));
    const trackBy = await screen.findByLabelText("Track progress by");
    await waitFor(() => expect(optionLabels(trackBy)).toContain("Risk Score"));
    expect(optionLabels(trackBy)).toEqual([
      "Count of tickets",
      "Time spent",
      "Original estimate",
      "Story points",
      "Risk Score",
    ]);
    await user.click(screen.getByRole("radio", { name: "KPI (success metric)" }));
    expect(optionLabels(screen.getByLabelText("Track progress by"))).toEqual([
      "Count of tickets",
      "Time spent",
      "Original estimate",
      "Remaining estimate",
      "Progress",
      "Story points",
      "Risk Score",
    ]);
    await user.selectOptions(screen.getByLabelText("Track progress by"), "progress");
    expect(
      screen.getByText(
        "Progress is the mean of Jira's progress (time spent ÷ time spent + remaining) over the issues with time tracking; issues without tracked time are left out.",
      ),
    ).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Track progress by"), "remainingEstimate");
    await user.click(screen.getByRole("radio", { name: "Percent complete" }));
    expect((screen.getByLabelText("Track progress by") as HTMLSelectElement).value).toBe("count");
  });

  it("re-reads the site's fields on demand, offering a custom field just added in Jira", async () => {
    let reads = 0;
    const spy = mockApi(
      routes([connection("c1", "Acme Jira")], {
        "GET /api/v1/jira/connections/c1/fields": () => {
          reads += 1;
          const added = { id: "customfield_10077", name: "Revenue" };
          return {
            status: 200,
            body: reads === 1 ? fields : { ...fields, numericFields: [...fields.numericFields, added] },
          };
        },
      }),
    );
    const { user } = renderForm();
    await user.click(screen.getByLabelText("Connect data source to auto-update progress"));
    const trackBy = await screen.findByLabelText("Track progress by");
    await waitFor(() => expect(optionLabels(trackBy)).toContain("Risk Score"));
    expect(optionLabels(trackBy)).not.toContain("Revenue");
    await user.click(screen.getByRole("button", { name: /Re-read the site's fields/ }));
    await waitFor(() =>
      expect(optionLabels(screen.getByLabelText("Track progress by"))).toContain("Revenue"),
    );
    const urls = spy.mock.calls.map(([url]) => String(url)).filter((url) => url.includes("/fields"));
    expect(urls.at(-1)).toBe("/api/v1/jira/connections/c1/fields?refresh=true");
  });

  it("refuses a KPI whose target equals its start, without calling the API", async () => {
    const spy = mockApi(routes([connection("c1", "Acme Jira")]));
    const { user } = renderForm();
    await user.type(screen.getByLabelText(/Key result title/), "Fix 20 bugs this quarter");
    await user.click(screen.getByRole("radio", { name: "KPI (success metric)" }));
    await user.type(screen.getByLabelText(/Target value/), "0");
    await user.click(screen.getByRole("button", { name: "Add key result" }));
    expect(await screen.findByText("The target must differ from the start")).toBeTruthy();
    expect(calls(spy, "POST /api/v1/objectives/obj1/key-results")).toHaveLength(0);
  });

  it("shows Jira's own messages for an invalid query", async () => {
    mockApi(
      routes([connection("c1", "Acme Jira")], {
        "POST /api/v1/jira/connections/c1/jql/check": {
          status: 200,
          body: {
            valid: false,
            errors: ["Error in the JQL Query: Expecting operator but got 'AE'. (line 1, character 9)"],
            warnings: [],
            matchCount: null,
            preview: [],
          },
        },
      }),
    );
    const { user } = renderForm();
    await user.click(screen.getByLabelText("Connect data source to auto-update progress"));
    await user.type(await screen.findByLabelText("JQL query"), "project AE");
    expect(await screen.findByText("Jira says the query is invalid")).toBeTruthy();
    expect(screen.getByText(/Expecting operator but got 'AE'/)).toBeTruthy();
  });

  it("shows the value a KPI counting every ticket would get", async () => {
    mockApi(routes([connection("c1", "Acme Jira")]));
    const { user } = renderForm();
    await user.click(screen.getByRole("radio", { name: "KPI (success metric)" }));
    await user.type(screen.getByLabelText(/Metric name/), "bugs");
    await user.type(screen.getByLabelText(/Target value/), "20");
    await user.click(screen.getByLabelText("Connect data source to auto-update progress"));
    await user.type(await screen.findByLabelText("JQL query"), "type = Bug");
    expect(await screen.findByText(/this key result would get 10 bugs → 50%/)).toBeTruthy();
  });

  it("shows the value the server computes for the metric, and re-checks when the metric changes", async () => {
    const spy = mockApi(
      routes([connection("c1", "Acme Jira")], {
        "POST /api/v1/jira/connections/c1/jql/check": (body) => {
          const isPoints = (body as { metric?: unknown }).metric === "storyPoints";
          return {
            status: 200,
            body: {
              ...validCheck,
              metricPreview: isPoints
                ? {
                    value: null,
                    progress: null,
                    reason: "no_values",
                    issueCount: 10,
                    doneCount: 3,
                    partial: false,
                  }
                : { value: 3, progress: 30, reason: null, issueCount: 10, doneCount: 3, partial: false },
            },
          };
        },
      }),
    );
    const { user } = renderForm();
    await user.click(screen.getByLabelText("Connect data source to auto-update progress"));
    await user.type(await screen.findByLabelText("JQL query"), '"Epic Link" = AE-786');
    expect(await screen.findByText(/this key result would get 3 of 10 issues done → 30%/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Track progress by"), "storyPoints");
    expect(
      await screen.findByText(
        /would get no value yet: None of the matching issues has a value for this metric/,
      ),
    ).toBeTruthy();
    const metrics = calls(spy, "POST /api/v1/jira/connections/c1/jql/check").map(
      ([, init]) => (JSON.parse(String(init?.body)) as { metric: unknown }).metric,
    );
    expect(metrics).toEqual(["count", "storyPoints"]);
  });

  it("keeps a connection the editor cannot use instead of silently re-pointing the key result", async () => {
    const spy = mockApi(
      routes([connection("c1", "Acme Jira")], {
        "POST /api/v1/jira/connections/cX/jql/check": {
          status: 403,
          body: { error: { code: "forbidden", message: "Not shared with you." } },
        },
        "PATCH /api/v1/key-results/kr1": (body) => ({ status: 200, body }),
      }),
    );
    const existing: KeyResult = {
      id: "kr1",
      objectiveId: "obj1",
      title: "Stories done",
      ownerId: "u1",
      weight: 1,
      measure: { kind: "percent" },
      dataSource: { kind: "jira", connectionId: "cX", jql: "project = AE", metric: "count" },
      state: { value: 3, progress: 30, expected: 50, status: "behind", syncedAt: null, stale: null },
    };
    const { user, onClose } = renderForm(false, existing);
    const picker = (await screen.findByLabelText("Jira connection")) as HTMLSelectElement;
    expect(picker.value).toBe("cX");
    expect(screen.getByText(/not shared with you; it keeps it/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Save key result" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const [, init] = calls(spy, "PATCH /api/v1/key-results/kr1")[0] ?? [];
    expect(JSON.parse(String(init?.body)).dataSource.connectionId).toBe("cX");
  });

  it("waits for typing to pause before asking Jira, then asks once", async () => {
    const spy = mockApi(routes([connection("c1", "Acme Jira")]));
    const { user } = renderForm();
    await user.click(screen.getByLabelText("Connect data source to auto-update progress"));
    await user.type(await screen.findByLabelText("JQL query"), "project = AE");
    expect(calls(spy, "POST /api/v1/jira/connections/c1/jql/check")).toHaveLength(0);
    expect(screen.getByText("Checking with Jira…")).toBeTruthy();
    expect(await screen.findByText(/10 matching issues/)).toBeTruthy();
    const checks = calls(spy, "POST /api/v1/jira/connections/c1/jql/check");
    expect(checks).toHaveLength(1);
    expect(JSON.parse(String(checks[0]?.[1]?.body))).toEqual({
      jql: "project = AE",
      metric: "count",
      measure: { kind: "percent" },
    });
  });
});
