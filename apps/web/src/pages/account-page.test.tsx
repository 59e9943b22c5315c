// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../api/types";
import { appRoutes } from "../router";
import { mockApi, renderRoute } from "../testing/render-route";

const me: Me = {
  user: { id: "u1", name: "Dana Demo", email: "d@acme.test" },
  orgs: [{ id: "o1", name: "Acme", role: "member" }],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function calls(spy: ReturnType<typeof mockApi>, key: string) {
  return spy.mock.calls
    .filter(([url, init]) => `${init?.method ?? "GET"} ${new URL(String(url), "http://x").pathname}` === key)
    .map(([, init]) => JSON.parse(String(init?.body ?? "null")));
}

describe("AccountPage", () => {
  it("is reached from the user menu and changes the name, the password, and signs out everywhere", async () => {
    const spy = mockApi({
      "GET /api/v1/me": { status: 200, body: me },
      "GET /api/v1/orgs/o1/members": { status: 200, body: { items: [], nextCursor: null } },
      "GET /api/v1/orgs/o1/periods": { status: 200, body: { items: [], nextCursor: null } },
      "POST /api/auth/update-user": { status: 200, body: { status: true } },
      "POST /api/auth/change-password": { status: 200, body: { token: null } },
      "POST /api/auth/revoke-sessions": { status: 200, body: { status: true } },
    });
    renderRoute(appRoutes, "/o/o1/goals");
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "User menu" }));
    await user.click(await screen.findByRole("menuitem", { name: /Account/ }));
    expect(await screen.findByRole("heading", { name: "Account" })).toBeTruthy();

    await user.clear(screen.getByLabelText("Name"));
    await user.type(screen.getByLabelText("Name"), "Dana Lovelace");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    await waitFor(() =>
      expect(calls(spy, "POST /api/auth/update-user")).toEqual([{ name: "Dana Lovelace" }]),
    );

    await user.type(screen.getByLabelText("Current password"), "old password");
    await user.type(screen.getByLabelText("New password"), "a new passphrase");
    await user.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() =>
      expect(calls(spy, "POST /api/auth/change-password")).toEqual([
        { currentPassword: "old password", newPassword: "a new passphrase", revokeOtherSessions: true },
      ]),
    );

    await user.click(screen.getByRole("button", { name: "Sign out everywhere" }));
    await waitFor(() => expect(calls(spy, "POST /api/auth/revoke-sessions")).toHaveLength(1));
  });
});
