import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { JiraConnection } from "../api/jira-types";
import type { Me } from "../api/types";
import { appRoutes } from "../router";
import { type MockRoutes, mockApi } from "../testing/api-server";
import { renderRoute, setupUser } from "../testing/render-route";

const me = (role: "admin" | "member"): Me => ({
  user: { id: "u1", name: "Dana Demo", email: "d@acme.test" },
  orgs: [{ id: "o1", name: "Acme", role }],
});
const members = {
  items: [
    {
      userId: "u1",
      name: "Dana Demo",
      email: "d@acme.test",
      role: "admin",
      joinedAt: "2026-01-01T00:00:00Z",
    },
    {
      userId: "u2",
      name: "Grace Hopper",
      email: "g@acme.test",
      role: "member",
      joinedAt: "2026-01-01T00:00:00Z",
    },
  ],
  nextCursor: null,
};
const acme: JiraConnection = {
  id: "c1",
  orgId: "o1",
  name: "Acme Jira",
  baseUrl: "https://acme.atlassian.net",
  deployment: "cloud",
  email: "ada@acme.test",
  sharing: { kind: "members", userIds: ["u2"] },
  createdBy: "u1",
  account: { accountId: "a1", displayName: "Ada" },
  serverTitle: "Acme",
  canManage: true,
  sync: {
    lastSyncedAt: null,
    nextDueAt: null,
    broken: true,
    error: {
      code: "jira_bad_credentials",
      message: "Jira refused the token (401).",
      since: "2026-11-23T10:00:00Z",
    },
  },
  createdAt: "2026-11-01T00:00:00Z",
  updatedAt: "2026-11-01T00:00:00Z",
};

/** A connection's webhook as a manager sees it: never delivered to, so the connection is on the probe. */
const webhook = {
  url: "https://goalpost.acme.test/api/v1/hooks/jira/h00k",
  secret: "s3cret-value",
  events: ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"],
  jqlFilter: 'project in ("AE")',
  lastDeliveryAt: null,
  deliveries24h: 0,
  refused24h: 0,
  speed: "probe",
};

function routes(role: "admin" | "member", extra: MockRoutes = {}): MockRoutes {
  return {
    "GET /api/v1/me": { status: 200, body: me(role) },
    "GET /api/v1/orgs/o1/members": { status: 200, body: members },
    "GET /api/v1/orgs/o1/integrations/jira": { status: 200, body: { enabled: true } },
    "GET /api/v1/orgs/o1/jira/connections": { status: 200, body: { items: [acme], nextCursor: null } },
    ...extra,
  };
}

