import type { FaultConfig, JiraEmulator } from "@goalpost/jira-emulator";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jiraSyncStates, keyResults } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import type { HttpSession } from "../testing/http-session.ts";
import { engineDeploymentPairs, type TestDeployment } from "../testing/jira-deployments.ts";
import { type JiraWorld, startJiraWorld, TEST_JIRA_USER } from "../testing/jira-world.ts";
import { insertKeyResult, insertObjective, readKeyResult } from "../testing/okr-rows.ts";
import { type TestClock, testClock } from "../testing/test-clock.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import { syncConnection } from "./sync-connection.ts";
import { listDueConnections } from "./sync-state.repo.ts";

const EPIC = '"Epic Link" = AE-786';
/** A JQL naming a custom field by its name: renaming the field in Jira makes it invalid. */
const BY_FIELD_NAME = `${EPIC} AND ("Story Points" is EMPTY OR "Story Points" >= 0)`;
const MINUTE = 60_000;

/** What a fault does to the connection's sync, by the sync engine's table (sync-outcome.ts). */
type Effect =
  /** The whole sync failed: every item stale, the connection retried with a growing backoff. */
  | "retry"
  /** Credentials refused: the connection is broken, no call until its token is saved again. */
  | "stop"
  /** Only this query failed: its items stale with Jira's message, the connection synced. */
  | "report";

interface FaultRow {
  name: string;
  effect: Effect;
  code: string;
  jql?: string;
  /** Needs a site large enough that a query reads more than one page (slower: built once, for those rows). */
  paged?: true;
  inject(jira: JiraEmulator): void;
  clear(jira: JiraEmulator): void;
}

const faults = (config: Partial<FaultConfig>) => ({
  inject: (jira: JiraEmulator) => jira.admin.setFaults(config),
  clear: (jira: JiraEmulator) => jira.admin.clearFaults(),
});

/** Renames a field of the site (as a Jira admin would). */
function renameField(jira: JiraEmulator, from: string, to: string) {
  const field = jira.admin.store.fields.find((f) => f.name === from);
  if (!field) throw new Error(`no field ${from}`);
  const renamed = field as { name: string; clauseNames: string[] };
  renamed.name = to;
  renamed.clauseNames = renamed.clauseNames.map((clause) => (clause === from ? to : clause));
}

/**
 * Each fault the emulator can inject on `dep`, and what Goalpost must make of it. Data Center sheds load with
 * 503 (not 429) and pages by `startAt` (no page token to expire).
 */
const faultsOn = (dep: TestDeployment): FaultRow[] => {
  const onSearch = (config: Partial<FaultConfig>) => faults({ ...config, pathPattern: dep.searchPath });
  const cloud = dep.deployment === "cloud";
  return [
    {
      name: cloud ? "429 with Retry-After" : "rate limit (503 with Retry-After)",
      effect: "retry",
      code: cloud ? "jira_rate_limited" : "jira_unavailable",
      ...faults({ rateLimitPerSecond: 0.0001 }),
    },
    { name: "500", effect: "retry", code: "jira_unavailable", ...onSearch({ error500Rate: 1 }) },
    {
      name: "503 with Retry-After",
      effect: "retry",
      code: "jira_unavailable",
      ...onSearch({ error503Rate: 1 }),
    },
    { name: "hang", effect: "retry", code: "jira_timeout", ...onSearch({ hangRate: 1 }) },
    { name: "connection reset", effect: "retry", code: "jira_unreachable", ...onSearch({ resetRate: 1 }) },
    {
      name: "malformed JSON",
      effect: "retry",
      code: "jira_malformed_response",
      ...onSearch({ malformedJsonRate: 1 }),
    },
    {
      name: "revoked token",
      effect: "stop",
      code: "jira_bad_credentials",
      ...faults({ revokedUsers: [TEST_JIRA_USER.email] }),
    },
    {
      name: "field renamed: the JQL turns invalid",
      effect: "report",
      code: "jira_invalid_jql",
      jql: BY_FIELD_NAME,
      inject: (jira) => renameField(jira, "Story Points", "Story Points (old)"),
      clear: (jira) => renameField(jira, "Story Points (old)", "Story Points"),
    },
    ...(cloud
      ? [
          {
            // The read starts again from the first page once; a token refused again fails the sync (retried later).
            name: "expired page token",
            effect: "retry",
            code: "jira_page_token_expired",
            jql: "project = ATL",
            paged: true,
            ...faults({ expirePageTokens: true }),
          } satisfies FaultRow,
        ]
      : []),
    {
      name: "project deleted mid-pagination",
      effect: "report",
      code: "jira_invalid_jql",
      jql: "project = ATL",
      paged: true,
      inject: (jira) => jira.admin.setFaults({ deleteProjectOnNextPage: "ATL" }),
      clear: (jira) => jira.admin.reset({ name: "demo", issues: PAGED_ISSUES }),
    },
  ];
};

/** Issues of the paged site: project ATL then needs two pages of ids (5000 each on Cloud) at a re-sync. */
const PAGED_ISSUES = 36_000;

