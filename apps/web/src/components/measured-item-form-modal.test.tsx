import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { JiraConnection } from "../api/jira-types";
import type { MeasuredItemFormTarget } from "../lib/measured-item-form";
import { type MockRoutes, mockApi } from "../testing/api-server";
import { buildKeyResult, buildObjective, buildPeriod } from "../testing/builders";
import { renderRoute } from "../testing/render-route";
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
    deployment: "cloud",
    sync: { lastSyncedAt: null, nextDueAt: null, broken: false, error: null },
    createdAt: "2026-10-01T00:00:00Z",
    updatedAt: "2026-10-01T00:00:00Z",
  };
}

const periods = [buildPeriod()];
const parent = buildObjective({ title: "Win mid-market customers" });
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
const CREATE = {
  "key-results": "POST /api/v1/objectives/ob1/key-results",
  objectives: "POST /api/v1/orgs/o1/objectives",
} as const;
const CHECK = "POST /api/v1/jira/connections/c1/jql/check";
const SOURCE = "Connect data source to auto-update progress";

function routes(connections: JiraConnection[], extra: MockRoutes = {}): MockRoutes {
  const member = { userId: "u1", name: "Dana", email: "d@acme.test", role: "admin", joinedAt: "2026-01-01" };
  return {
    "GET /api/v1/orgs/o1/members": { status: 200, body: { items: [member], nextCursor: null } },
    "GET /api/v1/orgs/o1/integrations/jira": { status: 200, body: { enabled: true } },
    "GET /api/v1/orgs/o1/jira/connections": { status: 200, body: { items: connections, nextCursor: null } },
    "GET /api/v1/jira/connections/c1/fields": { status: 200, body: fields },
    "GET /api/v1/jira/connections/c2/fields": { status: 200, body: fields },
    [CHECK]: { status: 200, body: validCheck },
    [CREATE["key-results"]]: (body) => ({ status: 201, body }),
    [CREATE.objectives]: (body) => ({ status: 201, body }),
    ...extra,
  };
}

const newKeyResult: MeasuredItemFormTarget = { kind: "key-results", objectiveId: "ob1" };
const newObjective: MeasuredItemFormTarget = {
  kind: "objectives",
  periods,
  periodId: "p1",
  candidates: [parent],
};

function renderForm(target: MeasuredItemFormTarget = newKeyResult) {
  const onClose = vi.fn();
  const scope = { orgId: "o1", orgName: "Acme", isAdmin: false, currentUserId: "u1" };
  const element = <MeasuredItemFormModal scope={scope} target={target} onClose={onClose} />;
  const { user } = renderRoute([{ path: "/", element }], "/");
  return { onClose, user };
}

function optionLabels(select: HTMLElement): string[] {
  return within(select)
    .getAllByRole("option")
    .map((option) => option.textContent ?? "");
}

