import { defineConfig } from "vitest/config";

/**
 * Three test tiers, each its own vitest project:
 * - unit: `*.test.ts(x)` beside the code, no I/O beyond memory; the web app's run as their own project,
 *   `unit-web` (`npm run test:unit` runs both);
 * - int: `*.int.test.ts` against the real database (PGlite, or PostgreSQL via TEST_DATABASE_URL) and the Jira emulator;
 * - e2e: browser journeys in `e2e/` (playwright-core driving Debian's chromium).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["{packages,apps}/*/src/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**", "apps/web/**"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "unit-web",
          include: ["apps/web/src/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
          // msw's mock network, cleanup, DOM shims; every file starts from reset handlers and globals.
          setupFiles: ["apps/web/src/testing/setup.ts"],
          // The files share one module graph per worker (React, Mantine, the router import once, not per
          // file): they keep no module state between them (the setup resets handlers, globals and storage).
          isolate: false,
          css: false,
          // A bound for a loaded 2-core machine, never waited for by a passing test.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "int",
          include: ["{packages,apps}/*/src/**/*.int.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