describe.each(engineDeploymentPairs(TEST_ENGINES))(
  "Jira faults during a sync, on %s against Jira %s",
  (engine, _, dep) => {
    let world: JiraWorld;
    let jira: JiraEmulator;
    let goalpost: Goalpost;
    let admin: HttpSession;
    let clock: TestClock;
    let orgId: string;
    let connectionId: string;
    let objectiveId: string;

    const sync = () => syncConnection(goalpost.jobContext, { connectionId });
    const syncState = async () =>
      (
        await goalpost.database.db
          .select()
          .from(jiraSyncStates)
          .where(eq(jiraSyncStates.connectionId, connectionId))
      )[0];

    beforeAll(async () => {
      clock = testClock();
      world = await startJiraWorld(engine, {
        deployment: dep,
        now: clock.now,
        jira: {
          timeoutMs: 3000,
          retry: { maxAttempts: 1 },
          syncTimeoutMs: 2500,
          // Retries inside one sync stay few and never wait out a Retry-After: the connection is rescheduled.
          syncRetry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 0 },
        },
      });
      ({ jira, goalpost, connectionId } = world);
      ({ session: admin, orgId } = world.admin);
      objectiveId = await insertObjective(goalpost.database.db, { orgId });
    });
    afterAll(() => world?.close());

    // Small sites first; the two paged rows share one large site.
    const ROWS = faultsOn(dep).sort((a, b) => Number(a.paged ?? false) - Number(b.paged ?? false));

    it.each(ROWS.map((row) => [row.name, row] as const))("%s", { timeout: 120_000 }, async (_name, row) => {
      if (row.paged && jira.admin.store.issues.size < PAGED_ISSUES)
        jira.admin.reset({ name: "demo", issues: PAGED_ISSUES });
      await goalpost.database.db.delete(keyResults);
      const id = await insertKeyResult(goalpost.database.db, {
        orgId,
        objectiveId,
        measure: { kind: "percent" },
        jira: { connectionId, jql: row.jql ?? EPIC, metric: "count" },
      });
      // Whatever the previous row left, the connection is due and healthy now.
      clock.advance(24 * 60 * MINUTE);
      jira.admin.clearRequestLog();
      expect((await sync()).outcome).toBe("synced");
      const good = await readKeyResult(goalpost.database.db, id);
      expect(good.staleCode).toBeNull();
      const goodRequests = jira.admin.requestLog().length;

      // A re-sync under the fault: no crash, the last good value kept, the right stale reason.
      clock.advance(24 * 60 * MINUTE);
      row.inject(jira);
      jira.admin.clearRequestLog();
      const failed = await sync();
      const expectedOutcome = { retry: "failed", stop: "broken", report: "synced" }[row.effect];
      expect(failed, JSON.stringify(jira.admin.requestLog().slice(-3))).toMatchObject({
        outcome: expectedOutcome,
      });
      const stale = await readKeyResult(goalpost.database.db, id);
      expect(stale).toMatchObject({ value: good.value, progress: good.progress, staleCode: row.code });
      expect(stale.staleSince).toBeInstanceOf(Date);
      // No storm: one failing sync sends at most twice the requests of a good one (2 attempts per call).
      const failedRequests = jira.admin.requestLog().length;
      expect(failedRequests).toBeLessThanOrEqual(2 * Math.max(goodRequests, 1) + 2);

      // The next ten minutes, ticked as the scheduler does (once a minute): the connection is only synced
      // when its backoff has passed, so the request log shows bursts 1, 2, 4… minutes apart — or none.
      jira.admin.clearRequestLog();
      const syncedAt: number[] = [];
      for (let minute = 1; minute <= 10; minute += 1) {
        clock.advance(MINUTE);
        const due = await listDueConnections(goalpost.database.db, clock.now());
        if (!due.includes(connectionId)) continue;
        syncedAt.push(minute);
        await sync();
      }
      const state = await syncState();
      if (row.effect === "retry") {
        // Backoff doubles (1, 2, 4 minutes), or waits out Jira's Retry-After: at most 3 syncs in 10 minutes.
        expect(syncedAt.length).toBeLessThanOrEqual(3);
        const gaps = syncedAt.map((m, i) => m - (syncedAt[i - 1] ?? 0));
        for (let i = 1; i < gaps.length; i += 1) expect(gaps[i]).toBeGreaterThan(gaps[i - 1] ?? 0);
        expect(state).toMatchObject({ lastErrorCode: row.code, brokenAt: null });
        expect(state?.failureCount).toBe(1 + syncedAt.length);
        expect(state?.nextDueAt.getTime()).toBeGreaterThan(clock.now().getTime() - MINUTE);
      } else if (row.effect === "stop") {
        // Broken: not a single request until the token is saved again.
        expect(syncedAt).toEqual([]);
        expect(jira.admin.requestLog()).toHaveLength(0);
        expect(state?.brokenAt).toBeInstanceOf(Date);
      } else {
        // Only the query failed: the connection is healthy, synced again at its interval, not in a loop.
        expect(syncedAt).toEqual([]);
        expect(state).toMatchObject({ lastErrorCode: null, brokenAt: null });
      }
      expect(jira.admin.requestLog().length).toBeLessThanOrEqual(
        syncedAt.length * (2 * Math.max(goodRequests, 1) + 2),
      );
      expect(await readKeyResult(goalpost.database.db, id)).toMatchObject({
        value: good.value,
        staleCode: row.code,
      });

      // The fault clears: the next due sync recovers, the stale mark goes.
      row.clear(jira);
      if (row.effect === "stop") {
        const saved = await admin.patch(
          `/api/v1/jira/connections/${connectionId}`,
          dep.secretPatch(TEST_JIRA_USER.token),
        );
        expect(saved.statusCode).toBe(200);
      }
      clock.advance(24 * 60 * MINUTE);
      expect(await listDueConnections(goalpost.database.db, clock.now())).toContain(connectionId);
      expect((await sync()).outcome).toBe("synced");
      expect(await readKeyResult(goalpost.database.db, id)).toMatchObject({
        value: good.value,
        staleCode: null,
        staleSince: null,
      });
      expect(await syncState()).toMatchObject({ lastErrorCode: null, failureCount: 0, brokenAt: null });
    });
  },
);