describe("measured item form: what it saves", () => {
  const source = { kind: "jira", connectionId: "c1", jql: '"Epic Link" = AE-786', metric: "count" };
  it.each([
    {
      noun: "key result",
      target: newKeyResult,
      save: "Add key result",
      own: { title: "Ship it", ownerId: "u1", weight: 1 },
    },
    {
      noun: "objective",
      target: newObjective,
      save: "Create objective",
      own: { title: "Ship it", ownerId: "u1", weight: 1, description: "", periodId: "p1", parentId: null },
    },
  ])(
    "saves a new $noun measured by Jira through the only usable connection",
    async ({ target, save, own }) => {
      const api = mockApi(routes([connection("c1", "Acme Jira")]));
      const { user, onClose } = renderForm(target);
      await user.type(screen.getByRole("textbox", { name: /title/ }), "Ship it");
      await user.click(screen.getByLabelText(SOURCE));
      const only = await screen.findByText(/the only one you can use/);
      expect(only.parentElement?.textContent).toBe("Jira connection: Acme Jira (the only one you can use)");
      expect(screen.queryByLabelText("Jira connection")).toBeNull();
      await user.click(screen.getByLabelText("JQL query"));
      await user.paste('"Epic Link" = AE-786');
      await screen.findByText(/10 matching issues/);
      await user.click(screen.getByRole("button", { name: save }));
      await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
      expect(api.bodies(CREATE[target.kind])).toEqual([
        { ...own, measure: { kind: "percent" }, dataSource: source },
      ]);
    },
  );

  it("creates an objective that rolls up its key results, aligned to a parent", async () => {
    const api = mockApi(routes([]));
    const { user, onClose } = renderForm(newObjective);
    await user.type(screen.getByLabelText(/Objective title/), "Raise product quality");
    await user.selectOptions(screen.getByLabelText("Aligns to (parent objective)"), "ob1");
    expect(screen.queryByLabelText("Measure progress as")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Create objective" }));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(api.bodies(CREATE.objectives)).toEqual([
      {
        title: "Raise product quality",
        description: "",
        periodId: "p1",
        ownerId: "u1",
        parentId: "ob1",
        weight: 1,
        measure: null,
        dataSource: null,
      },
    ]);
  });

  it.each([
    { noun: "key result", target: newKeyResult, save: "Add key result" },
    { noun: "objective", target: newObjective, save: "Create objective" },
  ])(
    "refuses a new $noun without a title or weight, without calling the API",
    async ({ noun, target, save }) => {
      const api = mockApi(routes([]));
      const { user, onClose } = renderForm(target);
      await user.clear(screen.getByLabelText("Weight"));
      await user.click(screen.getByRole("button", { name: save }));
      const title = screen.getByRole("textbox", { name: /title/ });
      await waitFor(() => expect(title.getAttribute("aria-invalid")).toBe("true"));
      expect(screen.getByText(`Give the ${noun} a title`).id).toBe(
        title.getAttribute("aria-describedby")?.split(" ")[0],
      );
      expect(screen.getByLabelText("Weight").getAttribute("aria-invalid")).toBe("true");
      expect(api.bodies(CREATE[target.kind])).toEqual([]);
      expect(onClose).not.toHaveBeenCalled();
    },
  );

  it("refuses a KPI whose target equals its start, without calling the API", async () => {
    const api = mockApi(routes([]));
    const { user } = renderForm();
    await user.type(screen.getByLabelText(/Key result title/), "Fix 20 bugs this quarter");
    await user.click(screen.getByRole("radio", { name: "KPI (success metric)" }));
    await user.type(screen.getByLabelText(/Target value/), "0");
    await user.click(screen.getByRole("button", { name: "Add key result" }));
    await waitFor(() =>
      expect(screen.getByLabelText(/Target value/).getAttribute("aria-invalid")).toBe("true"),
    );
    expect(screen.getByText("The target must differ from the start").id).toBe(
      screen
        .getByLabelText(/Target value/)
        .getAttribute("aria-describedby")
        ?.split(" ")[0],
    );
    expect(api.bodies(CREATE["key-results"])).toEqual([]);
  });

  it("shows the server's refusal above the form and stays open", async () => {
    const forbidden = {
      status: 403,
      body: { error: { code: "forbidden", message: "Only editors may add." } },
    };
    mockApi(routes([], { [CREATE["key-results"]]: forbidden }));
    const { user, onClose } = renderForm();
    await user.type(screen.getByLabelText(/Key result title/), "Ship it");
    await user.click(screen.getByRole("button", { name: "Add key result" }));
    // Within the form: an earlier test's toast may still be on screen (Mantine's notification store is global).
    const form = screen.getByRole("dialog", { name: "New key result" });
    expect((await within(form).findByRole("alert")).textContent).toBe("Only editors may add.");
    expect(onClose).not.toHaveBeenCalled();
  });

  it("keeps a connection the editor cannot use instead of silently re-pointing the key result", async () => {
    const existing = buildKeyResult({
      id: "kr1",
      title: "Stories done",
      dataSource: { kind: "jira", connectionId: "cX", jql: "project = AE", metric: "count" },
    });
    const api = mockApi(
      routes([connection("c1", "Acme Jira")], {
        "POST /api/v1/jira/connections/cX/jql/check": {
          status: 403,
          body: { error: { code: "forbidden", message: "Not shared with you." } },
        },
        "PATCH /api/v1/key-results/kr1": (body) => ({ status: 200, body }),
      }),
    );
    const { user, onClose } = renderForm({ ...newKeyResult, item: existing });
    const picker = (await screen.findByLabelText("Jira connection")) as HTMLSelectElement;
    expect(picker.value).toBe("cX");
    expect(screen.getByText(/not shared with you; it keeps it/).textContent).toMatch(/unless you choose/);
    await user.click(screen.getByRole("button", { name: "Save key result" }));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(api.bodies("PATCH /api/v1/key-results/kr1")).toMatchObject([
      { dataSource: { connectionId: "cX" } },
    ]);
  });
});

