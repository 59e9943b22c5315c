import { notifications } from "@mantine/notifications";
import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import { server } from "./api-server";
import { installBrowserShims } from "./browser-shims";

// Tests wait on state (findBy…, waitFor), never on a clock: this is only the bound on how long a state may
// take to appear on a loaded machine. A passing test never waits for it.
configure({ asyncUtilTimeout: 20_000, defaultHidden: true });

installBrowserShims();

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  // Mantine keeps shown notifications in a module-level store: one left by a test would show (role="alert")
  // in the next file's first render, since the files share their modules.
  notifications.clean();
  notifications.cleanQueue();
  server.resetHandlers();
  server.events.removeAllListeners();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  window.localStorage.clear();
  window.sessionStorage.clear();
  installBrowserShims();
});
afterAll(() => server.close());
