import { defineConfig } from "vitest/config";

/**
 * Three test tiers, each its own vitest project:
 * - unit: `*.test.ts(x)` beside the code, no I/O beyond memory;
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
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          // Web tests render whole pages in jsdom: on a loaded 2-core machine one can take tens of seconds.
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
