import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { configure, render } from "@testing-library/react";
import { createMemoryRouter, type RouteObject, RouterProvider } from "react-router";
import { vi } from "vitest";
import { createQueryClient } from "../query-client";
import { theme } from "../theme";

// Tests wait on state (findBy…, waitFor), never on a clock: this is only the bound on how long a state may
// take to appear. Debounced checks, modals and menus take a few hundred ms on a quiet machine; a CI machine
// running other suites on 2 cores (load 20) took over 4 s for a page's first render, so the bound is generous.
// A passing test never waits for it.
configure({ asyncUtilTimeout: 20_000 });

/** A canned response for {@link mockApi}: status and JSON body. */
export interface MockResponse {
  status: number;
  body?: unknown;
}

/** Handler keyed by `"METHOD /path"` (query string ignored; a function gets the request URL). */
export type MockRoutes = Record<string, MockResponse | ((body: unknown, url: URL) => MockResponse)>;

/** Replaces `fetch` with canned API responses; unknown routes answer 404. Returns the spy. */
export function mockApi(routes: MockRoutes) {
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://localhost");
    const key = `${init?.method ?? "GET"} ${url.pathname}`;
    const route = routes[key];
    const body: unknown = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const response = typeof route === "function" ? route(body, url) : route;
    if (!response)
      return new Response(JSON.stringify({ error: { code: "not_found", message: key } }), { status: 404 });
    return new Response(response.body === undefined ? null : JSON.stringify(response.body), {
      status: response.status,
    });
  });
  vi.stubGlobal("fetch", spy);
  return spy;
}

/** jsdom lacks matchMedia, ResizeObserver and document.fonts, which Mantine uses. */
export function installBrowserShims(): void {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!("ResizeObserver" in window)) {
    class NoopResizeObserver {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    vi.stubGlobal("ResizeObserver", NoopResizeObserver);
  }
  if (!("fonts" in document)) {
    // Textarea's autosize listens for web fonts loading.
    Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });
  }
}

/** Renders `routes` in a memory router at `path`, inside the app's providers. */
export function renderRoute(routes: RouteObject[], path: string) {
  installBrowserShims();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  const view = render(
    <MantineProvider theme={theme}>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, router, queryClient };
}
