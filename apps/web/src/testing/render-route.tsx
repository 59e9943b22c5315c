import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import type { ReactNode } from "react";
import { createMemoryRouter, type RouteObject, RouterProvider } from "react-router";
import { vi } from "vitest";
import { createQueryClient } from "../query-client";
import { theme } from "../theme";
import type { MockResponse, MockRoutes } from "./api-server";

export { installBrowserShims } from "./browser-shims";

/**
 * A user for Testing Library interactions that types and clicks without pausing between events (tests wait
 * on state, findBy… and waitFor, never on a clock) and without checking `pointer-events` on every element
 * up the tree before each click (a computed style per ancestor; the tests load no CSS, so it never blocks).
 */
export function setupUser() {
  return userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
}

/**
 * The app's Mantine provider in its test environment: no transitions (a menu or modal is there on the next
 * render instead of after its animation) and no portals.
 */
export function TestMantine({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} env="test">
      {children}
    </MantineProvider>
  );
}

/** Renders `ui` inside the test Mantine provider; returns the view and a {@link setupUser} user. */
export function renderWithMantine(ui: ReactNode) {
  return { ...render(<TestMantine>{ui}</TestMantine>), user: setupUser() };
}

/** Renders `routes` in a memory router at `path`, inside the app's providers; returns a {@link setupUser} user too. */
export function renderRoute(routes: RouteObject[], path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  const view = render(
    <TestMantine>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </TestMantine>,
  );
  return { ...view, router, queryClient, user: setupUser() };
}

/**
 * @deprecated The former hand-written fetch stub, kept only until the key-result/objective tests move to
 * {@link import("./api-server").mockApi} (msw). Replaces `fetch`; unknown routes answer 404. Returns the spy.
 */
export function mockApi(routes: MockRoutes) {
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const key = `${init?.method ?? "GET"} ${url.pathname}`;
    const route = routes[key];
    const body: unknown = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const response: MockResponse | undefined = typeof route === "function" ? route(body, url) : route;
    if (!response)
      return new Response(JSON.stringify({ error: { code: "not_found", message: key } }), { status: 404 });
    return new Response(response.body === undefined ? null : JSON.stringify(response.body), {
      status: response.status,
    });
  });
  vi.stubGlobal("fetch", spy);
  return spy;
}

export type { MockResponse, MockRoutes };
