// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Objective, Period } from "../api/okr-types";
import { type MockRoutes, mockApi, renderRoute } from "../testing/render-route";
import { MeasuredItemFormModal } from "./measured-item-form-modal";

const periods: Period[] = [
  { id: "p1", orgId: "o1", name: "Q4 2026", start: "2026-10-01T00:00:00Z", end: "2027-01-01T00:00:00Z" },
];
const parent: Objective = {
  id: "ob1",
  orgId: "o1",
  periodId: "p1",
  parentId: null,
  title: "Win mid-market customers",
  description: "",
  ownerId: "u1",
  weight: 1,
  measure: null,
  dataSource: null,
  state: { value: null, progress: 40, expected: 50, status: "behind", syncedAt: null, stale: null },
  keyResults: [],
};
const connection = {
  id: "c1",
  orgId: "o1",
  name: "Acme Jira",
  baseUrl: "https://acme.atlassian.net",
  email: "a@acme.test",
  sharing: { kind: "org" },
  createdBy: "u1",
  account: null,
  serverTitle: null,
  canManage: true,
  createdAt: "2026-10-01T00:00:00Z",
  updatedAt: "2026-10-01T00:00:00Z",
};

function routes(extra: MockRoutes = {}): MockRoutes {
  return {
    "GET /api/v1/orgs/o1/members": {
      status: 200,
      body: {
        items: [
          {
            userId: "u1",
            name: "Dana",
            email: "d@acme.test",
            role: "admin",
            joinedAt: "2026-01-01T00:00:00Z",
          },
        ],
        nextCursor: null,
      },
    },
    "GET /api/v1/orgs/o1/integrations/jira": { status: 200, body: { enabled: true } },
    "GET /api/v1/orgs/o1/jira/connections": { status: 200, body: { items: [connection], nextCursor: null } },
    "GET /api/v1/jira/connections/c1/fields": {
      status: 200,
      body: { storyPointFields: [], numericFields: [], fetchedAt: "2026-11-23T00:00:00Z" },
    },
    "POST /api/v1/jira/connections/c1/jql/check": {
      status: 200,
      body: { valid: true, errors: [], warnings: [], matchCount: 10, preview: [], metricPreview: null },
    },
    "POST /api/v1/orgs/o1/objectives": (body) => ({ status: 201, body }),
    ...extra,
  };
}

function renderForm() {
  const onClose = vi.fn();
  renderRoute(
    [
      {
        path: "/",
        element: (
          <MeasuredItemFormModal
            scope={{ orgId: "o1", orgName: "Acme", isAdmin: true, currentUserId: "u1" }}
            target={{ kind: "objectives", periods, periodId: "p1", candidates: [parent] }}
            onClose={onClose}
          />
        ),
      },
    ],
    "/",
  );
  return { onClose, user: userEvent.setup() };
}

function postedBody(spy: ReturnType<typeof mockApi>): unknown {
  const call = spy.mock.calls.find(
    ([url, init]) => String(url) === "/api/v1/orgs/o1/objectives" && init?.method === "POST",
  );
  return JSON.parse(String(call?.[1]?.body));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("objective editor", () => {
  it("creates an objective that rolls up its key results, aligned to a parent", async () => {
    const spy = mockApi(routes());
    const { user, onClose } = renderForm();
    await user.type(screen.getByLabelText(/Objective title/), "Raise product quality");
    await user.selectOptions(screen.getByLabelText("Aligns to (parent objective)"), "ob1");
    expect(screen.queryByLabelText("Measure progress as")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Create objective" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(postedBody(spy)).toEqual({
      title: "Raise product quality",
      description: "",
      periodId: "p1",
      ownerId: "u1",
      parentId: "ob1",
      weight: 1,
      measure: null,
      dataSource: null,
    });
  });

  it("measures an objective by its own Jira data source with the same editor", async () => {
    const spy = mockApi(routes());
    const { user, onClose } = renderForm();
    await user.type(screen.getByLabelText(/Objective title/), "Ship feature Email Campaigns");
    await user.click(screen.getByLabelText("Connect data source to auto-update progress"));
    expect(screen.getByRole("radio", { name: "Percent complete" })).toBeTruthy();
    await user.type(await screen.findByLabelText("JQL query"), '"Epic Link" = AE-786');
    expect(await screen.findByText(/10 matching issues/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Create objective" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(postedBody(spy)).toMatchObject({
      measure: { kind: "percent" },
      dataSource: { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-786', metric: "count" },
    });
  });
});
