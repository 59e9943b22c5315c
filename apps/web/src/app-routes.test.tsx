import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Me } from "./api/types";
import { appRoutes } from "./router";
import { mockApi } from "./testing/api-server";
import { renderRoute, setupUser } from "./testing/render-route";

const admin: Me = {
  user: { id: "u1", name: "Ada Lovelace", email: "ada@example.com" },
  orgs: [
    { id: "o1", name: "Acme", role: "admin" },
    { id: "o2", name: "Globex", role: "member" },
  ],
};
const members = {
  items: [
    {
      userId: "u1",
      name: "Ada Lovelace",
      email: "ada@example.com",
      role: "admin",
      joinedAt: "2026-01-05T10:00:00Z",
    },
    {
      userId: "u2",
      name: "Grace Hopper",
      email: "grace@example.com",
      role: "member",
      joinedAt: "2026-02-01T10:00:00Z",
    },
  ],
  nextCursor: null,
};
const unauthenticated = { status: 401, body: { error: { code: "unauthenticated", message: "Sign in." } } };

describe("app routes", () => {
  it("sends signed-out visitors to sign-in with the page to return to", async () => {
    mockApi({ "GET /api/v1/me": unauthenticated });
    const { router } = renderRoute(appRoutes, "/o/o1/portfolios");
    await waitFor(() => expect(router.state.location.pathname).toBe("/signin"));
    expect(router.state.location.search).toBe("?next=%2Fo%2Fo1%2Fportfolios");
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeVisible();
  });

  it("redirects / to the first organisation's goals, with an empty state", async () => {
    mockApi({
      "GET /api/v1/me": { status: 200, body: admin },
      "GET /api/v1/orgs/o1/periods": { status: 200, body: { items: [], nextCursor: null } },
      "GET /api/v1/orgs/o1/members": { status: 200, body: members },
    });
    const { router } = renderRoute(appRoutes, "/");
    await waitFor(() => expect(router.state.location.pathname).toBe("/o/o1/goals"));
    expect(await screen.findByText("No goals yet")).toBeVisible();
    expect(screen.getByText(/progress comes straight from Jira/)).toBeVisible();
  });

  it("shows a 403 message to members on the admin page and hides the Admin link", async () => {
    mockApi({ "GET /api/v1/me": { status: 200, body: admin } });
    renderRoute(appRoutes, "/o/o2/admin/members");
    expect(await screen.findByText("403 — Admins only")).toBeVisible();
    expect(screen.queryByRole("link", { name: /Admin/ })).toBeNull();
    expect(screen.getByRole("link", { name: "Goals" }).getAttribute("href")).toBe("/o/o2/goals");
  });

  it("lists members for admins and reports last_admin conflicts", async () => {
    mockApi({
      "GET /api/v1/me": { status: 200, body: admin },
      "GET /api/v1/orgs/o1/members": { status: 200, body: members },
      "GET /api/v1/orgs/o1/invites": { status: 200, body: { items: [], nextCursor: null } },
      "PATCH /api/v1/orgs/o1/members/u1": {
        status: 409,
        body: { error: { code: "last_admin", message: "An organisation needs at least one admin." } },
      },
    });
    renderRoute(appRoutes, "/o/o1/admin/members");
    const row = (await screen.findByText("grace@example.com")).closest("tr");
    expect(row && within(row).getByText("Grace Hopper")).toBeVisible();
    expect(screen.getByText(/No pending invites/)).toBeVisible();
    await setupUser().selectOptions(screen.getByLabelText("Role of Ada Lovelace"), "member");
    expect(await screen.findByText("An organisation needs at least one admin.")).toBeVisible();
  });

  it("joins an organisation from an invite without asking for an organisation name", async () => {
    const calls = mockApi({
      "GET /api/v1/invites/tok1": {
        status: 200,
        body: { orgName: "Acme", role: "member", expiresAt: "2026-12-01T00:00:00Z" },
      },
      "POST /api/v1/signup": { status: 201, body: { user: admin.user, orgId: "o1" } },
      "GET /api/v1/me": { status: 200, body: admin },
    });
    const { router } = renderRoute(appRoutes, "/signup?invite=tok1");
    expect(await screen.findByText(/You're joining/)).toBeVisible();
    expect(screen.queryByLabelText("Organisation name")).toBeNull();
    const user = setupUser();
    await user.type(screen.getByLabelText("Name"), "Ada Lovelace");
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "correct horse");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/o/o1/goals"));
    expect(calls.bodies("POST /api/v1/signup")).toEqual([
      {
        name: "Ada Lovelace",
        email: "ada@example.com",
        password: "correct horse",
        inviteToken: "tok1",
      },
    ]);
  });

  it("shows a created API token once", async () => {
    mockApi({
      "GET /api/v1/me": { status: 200, body: admin },
      "GET /api/v1/me/tokens": { status: 200, body: { items: [], nextCursor: null } },
      "POST /api/v1/me/tokens": {
        status: 201,
        body: { id: "t1", name: "CI", token: "gp_secret", createdAt: "2026-11-23T10:00:00Z" },
      },
    });
    renderRoute(appRoutes, "/settings/tokens");
    expect(await screen.findByText("No tokens yet")).toBeVisible();
    const user = setupUser();
    await user.type(screen.getByLabelText("Token name"), "CI");
    await user.click(screen.getByRole("button", { name: "Create token" }));
    expect(((await screen.findByLabelText("Token")) as HTMLInputElement).value).toBe("gp_secret");
    await user.click(screen.getByRole("button", { name: "I've copied it" }));
    expect(screen.queryByDisplayValue("gp_secret")).toBeNull();
  });

  it("renders a 404 page for unknown routes", async () => {
    mockApi({});
    renderRoute(appRoutes, "/no/such/page");
    expect(await screen.findByText("Page not found")).toBeVisible();
  });
});