describe("JiraPage", () => {
  it("shows each connection's site, sharing and sync health", async () => {
    mockApi(routes("admin"));
    renderRoute(appRoutes, "/o/o1/jira");
    const card = await screen.findByRole("article", { name: "Acme Jira" });
    expect(within(card).getByText(/Shared with Grace Hopper/)).toBeVisible();
    expect(within(card).getByText("Needs attention")).toBeVisible();
    expect(
      within(card).getByLabelText(
        /^Jira refused the token: Jira refused the token \(401\)\. Since .* No retry until it is fixed\.$/,
      ),
    ).toBeVisible();
  });

  it("rotates a token: an empty token field keeps the current one", async () => {
    const calls = mockApi(
      routes("admin", {
        "PATCH /api/v1/jira/connections/c1": (body) => ({
          status: 200,
          body: { ...acme, ...(body as object) },
        }),
      }),
    );
    renderRoute(appRoutes, "/o/o1/jira");
    const user = setupUser();
    await user.click(await screen.findByRole("button", { name: "Edit Acme Jira" }));
    await user.clear(await screen.findByLabelText("Connection name"));
    await user.type(screen.getByLabelText("Connection name"), "Acme Cloud");
    await user.click(screen.getByRole("button", { name: "Test and save changes" }));
    await waitFor(() => expect(calls.to("PATCH /api/v1/jira/connections/c1")).toHaveLength(1));
    const body = calls.bodies("PATCH /api/v1/jira/connections/c1")[0];
    expect(body).toEqual({
      name: "Acme Cloud",
      baseUrl: "https://acme.atlassian.net",
      email: "ada@acme.test",
      sharing: { kind: "members", userIds: ["u2"] },
    });
  });

  it("asks before switching the integration off (admins only)", async () => {
    const calls = mockApi(
      routes("admin", { "PUT /api/v1/orgs/o1/integrations/jira": { status: 200, body: { enabled: false } } }),
    );
    renderRoute(appRoutes, "/o/o1/jira");
    const user = setupUser();
    // The switch is disabled until the integration's state has loaded: on.
    const toggle = await screen.findByRole("switch", { name: "Jira integration", checked: true });
    await waitFor(() => expect(toggle).toBeEnabled());
    await user.click(toggle);
    const dialog = await screen.findByRole("dialog", { name: "Switch the Jira integration off?" });
    expect(calls.to("PUT /api/v1/orgs/o1/integrations/jira")).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Switch off" }));
    await waitFor(() => expect(calls.to("PUT /api/v1/orgs/o1/integrations/jira")).toHaveLength(1));
  });

  it("explains the three speeds and shows a manager the connection's speed and its webhook setup", async () => {
    const calls = mockApi(
      routes("admin", {
        "GET /api/v1/jira/connections/c1/webhook": { status: 200, body: webhook },
        "POST /api/v1/jira/connections/c1/webhook/rotate": {
          status: 200,
          body: { ...webhook, url: `${webhook.url}2`, secret: "n3w" },
        },
      }),
    );
    renderRoute(appRoutes, "/o/o1/jira");
    const speeds = await screen.findByRole("region", { name: "How quickly goals follow Jira" });
    expect(within(speeds).getByText(/^Webhook: /)).toBeVisible();
    expect(within(speeds).getByText(/^Probe: /)).toBeVisible();
    expect(within(speeds).getByText(/^Hourly: /)).toBeVisible();
    const card = await screen.findByRole("article", { name: "Acme Jira" });
    expect(await within(card).findByText("Probe · about a minute")).toBeVisible();
    const user = setupUser();
    await user.click(within(card).getByRole("button", { name: "Set up a webhook" }));
    expect(within(card).getByText(webhook.url)).toBeVisible();
    expect(within(card).getByText("s3cret-value")).toBeVisible();
    expect(
      within(card).getByText("In Jira: Settings (⚙) → System → WebHooks → Create a WebHook."),
    ).toBeVisible();
    expect(within(card).getByText('project in ("AE")')).toBeVisible();
    expect(within(card).getByRole("button", { name: "Copy webhook secret" })).toBeVisible();
    await user.click(within(card).getByRole("button", { name: "New URL and secret" }));
    const dialog = await screen.findByRole("dialog", { name: "Replace the webhook's URL and secret?" });
    await user.click(within(dialog).getByRole("button", { name: "Replace" }));
    await within(card).findByText("n3w");
    expect(calls.to("POST /api/v1/jira/connections/c1/webhook/rotate")).toHaveLength(1);
  });

  it("tells a Data Center admin where its webhooks are", async () => {
    const onPremises: JiraConnection = {
      ...acme,
      baseUrl: "https://jira.acme.test",
      deployment: "dataCenter",
    };
    mockApi(
      routes("admin", {
        "GET /api/v1/orgs/o1/jira/connections": {
          status: 200,
          body: { items: [onPremises], nextCursor: null },
        },
        "GET /api/v1/jira/connections/c1/webhook": {
          status: 200,
          body: webhook,
        },
      }),
    );
    renderRoute(appRoutes, "/o/o1/jira");
    const card = await screen.findByRole("article", { name: "Acme Jira" });
    await setupUser().click(await within(card).findByRole("button", { name: "Set up a webhook" }));
    expect(
      within(card).getByText(
        "In Jira: Administration (⚙) → System → WebHooks (under Advanced) → Create a WebHook.",
      ),
    ).toBeVisible();
  });

  it("says Off on the switch while off, and that syncs are paused rather than when the next one is", async () => {
    const healthy: JiraConnection = {
      ...acme,
      sync: {
        lastSyncedAt: "2026-11-23T10:00:00Z",
        nextDueAt: "2099-01-01T00:00:00Z",
        broken: false,
        error: null,
      },
    };
    mockApi(
      routes("admin", {
        "GET /api/v1/orgs/o1/integrations/jira": { status: 200, body: { enabled: false } },
        "GET /api/v1/orgs/o1/jira/connections": { status: 200, body: { items: [healthy], nextCursor: null } },
      }),
    );
    renderRoute(appRoutes, "/o/o1/jira");
    const card = await screen.findByRole("article", { name: "Acme Jira" });
    await waitFor(() => expect(card).toHaveTextContent(/syncs paused \(the Jira integration is off\)/));
    expect(within(card).queryByText(/· next/)).toBeNull();
    const toggle = screen.getByRole("switch", { name: "Jira integration" }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(screen.getByText("Off")).toBeVisible();
    expect(screen.queryByText("Enabled")).toBeNull();
  });

  it("shows members the state of the integration without the switch", async () => {
    mockApi(routes("member"));
    renderRoute(appRoutes, "/o/o1/jira");
    expect(await screen.findByText("Connections you can use")).toBeVisible();
    expect(screen.queryByLabelText("Enabled")).toBeNull();
  });

  it("creates a Data Center connection with a personal access token only", async () => {
    const calls = mockApi(
      routes("admin", {
        "POST /api/v1/orgs/o1/jira/connections": (body) => ({
          status: 201,
          body: { ...acme, id: "c2", ...(body as object), email: "", deployment: "dataCenter" },
        }),
      }),
    );
    renderRoute(appRoutes, "/o/o1/jira");
    const kinds = await screen.findByRole("region", { name: "Jira Cloud and Jira Data Center" });
    expect(within(kinds).getByText(/personal access token/)).toBeVisible();
    const user = setupUser();
    await user.click(screen.getByRole("button", { name: "New connection" }));
    const dialog = await screen.findByRole("dialog", { name: "New Jira connection" });
    await user.click(within(dialog).getByText("Jira Data Center / Server"));
    expect(within(dialog).queryByLabelText("Jira account email")).toBeNull();
    expect(within(dialog).queryByLabelText("Jira API token")).toBeNull();
    await user.type(within(dialog).getByLabelText("Connection name"), "Acme DC");
    await user.type(within(dialog).getByLabelText("Jira site address"), "https://jira.acme.test");
    await user.click(within(dialog).getByRole("button", { name: "Test and save connection" }));
    expect(await within(dialog).findByText("Paste a personal access token")).toBeVisible();
    await user.type(within(dialog).getByLabelText("Personal access token"), "pat-123");
    await user.click(within(dialog).getByRole("button", { name: "Test and save connection" }));
    await waitFor(() => expect(calls.to("POST /api/v1/orgs/o1/jira/connections")).toHaveLength(1));
    const body = calls.bodies("POST /api/v1/orgs/o1/jira/connections")[0];
    expect(body).toEqual({
      name: "Acme DC",
      baseUrl: "https://jira.acme.test",
      deployment: "dataCenter",
      personalAccessToken: "pat-123",
      sharing: { kind: "org" },
    });
  });

  it("says under the kind of Jira when the site is the other kind, keeping what was typed", async () => {
    const message =
      "This site is Jira Data Center / Server, but the connection is set up for Jira Cloud. Choose Data Center and paste a personal access token (Jira profile → Personal Access Tokens) instead of an e-mail and API token.";
    mockApi(
      routes("admin", {
        "POST /api/v1/orgs/o1/jira/connections": {
          status: 400,
          body: {
            error: {
              code: "validation_failed",
              message,
              details: { fields: { deployment: message }, detectedDeployment: "dataCenter" },
            },
          },
        },
      }),
    );
    renderRoute(appRoutes, "/o/o1/jira");
    const user = setupUser();
    await user.click(await screen.findByRole("button", { name: "New connection" }));
    const dialog = await screen.findByRole("dialog", { name: "New Jira connection" });
    await user.type(within(dialog).getByLabelText("Connection name"), "Acme");
    await user.type(within(dialog).getByLabelText("Jira site address"), "https://jira.acme.test");
    await user.type(within(dialog).getByLabelText("Jira account email"), "ada@acme.test");
    await user.type(within(dialog).getByLabelText("Jira API token"), "pat-123");
    await user.click(within(dialog).getByRole("button", { name: "Test and save connection" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(message);
    expect(within(dialog).getByLabelText("Jira site address")).toHaveValue("https://jira.acme.test");
    // Choosing the other kind clears the message.
    await user.click(within(dialog).getByText("Jira Data Center / Server"));
    await waitFor(() => expect(within(dialog).queryByRole("alert")).toBeNull());
  });

  it("rotates a Data Center connection's PAT, shows its kind and what a test found", async () => {
    const dc: JiraConnection = {
      ...acme,
      deployment: "dataCenter",
      email: "",
      baseUrl: "https://jira.acme.test",
    };
    const calls = mockApi(
      routes("admin", {
        "GET /api/v1/orgs/o1/jira/connections": { status: 200, body: { items: [dc], nextCursor: null } },
        "PATCH /api/v1/jira/connections/c1": (body) => ({
          status: 200,
          body: { ...dc, ...(body as object) },
        }),
        "POST /api/v1/jira/connections/c1/test": {
          status: 200,
          body: {
            ok: true,
            account: { accountId: "a1", displayName: "Ada" },
            serverTitle: "Acme",
            deployment: "dataCenter",
          },
        },
      }),
    );
    renderRoute(appRoutes, "/o/o1/jira");
    const card = await screen.findByRole("article", { name: "Acme Jira" });
    expect(within(card).getByText(/Jira Data Center \/ Server/)).toBeVisible();
    const user = setupUser();
    await user.click(within(card).getByRole("button", { name: "Test Acme Jira" }));
    expect(await screen.findByText(/The site is Jira Data Center \/ Server\./)).toBeVisible();
    await user.click(within(card).getByRole("button", { name: "Edit Acme Jira" }));
    await user.type(await screen.findByLabelText("Personal access token"), "new-pat");
    await user.click(screen.getByRole("button", { name: "Test and save changes" }));
    await waitFor(() => expect(calls.to("PATCH /api/v1/jira/connections/c1")).toHaveLength(1));
    const body = calls.bodies("PATCH /api/v1/jira/connections/c1")[0];
    expect(body).toEqual({
      name: "Acme Jira",
      baseUrl: "https://jira.acme.test",
      personalAccessToken: "new-pat",
      sharing: { kind: "members", userIds: ["u2"] },
    });
  });
});
