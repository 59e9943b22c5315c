// @vitest-environment jsdom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderRoute } from "../testing/render-route";
import { SignInPage } from "./sign-in-page";

const routes = [
  { path: "/signin", element: <SignInPage /> },
  { path: "/o/:orgId/goals", element: <p>Goals page</p> },
];

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SignInPage", () => {
  it("shows better-auth's error and stays on the page", async () => {
    mockApi({
      "POST /api/auth/sign-in/email": {
        status: 401,
        body: { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" },
      },
    });
    const { router } = renderRoute(routes, "/signin?next=%2Fo%2Fo1%2Fgoals");
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "nope nope");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", "Invalid email or password");
    expect(router.state.location.pathname).toBe("/signin");
  });

  it("shows the rate-limit message on 429", async () => {
    mockApi({ "POST /api/auth/sign-in/email": { status: 429, body: { message: "Too many requests" } } });
    renderRoute(routes, "/signin");
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "whatever1");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Too many attempts, try again in a minute.");
  });

  it("validates before calling the API", async () => {
    const fetchSpy = mockApi({});
    renderRoute(routes, "/signin");
    await userEvent.setup().click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter your email address")).toBeTruthy();
    expect(screen.getByText("Enter your password")).toBeTruthy();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("returns to ?next after signing in", async () => {
    const fetchSpy = mockApi({ "POST /api/auth/sign-in/email": { status: 200, body: { redirect: false } } });
    const { router } = renderRoute(routes, "/signin?next=%2Fo%2Fo1%2Fgoals");
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email"), " ada@example.com ");
    await user.type(screen.getByLabelText("Password"), "correct horse");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/o/o1/goals"));
    const init = fetchSpy.mock.calls[0]?.[1];
    expect(JSON.parse(String(init?.body))).toEqual({ email: "ada@example.com", password: "correct horse" });
  });
});
