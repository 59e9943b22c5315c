import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../testing/api-server";
import { renderRoute, setupUser } from "../testing/render-route";
import { SignInPage } from "./sign-in-page";

const routes = [
  { path: "/signin", element: <SignInPage /> },
  { path: "/o/:orgId/goals", element: <p>Goals page</p> },
];

describe("SignInPage", () => {
  it("shows better-auth's error and stays on the page", async () => {
    mockApi({
      "POST /api/auth/sign-in/email": {
        status: 401,
        body: { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" },
      },
    });
    const { router } = renderRoute(routes, "/signin?next=%2Fo%2Fo1%2Fgoals");
    const user = setupUser();
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "nope nope");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveProperty("textContent", "Invalid email or password");
    expect(router.state.location.pathname).toBe("/signin");
  });

  it("shows the rate-limit message on 429", async () => {
    mockApi({ "POST /api/auth/sign-in/email": { status: 429, body: { message: "Too many requests" } } });
    renderRoute(routes, "/signin");
    const user = setupUser();
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "whatever1");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Too many attempts, try again in a minute.");
  });

  it("validates before calling the API", async () => {
    const calls = mockApi({});
    renderRoute(routes, "/signin");
    await setupUser().click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByText("Enter your email address")).toBeVisible();
    expect(screen.getByText("Enter your password")).toBeVisible();
    expect(calls.all).toEqual([]);
  });

  it("returns to ?next after signing in", async () => {
    const calls = mockApi({ "POST /api/auth/sign-in/email": { status: 200, body: { redirect: false } } });
    const { router } = renderRoute(routes, "/signin?next=%2Fo%2Fo1%2Fgoals");
    const user = setupUser();
    await user.type(screen.getByLabelText("Email"), " ada@example.com ");
    await user.type(screen.getByLabelText("Password"), "correct horse");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/o/o1/goals"));
    expect(calls.bodies("POST /api/auth/sign-in/email")).toEqual([
      { email: "ada@example.com", password: "correct horse" },
    ]);
  });
});
