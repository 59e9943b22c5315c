import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Permission, Portfolio, PortfolioAction } from "../api/portfolio-types";
import { mockApi } from "../testing/api-server";
import { renderRoute, setupUser } from "../testing/render-route";
import { PortfolioLayout } from "./portfolio-layout";
import { PortfolioSettingsPage } from "./portfolio-settings-page";

const routes = [
  {
    path: "/portfolios/:portfolioId",
    element: <PortfolioLayout />,
    children: [{ path: "settings/:tab", element: <PortfolioSettingsPage /> }],
  },
];

const ACTIONS: PortfolioAction[] = [
  "portfolio.read",
  "portfolio.edit",
  "members.manage",
  "initiatives.edit",
  "jira.configure",
  "jira.projects.link",
  "jira.epics.link",
  "jira.refresh",
];

function portfolio(
  allowed: (action: PortfolioAction) => Permission,
  over: Partial<Portfolio> = {},
): Portfolio {
  return {
    id: "p1",
    orgId: "o1",
    name: "Growth",
    description: "",
    createdBy: "u1",
    myRole: "viewer",
    external: false,
    permissions: Object.fromEntries(ACTIONS.map((a) => [a, allowed(a)])) as Record<
      PortfolioAction,
      Permission
    >,
    jiraConfigured: false,
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
    ...over,
  };
}

describe("Portfolio Settings → Integrations → Jira", () => {
  it("shows a viewer the wizard button disabled, with the server's reason", async () => {
    const reason = "Only Portfolio Managers can configure the Jira integration.";
    mockApi({
      "GET /api/v1/portfolios/p1": {
        status: 200,
        body: portfolio((a) =>
          a === "portfolio.read" ? { allowed: true, reason: null } : { allowed: false, reason },
        ),
      },
    });
    renderRoute(routes, "/portfolios/p1/settings/integrations");
    const button = await screen.findByRole("button", { name: "Configure Jira Integration" });
    expect(button.hasAttribute("disabled")).toBe(true);
    // The reason is in the page for screen readers, and shows in a tooltip on hover.
    expect(button.parentElement?.textContent).toContain(reason);
    await setupUser().hover(button.parentElement ?? button);
    await waitFor(() => expect(document.querySelector(".mantine-Tooltip-tooltip")?.textContent).toBe(reason));
  });

  it("checks the credentials with Jira before moving on and shows Jira's own message", async () => {
    mockApi({
      "GET /api/v1/portfolios/p1": {
        status: 200,
        body: portfolio(() => ({ allowed: true, reason: null }), { myRole: "manager" }),
      },
      "POST /api/v1/portfolios/p1/jira/check": {
        status: 422,
        body: {
          error: {
            code: "jira_rejected",
            message: "Jira refused the e-mail and API token.",
            details: { jira: ["Client must be authenticated to access this resource."] },
          },
        },
      },
    });
    renderRoute(routes, "/portfolios/p1/settings/integrations");
    const user = setupUser();
    await user.click(await screen.findByRole("button", { name: "Configure Jira Integration" }));
    await user.click(await screen.findByRole("button", { name: "Next" }));
    await user.type(screen.getByLabelText("Jira Environment URL"), "https://acme.atlassian.net");
    await user.type(screen.getByLabelText("Jira account email"), "ada@acme.test");
    await user.type(screen.getByLabelText("Jira API token"), "nope");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(
      await screen.findByText("Jira: Client must be authenticated to access this resource."),
    ).toBeVisible();
    expect(screen.getByLabelText("Jira Environment URL")).toBeVisible();
  });

  it("connects a Data Center site with a personal access token, no e-mail", async () => {
    const checked: unknown[] = [];
    mockApi({
      "GET /api/v1/portfolios/p1": {
        status: 200,
        body: portfolio(() => ({ allowed: true, reason: null }), { myRole: "manager" }),
      },
      "POST /api/v1/portfolios/p1/jira/check": (body) => {
        checked.push(body);
        return {
          status: 200,
          body: {
            account: { accountId: "ada", displayName: "Ada Admin" },
            serverTitle: "Acme Jira",
            deployment: "dataCenter",
            projects: [{ id: "1", key: "AE", name: "Acme Engagement" }],
          },
        };
      },
    });
    renderRoute(routes, "/portfolios/p1/settings/integrations");
    const user = setupUser();
    await user.click(await screen.findByRole("button", { name: "Configure Jira Integration" }));
    await user.click(await screen.findByRole("button", { name: "Next" }));
    await user.type(screen.getByLabelText("Jira Environment URL"), "https://jira.acme.internal");
    await user.click(screen.getByText("Jira Data Center / Server"));
    expect(screen.queryByLabelText("Jira account email")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("Paste a personal access token")).toBeVisible();
    expect(checked).toEqual([]);
    await user.type(screen.getByLabelText("Personal access token"), "pat-123");
    await user.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() =>
      expect(checked).toEqual([
        { baseUrl: "https://jira.acme.internal", deployment: "dataCenter", personalAccessToken: "pat-123" },
      ]),
    );
  });
});

