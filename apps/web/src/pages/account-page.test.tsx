import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appRoutes } from "../router";
import { mockApi } from "../testing/api-server";
import { buildMe, page } from "../testing/builders";
import { renderRoute } from "../testing/render-route";

describe("AccountPage", () => {
  it("is reached from the user menu and changes the name, the password, and signs out everywhere", async () => {
    const calls = mockApi({
      "GET /api/v1/me": { status: 200, body: buildMe() },
      "GET /api/v1/orgs/o1/members": { status: 200, body: page([]) },
      "GET /api/v1/orgs/o1/periods": { status: 200, body: page([]) },
      "POST /api/auth/update-user": { status: 200, body: { status: true } },
      "POST /api/auth/change-password": { status: 200, body: { token: null } },
      "POST /api/auth/revoke-sessions": { status: 200, body: { status: true } },
    });
    const { user } = renderRoute(appRoutes, "/o/o1/goals");
    await user.click(await screen.findByRole("button", { name: "User menu" }));
    await user.click(await screen.findByRole("menuitem", { name: /Account/ }));
    expect((await screen.findByRole("heading", { name: "Account" })).tagName).toMatch(/^H[1-3]$/);
    expect(screen.getByLabelText("Name")).toHaveProperty("value", "Dana Demo");

    await user.clear(screen.getByLabelText("Name"));
    await user.type(screen.getByLabelText("Name"), "Dana Lovelace");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    await waitFor(() =>
      expect(calls.bodies("POST /api/auth/update-user")).toEqual([{ name: "Dana Lovelace" }]),
    );

    await user.type(screen.getByLabelText("Current password"), "old password");
    await user.type(screen.getByLabelText("New password"), "a new passphrase");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() =>
      expect(calls.bodies("POST /api/auth/change-password")).toEqual([
        { currentPassword: "old password", newPassword: "a new passphrase", revokeOtherSessions: true },
      ]),
    );

    await user.click(screen.getByRole("button", { name: "Sign out everywhere" }));
    await waitFor(() => expect(calls.bodies("POST /api/auth/revoke-sessions")).toHaveLength(1));
  });
});