describe("measured item form: the Jira data source", () => {
  it("asks which connection when several are usable", async () => {
    mockApi(routes([connection("c1", "Acme Jira"), connection("c2", "Globex Jira")]));
    const { user } = renderForm();
    await user.click(screen.getByLabelText(SOURCE));
    const picker = await screen.findByLabelText("Jira connection");
    expect(optionLabels(picker)).toEqual(["Choose a connection…", "Acme Jira", "Globex Jira"]);
    expect(screen.queryByLabelText("JQL query")).toBeNull();
    await user.selectOptions(picker, "c2");
    expect((await screen.findByLabelText("JQL query")).tagName).toBe("TEXTAREA");
  });

  it("offers to create a connection when none is created or shared", async () => {
    mockApi(routes([]));
    const { user } = renderForm();
    await user.click(screen.getByLabelText(SOURCE));
    await user.click(await screen.findByRole("button", { name: "Create a Jira connection" }));
    expect(screen.getByLabelText("Jira site address").getAttribute("value")).toBe("");
    expect(screen.getByLabelText("Jira API token").getAttribute("type")).toBe("password");
  });

  it("offers remaining estimate and progress only for KPIs, and the site's numeric fields", async () => {
    mockApi(routes([connection("c1", "Acme Jira")]));
    const { user } = renderForm();
    await user.click(screen.getByLabelText(SOURCE));
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
    expect(screen.getByText(/^Progress is the mean of Jira's progress/).textContent).toBe(
      "Progress is the mean of Jira's progress (time spent ÷ time spent + remaining) over the issues with time tracking; issues without tracked time are left out.",
    );
    await user.selectOptions(screen.getByLabelText("Track progress by"), "remainingEstimate");
    await user.click(screen.getByRole("radio", { name: "Percent complete" }));
    expect((screen.getByLabelText("Track progress by") as HTMLSelectElement).value).toBe("count");
  });

  it("re-reads the site's fields on demand, offering a custom field just added in Jira", async () => {
    const added = { id: "customfield_10077", name: "Revenue" };
    const reads: string[] = [];
    mockApi(
      routes([connection("c1", "Acme Jira")], {
        "GET /api/v1/jira/connections/c1/fields": (_body, url) => {
          reads.push(url.search);
          const numericFields = reads.length === 1 ? fields.numericFields : [...fields.numericFields, added];
          return { status: 200, body: { ...fields, numericFields } };
        },
      }),
    );
    const { user } = renderForm();
    await user.click(screen.getByLabelText(SOURCE));
    const trackBy = await screen.findByLabelText("Track progress by");
    await waitFor(() => expect(optionLabels(trackBy)).toContain("Risk Score"));
    expect(optionLabels(trackBy)).not.toContain("Revenue");
    await user.click(screen.getByRole("button", { name: /Re-read the site's fields/ }));
    await waitFor(() =>
      expect(optionLabels(screen.getByLabelText("Track progress by"))).toContain("Revenue"),
    );
    expect(reads).toEqual(["", "?refresh=true"]);
  });

  it("waits for typing to pause before asking Jira, then asks once", async () => {
    const api = mockApi(routes([connection("c1", "Acme Jira")]));
    const { user } = renderForm();
    await user.click(screen.getByLabelText(SOURCE));
    await user.type(await screen.findByLabelText("JQL query"), "project = AE");
    expect(api.bodies(CHECK)).toEqual([]);
    expect(screen.getByText("Checking with Jira…").textContent).toBe("Checking with Jira…");
    await screen.findByText(/10 matching issues/);
    expect(api.bodies(CHECK)).toEqual([
      { jql: "project = AE", metric: "count", measure: { kind: "percent" } },
    ]);
  });

  it("shows Jira's own messages for an invalid query", async () => {
    const message = "Error in the JQL Query: Expecting operator but got 'AE'. (line 1, character 9)";
    const invalid = { valid: false, errors: [message], warnings: [], matchCount: null, preview: [] };
    mockApi(routes([connection("c1", "Acme Jira")], { [CHECK]: { status: 200, body: invalid } }));
    const { user } = renderForm();
    await user.click(screen.getByLabelText(SOURCE));
    await user.type(await screen.findByLabelText("JQL query"), "project AE");
    const alert = (await screen.findByText("Jira says the query is invalid")).closest<HTMLElement>(
      ".mantine-Alert-root",
    );
    expect(within(alert ?? document.body).getByRole("listitem").textContent).toBe(message);
  });

  it("shows the value a KPI counting every ticket would get", async () => {
    mockApi(routes([connection("c1", "Acme Jira")]));
    const { user } = renderForm();
    await user.click(screen.getByRole("radio", { name: "KPI (success metric)" }));
    await user.type(screen.getByLabelText(/Metric name/), "bugs");
    await user.type(screen.getByLabelText(/Target value/), "20");
    await user.click(screen.getByLabelText(SOURCE));
    await user.type(await screen.findByLabelText("JQL query"), "type = Bug");
    expect((await screen.findByText(/would get/)).textContent).toBe(
      "10 matching issues · this key result would get 10 bugs → 50%",
    );
  });

  it("shows the value the server computes for the metric, and re-checks when the metric changes", async () => {
    const preview = { value: 3, progress: 30, reason: null, issueCount: 10, doneCount: 3, partial: false };
    const api = mockApi(
      routes([connection("c1", "Acme Jira")], {
        [CHECK]: (body) => {
          const isPoints = (body as { metric?: unknown }).metric === "storyPoints";
          const metricPreview = isPoints
            ? { ...preview, value: null, progress: null, reason: "no_values" }
            : preview;
          return { status: 200, body: { ...validCheck, metricPreview } };
        },
      }),
    );
    const { user } = renderForm();
    await user.click(screen.getByLabelText(SOURCE));
    await user.click(await screen.findByLabelText("JQL query"));
    await user.paste('"Epic Link" = AE-786');
    await screen.findByText(/this key result would get 3 of 10 issues done → 30%/);
    await user.selectOptions(screen.getByLabelText("Track progress by"), "storyPoints");
    await screen.findByText(
      /would get no value yet: None of the matching issues has a value for this metric/,
    );
    expect(api.bodies(CHECK).map((body) => (body as { metric: unknown }).metric)).toEqual([
      "count",
      "storyPoints",
    ]);
  });
});