describe("Portfolio Settings → Jira wizard with an organisation connection", () => {
  it("offers the connections the manager may use and saves the one picked, without credentials", async () => {
    const saved: unknown[] = [];
    const checked: unknown[] = [];
    mockApi({
      "GET /api/v1/portfolios/p1": {
        status: 200,
        body: portfolio(() => ({ allowed: true, reason: null }), { myRole: "manager" }),
      },
      "GET /api/v1/orgs/o1/jira/connections": {
        status: 200,
        body: {
          items: [
            {
              id: "c1",
              orgId: "o1",
              name: "Acme Jira",
              baseUrl: "https://acme.atlassian.net",
              email: "jira@acme.test",
              sharing: { kind: "org" },
              createdBy: "u2",
              account: { accountId: "a1", displayName: "Jira Bot" },
              serverTitle: "Acme",
              canManage: false,
              createdAt: "2026-11-01T00:00:00.000Z",
              updatedAt: "2026-11-01T00:00:00.000Z",
            },
          ],
          nextCursor: null,
        },
      },
      "POST /api/v1/portfolios/p1/jira/check": (body) => {
        checked.push(body);
        return {
          status: 200,
          body: {
            account: { accountId: "a1", displayName: "Jira Bot" },
            serverTitle: "Acme",
            projects: [{ id: "1", key: "AE", name: "Acme Engagement" }],
          },
        };
      },
      "PUT /api/v1/portfolios/p1/jira": (body) => {
        saved.push(body);
        return { status: 200, body: {} };
      },
    });
    renderRoute(routes, "/portfolios/p1/settings/integrations");
    const user = setupUser();
    await user.click(await screen.findByRole("button", { name: "Configure Jira Integration" }));
    await user.click(await screen.findByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("radio", { name: "An organisation connection" }));
    expect(screen.queryByLabelText("Jira API token")).toBeNull();
    await user.selectOptions(
      await screen.findByLabelText("Organisation connection"),
      "Acme Jira — https://acme.atlassian.net",
    );
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText(/Select the projects to link/)).toBeVisible();
    expect(checked).toEqual([{ connectionId: "c1" }]);
    await user.click(screen.getByRole("checkbox", { name: "Acme Engagement (AE)" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText(/Acme Jira — https:\/\/acme.atlassian.net/)).toBeVisible();
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(saved).toEqual([{ connectionId: "c1", projectKeys: ["AE"] }]));
  });
});

describe("Portfolio Settings → editing a configuration on an organisation connection", () => {
  it("says which connection it reads through, and needs a token to move to the portfolio's own", async () => {
    const saved: unknown[] = [];
    mockApi({
      "GET /api/v1/portfolios/p1": {
        status: 200,
        body: portfolio(() => ({ allowed: true, reason: null }), { myRole: "manager", jiraConfigured: true }),
      },
      "GET /api/v1/portfolios/p1/jira": {
        status: 200,
        body: {
          portfolioId: "p1",
          connection: { id: "c1", name: "Acme Jira", kind: "organisation" },
          baseUrl: "https://acme.atlassian.net",
          email: "jira@acme.test",
          account: { accountId: "a1", displayName: "Jira Bot" },
          configuredBy: { id: "u1", name: "Ada" },
          configuredAt: "2026-11-01T00:00:00.000Z",
          updatedAt: "2026-11-01T00:00:00.000Z",
          lastSyncAt: null,
          nextSyncAt: null,
          health: "healthy",
          error: null,
          projectCount: 0,
          inaccessibleProjectKeys: [],
        },
      },
      "GET /api/v1/portfolios/p1/jira/projects": { status: 200, body: { items: [] } },
      "GET /api/v1/orgs/o1/jira/connections": { status: 200, body: { items: [], nextCursor: null } },
      "PUT /api/v1/portfolios/p1/jira": (body) => {
        saved.push(body);
        return { status: 200, body: { inaccessibleProjectKeys: [] } };
      },
    });
    renderRoute(routes, "/portfolios/p1/settings/integrations");
    expect(await screen.findByText("Acme Jira (organisation connection)")).toBeVisible();
    const user = setupUser();
    await user.click(screen.getByRole("button", { name: "Edit Configuration" }));
    await user.click(await screen.findByRole("radio", { name: "This portfolio's own connection" }));
    expect(screen.getByLabelText("Jira API token")).toHaveValue("");
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Enter the API token")).toBeVisible();
    expect(saved).toEqual([]);
    await user.type(screen.getByLabelText("Jira API token"), "new-token");
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(saved).toEqual([
        {
          baseUrl: "https://acme.atlassian.net",
          deployment: "cloud",
          email: "jira@acme.test",
          apiToken: "new-token",
        },
      ]),
    );
  });
});

describe("Portfolio pages", () => {
  it("link back to Portfolios as a styled link, and a disabled button says why without hovering", async () => {
    const reason = "Only Portfolio Managers can configure the Jira integration.";
    mockApi({
      "GET /api/v1/portfolios/p1": {
        status: 200,
        body: portfolio((a) =>
          a === "portfolio.read" ? { allowed: true, reason: null } : { allowed: false, reason },
        ),
      },
    });
    renderRoute(routes, "/portfolios/p1/settings/integrations");
    const back = await screen.findByRole("link", { name: "← Portfolios" });
    expect(back.className).toContain("mantine-Anchor-root");
    const button = await screen.findByRole("button", { name: "Configure Jira Integration" });
    expect(button.parentElement?.getAttribute("title")).toBe(reason);
    expect(button.parentElement?.textContent).toContain(reason);
  });
});
