import type { Measure, Metric } from "@goalpost/domain";
import type { JiraEmulator, RequestLogEntry, StoredIssue } from "@goalpost/jira-emulator";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkIns, jiraSyncStates, keyResults, objectives } from "../db/schema/index.ts";
import type { Goalpost } from "../start-goalpost.ts";
import type { HttpSession } from "../testing/http-session.ts";
import { engineDeploymentPairs } from "../testing/jira-deployments.ts";
import { type JiraWorld, startJiraWorld, TEST_JIRA_USER } from "../testing/jira-world.ts";
import { jiraEditor } from "../testing/jira-writes.ts";
import { insertKeyResult, insertObjective, readCheckIns, readKeyResult } from "../testing/okr-rows.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import { refreshMeasuredItem } from "./refresh-measured-item.ts";
import { syncConnection } from "./sync-connection.ts";

const { email: EMAIL, token: TOKEN } = TEST_JIRA_USER;
const EPIC = '"Epic Link" = AE-786';
const HOURS = 3600;

describe.each(engineDeploymentPairs(TEST_ENGINES))(
  "the sync engine on %s against Jira %s",
  (engine, _name, dep) => {
    let world: JiraWorld;
    let jira: JiraEmulator;
    let goalpost: Goalpost;
    let orgId: string;
    let connectionId: string;
    let objectiveId: string;
    let adaAccountId: string;
    let admin: HttpSession;

    const sync = (jql?: string) =>
      syncConnection(goalpost.jobContext, { connectionId, ...(jql ? { jql } : {}) });
    const kr = (measure: Measure, metric: Metric, jql = EPIC) =>
      insertKeyResult(goalpost.database.db, {
        orgId,
        objectiveId,
        measure,
        jira: { connectionId, jql, metric },
      });
    const row = (id: string) => readKeyResult(goalpost.database.db, id);
    /** Every request the emulator saw before its log was last cleared (the never-writes check reads it all). */
    const archived: RequestLogEntry[] = [];
    const clearLog = () => {
      archived.push(...jira.admin.requestLog());
      jira.admin.clearRequestLog();
    };
    /** Goalpost's own requests to Jira since the log was last cleared. */
    const goalpostRequests = () =>
      jira.admin.requestLog().filter((entry) => entry.accountId === adaAccountId);
    const epicStories = (): StoredIssue[] =>
      [...jira.admin.store.issues.values()].filter((issue) => issue.fields.customfield_10014 === "AE-786");
    const sum = (issues: StoredIssue[], field: string) =>
      issues.reduce(
        (total, issue) =>
          total + (typeof issue.fields[field] === "number" ? (issue.fields[field] as number) : 0),
        0,
      );
    const isDoneIssue = (issue: StoredIssue) =>
      (issue.fields.status as { statusCategory: { key: string } }).statusCategory.key === "done";

    beforeAll(async () => {
      world = await startJiraWorld(engine, {
        deployment: dep,
        jira: {
          timeoutMs: 3000,
          retry: { maxAttempts: 1 },
          // Long enough for a 5000-issue page on a loaded machine; the hang test waits this out once.
          syncTimeoutMs: 5000,
          syncRetry: { maxAttempts: 1 },
        },
      });
      ({ jira, goalpost, connectionId } = world);
      ({ session: admin, orgId } = world.admin);
      adaAccountId = (await admin.get(`/api/v1/jira/connections/${connectionId}`)).json().account.accountId;
      objectiveId = await insertObjective(goalpost.database.db, { orgId });
    });
    afterEach(() => jira.admin.clearFaults());
    afterAll(() => world?.close());

    it("computes every metric × mode on the demo epic, as computed by hand from the site", async () => {
      const stories = epicStories();
      const done = stories.filter(isDoneIssue);
      expect([stories.length, done.length]).toEqual([10, 3]);
      const ids = {
        count: await kr({ kind: "percent" }, "count"),
        storyPoints: await kr({ kind: "percent" }, "storyPoints"),
        originalEstimate: await kr({ kind: "percent" }, "originalEstimate"),
        timeSpent: await kr({ kind: "percent" }, "timeSpent"),
        remaining: await kr(
          { kind: "kpi", start: 300, target: 0, completedOnly: false },
          "remainingEstimate",
        ),
        progress: await kr({ kind: "kpi", start: 0, target: 100, completedOnly: false }, "progress"),
        doneSpent: await kr({ kind: "kpi", start: 0, target: 40, completedOnly: true }, "timeSpent"),
        countKpi: await kr({ kind: "kpi", start: 0, target: 20, completedOnly: false }, "count"),
        businessValue: await kr(
          { kind: "kpi", start: 0, target: 100, completedOnly: false },
          { customField: "customfield_10030" },
        ),
      };
      const run = await sync();
      expect(run).toMatchObject({ outcome: "synced", itemsSynced: 9, queryFailures: 0 });

      expect(await row(ids.count)).toMatchObject({
        value: 3,
        progress: 30,
        issueCount: 10,
        doneCount: 3,
        staleCode: null,
      });
      // Story points 3+5+2 of 40; original estimates (2+3+4)·4 h of (2+…+11)·4 h.
      expect(await row(ids.storyPoints)).toMatchObject({ value: 10, progress: 25 });
      expect((await row(ids.originalEstimate)).progress).toBeCloseTo((36 / 260) * 100, 10);
      expect((await row(ids.originalEstimate)).value).toBe(36); // hours

      const spent = sum(stories, "timespent");
      const spentDone = sum(done, "timespent");
      expect(spent).toBeGreaterThan(0);
      expect((await row(ids.timeSpent)).progress).toBeCloseTo((spentDone / spent) * 100, 10);
      const remaining = sum(stories, "timeestimate") / HOURS;
      expect((await row(ids.remaining)).value).toBeCloseTo(remaining, 6);
      expect((await row(ids.remaining)).progress).toBeCloseTo(((remaining - 300) / (0 - 300)) * 100, 6);
      // Jira's progress.percent per issue; issues with no tracked time (spent + remaining = 0) are left out.
      const tracked = stories.filter(
        (s) => ((s.fields.timespent as number) ?? 0) + ((s.fields.timeestimate as number) ?? 0) > 0,
      );
      const meanProgress =
        tracked.reduce((total, s) => {
          const spentS = (s.fields.timespent as number) ?? 0;
          return total + (spentS / (spentS + ((s.fields.timeestimate as number) ?? 0))) * 100;
        }, 0) / tracked.length;
      expect((await row(ids.progress)).value).toBeCloseTo(meanProgress, 6);
      expect((await row(ids.doneSpent)).value).toBeCloseTo(spentDone / HOURS, 6);
      expect(await row(ids.countKpi)).toMatchObject({ value: 10, progress: 50 });
      expect(await row(ids.businessValue)).toMatchObject({ value: sum(stories, "customfield_10030") });

      for (const id of Object.values(ids)) {
        const history = await readCheckIns(goalpost.database.db, id);
        expect(history).toHaveLength(1);
        expect(history[0]).toMatchObject({ source: "jira", authorId: null, issueCount: 10 });
      }
    });

    it("re-syncs with no change in Jira at the cost of the membership searches only, and writes no check-in", async () => {
      const countId = await kr({ kind: "percent" }, "count");
      await sync();
      const before = await readCheckIns(goalpost.database.db, countId);
      clearLog();
      const run = await sync();
      expect(run.outcome).toBe("synced");
      const requests = goalpostRequests();
      // One distinct JQL (every key result above shares it): one membership page.
      expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${dep.searchPath}`]);
      expect(run.requests).toBe(1);
      expect(await readCheckIns(goalpost.database.db, countId)).toEqual(before);
    });

    it("picks up an 11th story, a custom Done status, a re-estimate and a worklog at the next sync", async () => {
      const count = await kr({ kind: "percent" }, "count");
      const points = await kr({ kind: "percent" }, "storyPoints");
      const spent = await kr({ kind: "kpi", start: 0, target: 1000, completedOnly: false }, "timeSpent");
      await sync();
      const spentBefore = (await row(spent)).value ?? 0;
      const dana = jiraEditor(jira);

      const eleventh = await dana.createIssue({
        project: { key: "AE" },
        issuetype: { name: "Story" },
        summary: "Campaign export",
        customfield_10014: "AE-786",
        customfield_10026: 5,
      });
      clearLog();
      await sync();
      expect((await row(count)).progress).toBeCloseTo((3 / 11) * 100, 10);
      expect(Math.round((await row(count)).progress ?? 0)).toBe(27);
      expect(await row(points)).toMatchObject({ value: 10, progress: (10 / 45) * 100 });
      expect(
        goalpostRequests().every(
          (r) => r.method === "GET" || r.path === dep.searchPath || r.path.endsWith("/issue/bulkfetch"),
        ),
      ).toBe(true);

      await dana.transition(eleventh, "Shipped");
      await sync();
      expect(await row(count)).toMatchObject({ value: 4, doneCount: 4, issueCount: 11 });

      await dana.editIssue(eleventh, { customfield_10026: 15 });
      await sync();
      expect(await row(points)).toMatchObject({ value: 25, progress: (25 / 55) * 100 });

      await dana.logWork(eleventh, 2 * HOURS);
      await sync();
      expect((await row(spent)).value).toBeCloseTo(spentBefore + 2, 6);

      const history = await readCheckIns(goalpost.database.db, count);
      expect(history.map((c) => c.value)).toEqual([3, 3, 4]);
      expect(history.map((c) => c.issueCount)).toEqual([10, 11, 11]);
    });

    it("recomputes one query at once after its JQL is edited, without touching the others", async () => {
      const id = await kr({ kind: "percent" }, "count");
      await sync();
      const bugs = [...jira.admin.store.issues.values()].find(
        (i) => i.fields.summary === "Improve the overall quality of the product",
      );
      const jql = dep.childrenOf(String(bugs?.key));
      await goalpost.database.db
        .update(keyResults)
        .set({ dataSource: { kind: "jira", connectionId, jql, metric: "count" } })
        .where(eq(keyResults.id, id));
      clearLog();
      const run = await sync(jql);
      expect(run).toMatchObject({ outcome: "synced", itemsSynced: 1 });
      expect((await row(id)).issueCount).toBe(36);
      expect(goalpostRequests().map((r) => r.path)).toEqual([dep.searchPath]);
    });

    it("syncs an objective with its own data source exactly like a key result", async () => {
      const db = goalpost.database.db;
      const objective = await insertObjective(db, { orgId });
      await db
        .update(objectives)
        .set({
          measure: { kind: "percent" },
          dataSource: { kind: "jira", connectionId, jql: EPIC, metric: "count" },
          connectionId,
        })
        .where(eq(objectives.id, objective));
      expect((await sync()).outcome).toBe("synced");
      const [row] = await db.select().from(objectives).where(eq(objectives.id, objective));
      const stories = epicStories();
      expect(row).toMatchObject({
        issueCount: stories.length,
        doneCount: stories.filter(isDoneIssue).length,
        staleCode: null,
      });
      expect(row?.progress).toBeCloseTo((stories.filter(isDoneIssue).length / stories.length) * 100, 10);
      const history = await db.select().from(checkIns).where(eq(checkIns.objectiveId, objective));
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ source: "jira", keyResultId: null });
    });

    it("concurrent refreshes of one key result share a single read of Jira", async () => {
      const id = await kr({ kind: "percent" }, "count", `${EPIC} ORDER BY key`);
      clearLog();
      const runs = await Promise.all(
        [1, 2, 3].map(() => refreshMeasuredItem(goalpost.jobContext, { kind: "key_result", id })),
      );
      expect(runs.every((run) => run === runs[0])).toBe(true);
      expect(runs[0]).toMatchObject({ outcome: "synced", itemsSynced: 1 });
      expect(goalpostRequests().filter((r) => r.path === dep.searchPath)).toHaveLength(1);
      expect((await row(id)).issueCount).toBe(epicStories().length);
      const manual = await insertKeyResult(goalpost.database.db, { orgId, objectiveId });
      expect(await refreshMeasuredItem(goalpost.jobContext, { kind: "key_result", id: manual })).toBeNull();
    });

    it("never writes to Jira: every request Goalpost made in this file was a read", () => {
      const reads =
        /^(GET .*|POST \/rest\/api\/3\/(search\/jql|search\/approximate-count|issue\/bulkfetch|jql\/parse)|POST \/rest\/api\/2\/search)$/;
      const all = [...archived, ...jira.admin.requestLog()].filter(
        (entry) => entry.accountId === adaAccountId,
      );
      // Cloud reads changed issues by bulkfetch; Data Center has none and reads them by an `id in (…)` search.
      if (dep.deployment === "cloud")
        expect(all.some((entry) => entry.path.endsWith("/issue/bulkfetch"))).toBe(true);
      expect(all.length).toBeGreaterThan(0);
      for (const entry of all) expect(`${entry.method} ${entry.path}`).toMatch(reads);
    });

    it.each([
      ["500", { error500Rate: 1 }, "jira_unavailable"],
      ["503", { error503Rate: 1 }, "jira_unavailable"],
      ["hang", { hangRate: 1 }, "jira_timeout"],
      ["reset", { resetRate: 1 }, "jira_unreachable"],
      ["malformed JSON", { malformedJsonRate: 1 }, "jira_malformed_response"],
    ] as const)(
      "a %s keeps the last good value, marks it stale and recovers",
      async (_name, faults, code) => {
        const id = await kr({ kind: "percent" }, "count");
        expect((await sync()).outcome).toBe("synced");
        const good = await row(id);
        jira.admin.setFaults({ ...faults, pathPattern: dep.searchPath });
        const failed = await sync();
        expect(failed).toMatchObject({ outcome: "failed", failure: { code } });
        const stale = await row(id);
        expect(stale).toMatchObject({ value: good.value, progress: good.progress, staleCode: code });
        expect(stale.staleSince).toBeInstanceOf(Date);
        const [state] = await goalpost.database.db
          .select()
          .from(jiraSyncStates)
          .where(eq(jiraSyncStates.connectionId, connectionId));
        expect(state).toMatchObject({ lastErrorCode: code, failureCount: 1, brokenAt: null });
        expect(state?.nextDueAt.getTime()).toBeGreaterThan(Date.now());

        jira.admin.clearFaults();
        expect((await sync()).outcome).toBe("synced");
        expect(await row(id)).toMatchObject({ value: good.value, staleCode: null, staleSince: null });
        const [recovered] = await goalpost.database.db
          .select()
          .from(jiraSyncStates)
          .where(eq(jiraSyncStates.connectionId, connectionId));
        expect(recovered).toMatchObject({ lastErrorCode: null, failureCount: 0 });
      },
    );

    it("rate limiting with Retry-After (Cloud: 429; Data Center: 503) marks items stale and waits at least that long", async () => {
      const code = dep.deployment === "cloud" ? "jira_rate_limited" : "jira_unavailable";
      const id = await kr({ kind: "percent" }, "count");
      await sync();
      jira.admin.setFaults({ rateLimitPerSecond: 0.0001 });
      const failed = await sync();
      expect(failed).toMatchObject({ outcome: "failed", failure: { code } });
      expect(failed.failure?.retryAfterSeconds).toBeGreaterThan(0);
      expect((await row(id)).staleCode).toBe(code);
      const [state] = await goalpost.database.db
        .select()
        .from(jiraSyncStates)
        .where(eq(jiraSyncStates.connectionId, connectionId));
      expect(state?.nextDueAt.getTime()).toBeGreaterThanOrEqual(
        Date.now() + (failed.failure?.retryAfterSeconds ?? 0) * 1000 - 2000,
      );
    });

    it("an invalid JQL makes only its key result stale with Jira's message", async () => {
      const good = await kr({ kind: "percent" }, "count");
      const bad = await kr({ kind: "percent" }, "count", "project = NOPE");
      const run = await sync();
      expect(run).toMatchObject({ outcome: "synced", queryFailures: 1 });
      const stories = epicStories();
      expect(await row(good)).toMatchObject({ staleCode: null, issueCount: stories.length });
      const failed = await row(bad);
      expect(failed.staleCode).toBe("jira_invalid_jql");
      expect(failed.staleMessage).toContain("NOPE");
      expect(failed.value).toBeNull();
      await goalpost.database.db.delete(keyResults).where(eq(keyResults.id, bad));
    });

    it("a revoked token breaks the connection: items stale, no more calls until the token changes", async () => {
      const id = await kr({ kind: "percent" }, "count");
      await sync();
      jira.admin.setFaults({ revokedUsers: [EMAIL] });
      expect(await sync()).toMatchObject({ outcome: "broken", failure: { code: "jira_bad_credentials" } });
      expect((await row(id)).staleCode).toBe("jira_bad_credentials");
      clearLog();
      expect(await sync()).toMatchObject({ outcome: "broken", requests: 0 });
      expect(jira.admin.requestLog()).toHaveLength(0);

      const shown = (await admin.get(`/api/v1/jira/connections/${connectionId}`)).json();
      expect(shown.sync).toMatchObject({ broken: true, error: { code: "jira_bad_credentials" } });

      jira.admin.clearFaults();
      // The admin pastes a working token: the connection is tested, un-broken and due at once.
      expect(
        (await admin.patch(`/api/v1/jira/connections/${connectionId}`, dep.secretPatch(TOKEN))).statusCode,
      ).toBe(200);
      expect((await admin.get(`/api/v1/jira/connections/${connectionId}`)).json().sync.broken).toBe(false);
      expect((await sync()).outcome).toBe("synced");
      expect((await admin.get(`/api/v1/jira/connections/${connectionId}`)).json().sync).toMatchObject({
        broken: false,
        error: null,
        lastSyncedAt: expect.any(String),
      });
      expect((await row(id)).staleCode).toBeNull();
    });

    it("keeps the last good value when Jira's project disappears mid-pagination, then recovers", async () => {
      // 36 000 issues: project ATL then needs two pages of ids (5000 each on Cloud, 1000 on Data Center).
      jira.admin.reset({ name: "demo", issues: 36_000 });
      await goalpost.database.db.delete(keyResults);
      const id = await kr({ kind: "percent" }, "count", "project = ATL");
      expect((await sync()).outcome).toBe("synced");
      const good = await row(id);
      expect(good.issueCount).toBeGreaterThan(5000);
      jira.admin.setFaults({ deleteProjectOnNextPage: "ATL" });
      expect(await sync()).toMatchObject({ outcome: "synced", queryFailures: 1 });
      const stale = await row(id);
      expect(stale).toMatchObject({
        value: good.value,
        issueCount: good.issueCount,
        staleCode: "jira_invalid_jql",
      });
      expect(stale.staleMessage).toContain("ATL");
      jira.admin.reset({ name: "demo", issues: 36_000 });
      expect((await sync()).outcome).toBe("synced");
      expect(await row(id)).toMatchObject({ staleCode: null, issueCount: good.issueCount });
    }, 60_000);
  },
);
