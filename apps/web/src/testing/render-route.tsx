import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import type { ReactNode } from "react";
import { createMemoryRouter, type RouteObject, RouterProvider } from "react-router";
import { TypingPauseProvider } from "../lib/typing-pause";
import { createQueryClient } from "../query-client";
import { theme } from "../theme";

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
 * render instead of after its animation), no portals, and no pause after typing before a check or search.
 */
export function TestMantine({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} env="test">
      <TypingPauseProvider ms={0}>{children}</TypingPauseProvider>
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
