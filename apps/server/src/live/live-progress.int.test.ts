import { randomUUID } from "node:crypto";
import type { JiraEmulator } from "@goalpost/jira-emulator";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { syncConnection } from "../sync/sync-connection.ts";
import { type HttpSession, signUpWithOrg } from "../testing/http-session.ts";
import { engineDeploymentPairs } from "../testing/jira-deployments.ts";
import { type JiraWorld, startJiraWorld } from "../testing/jira-world.ts";
import { jiraEditor } from "../testing/jira-writes.ts";
import { countJobs, deliverIssueUpdated, hubSignature, liveQueueIdle } from "../testing/live-webhook.ts";
import { insertKeyResult, insertObjective, readKeyResult } from "../testing/okr-rows.ts";
import { TEST_PUBLIC_URL } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import { probeChanges } from "./probe-changes.ts";
import { scheduleProbesJob } from "./schedule-probes.job.ts";

const EPIC = '"Epic Link" = AE-786';

/**
 * Live progress end to end: the emulator's admin webhooks deliver (through the app, as Jira would over HTTP)
 * to the connection's webhook; workers run inline, the hourly sync never comes due during the test. Jira Cloud
 * and Jira Data Center register and deliver admin webhooks the same way (`/rest/webhooks/1.0/webhook`).
 */
describe.each(engineDeploymentPairs(TEST_ENGINES))(
  "live progress: webhooks and the change probe on %s against Jira %s",
  (engine, _name, dep) => {
    let world: JiraWorld;
    let jira: JiraEmulator;
    let goalpost: Goalpost;
    let admin: HttpSession;
    let orgId: string;
    let connectionId: string;
    let accountId: string;
    let keyResultId: string;
    const editor = () => jiraEditor(jira);
    const goalpostRequests = () => jira.admin.requestLog().filter((entry) => entry.accountId === accountId);
    const progress = async () => (await readKeyResult(goalpost.database.db, keyResultId))?.progress;
    const post = (hookId: string, body: string, headers: Record<string, string>) =>
      goalpost.app.inject({
        method: "POST",
        url: `/api/v1/hooks/jira/${hookId}`,
        payload: body,
        headers: { "content-type": "application/json", ...headers },
      });
    const liveSyncJobs = () => countJobs(goalpost.database.db, ["live-sync"]);
    const queueIdle = () => liveQueueIdle(goalpost.database.db);

    /** A signed `jira:issue_updated` delivery of `issue` to the connection's webhook; waits for what it started. */
    const deliver = async (issue: { id: string; key: string }) => {
      const response = await deliverIssueUpdated(goalpost, { session: admin, connectionId, issue });
      expect(response.json()).toEqual({ outcome: "accepted" });
      await expect.poll(queueIdle, { timeout: 20_000, interval: 100 }).toBe(true);
    };
    /** An issue of the emulator's site in `project`. */
    const issueOf = (project: string) => {
      const issue = [...jira.admin.store.issues.values()].find((i) =>
        String(i.key).startsWith(`${project}-`),
      );
      return { id: String(issue?.id), key: String(issue?.key) };
    };

    beforeAll(async () => {
      world = await startJiraWorld(engine, {
        deployment: dep,
        webhooksThroughApp: true,
        env: { WORKERS: "inline", CHANGE_PROBE: "false" },
        jira: { timeoutMs: 3000, retry: { maxAttempts: 1 } },
      });
      ({ jira, goalpost, connectionId } = world);
      ({ session: admin, orgId } = world.admin);
      accountId = (await admin.get(`/api/v1/jira/connections/${connectionId}`)).json().account.accountId;
      const objectiveId = await insertObjective(goalpost.database.db, { orgId });
      keyResultId = await insertKeyResult(goalpost.database.db, {
        orgId,
        objectiveId,
        measure: { kind: "percent" },
        jira: { connectionId, jql: EPIC, metric: "count" },
      });
      await syncConnection(goalpost.jobContext, { connectionId });
      expect(await progress()).toBe(30);
    });
    afterAll(() => world?.close());

    it("shows the connection's managers its webhook, and only them", async () => {
      const webhook = await admin.get(`/api/v1/jira/connections/${connectionId}/webhook`);
      expect(webhook.statusCode).toBe(200);
      expect(webhook.json()).toMatchObject({
        url: expect.stringMatching(new RegExp(`^${TEST_PUBLIC_URL}/api/v1/hooks/jira/[A-Za-z0-9_-]{32}$`)),
        secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        events: ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"],
        jqlFilter: 'project in ("AE")',
        lastDeliveryAt: null,
        deliveries24h: 0,
        refused24h: 0,
        speed: "hourly",
      });
      const again = (await admin.get(`/api/v1/jira/connections/${connectionId}/webhook`)).json();
      expect(again.url).toBe(webhook.json().url);
      const { session: outsider } = await signUpWithOrg(goalpost.app, {
        name: "Eve",
        email: "eve@evil.test",
        orgName: "Evil",
      });
      expect((await outsider.get(`/api/v1/jira/connections/${connectionId}/webhook`)).statusCode).toBe(404);
      expect(
        (await outsider.post(`/api/v1/jira/connections/${connectionId}/webhook/rotate`)).statusCode,
      ).toBe(404);
    });

    it("moves a key result within seconds of an issue moving to Done, without any poll", async () => {
      const { url, secret } = (await admin.get(`/api/v1/jira/connections/${connectionId}/webhook`)).json();
      await jiraEditor(jira, world.jiraUser).registerWebhook({ url, secret, jqlFilter: 'project in ("AE")' });
      const story = [...jira.admin.store.issues.values()].find(
        (issue) =>
          issue.fields.customfield_10014 === "AE-786" &&
          (issue.fields.status as { statusCategory: { key: string } }).statusCategory.key !== "done",
      );
      expect(story).toBeDefined();
      await editor().transition(String(story?.key), "Done");
      await expect.poll(progress, { timeout: 20_000, interval: 100 }).toBe(40);
      const health = (await admin.get(`/api/v1/jira/connections/${connectionId}/webhook`)).json();
      expect(health).toMatchObject({ deliveries24h: 1, refused24h: 0, speed: "webhook" });
      expect(health.lastDeliveryAt).not.toBeNull();
    });

    it("refuses forged, unsigned, unknown and replayed deliveries, changing nothing", async () => {
      const { url, secret } = (await admin.get(`/api/v1/jira/connections/${connectionId}/webhook`)).json();
      const hookId = String(url).split("/").at(-1) ?? "";
      const body = JSON.stringify({ webhookEvent: "jira:issue_updated", issue: { id: "1", key: "AE-1" } });
      const before = await liveSyncJobs();
      const forged = await post(hookId, body, { "x-hub-signature": hubSignature("not-the-secret", body) });
      const unsigned = await post(hookId, body, {});
      const unknown = await post("no-such-hook", body, { "x-hub-signature": hubSignature(secret, body) });
      const tampered = await post(hookId, body.replace("AE-1", "AE-2"), {
        "x-hub-signature": hubSignature(secret, body),
      });
      for (const response of [forged, unsigned, unknown, tampered]) {
        expect(response.statusCode).toBe(401);
        expect(response.json().error.code).toBe("unauthenticated");
      }
      const identifier = randomUUID();
      const headers = {
        "x-hub-signature": hubSignature(secret, body),
        "x-atlassian-webhook-identifier": identifier,
      };
      expect((await post(hookId, body, headers)).json()).toEqual({ outcome: "accepted" });
      await expect.poll(queueIdle, { timeout: 20_000, interval: 100 }).toBe(true);
      const afterFirst = await liveSyncJobs();
      expect(afterFirst).toBe(before + 1);
      const replayed = await post(hookId, body, headers);
      expect(replayed.statusCode).toBe(202);
      expect(replayed.json()).toEqual({ outcome: "duplicate" });
      expect(await liveSyncJobs()).toBe(afterFirst);
      const notAnEvent = await post(hookId, "[]", { "x-hub-signature": hubSignature(secret, "[]") });
      expect(notAnEvent.statusCode).toBe(400);
      const health = (await admin.get(`/api/v1/jira/connections/${connectionId}/webhook`)).json();
      expect(health.refused24h).toBe(4);

      const rotated = (await admin.post(`/api/v1/jira/connections/${connectionId}/webhook/rotate`)).json();
      expect(rotated.url).not.toBe(url);
      expect(rotated.secret).not.toBe(secret);
      expect((await post(hookId, body, { "x-hub-signature": hubSignature(secret, body) })).statusCode).toBe(
        401,
      );
      const newHook = String(rotated.url).split("/").at(-1) ?? "";
      expect((await post(newHook, body, { "x-hub-signature": hubSignature(secret, body) })).statusCode).toBe(
        401,
      );
      expect(
        (
          await post(newHook, body, {
            "x-hub-signature": hubSignature(rotated.secret, body),
            "x-atlassian-webhook-identifier": randomUUID(),
          })
        ).statusCode,
      ).toBe(202);
      await expect.poll(queueIdle, { timeout: 20_000, interval: 100 }).toBe(true);
      // Jira's registration still has the old secret: re-register with the rotated one for the tests below.
      for (const hook of jira.admin.store.webhooks.values()) {
        hook.url = rotated.url;
        hook.secret = rotated.secret;
      }
    });

    it("coalesces a burst of 500 changes into a handful of Jira requests", { timeout: 180_000 }, async () => {
      await expect.poll(queueIdle, { timeout: 20_000, interval: 100 }).toBe(true);
      jira.admin.clearRequestLog();
      const stories = [...jira.admin.store.issues.values()].filter(
        (i) => i.fields.customfield_10014 === "AE-786",
      );
      const edits = Array.from({ length: 500 }, (_, n) => stories[n % stories.length]);
      const edit = editor();
      for (let n = 0; n < edits.length; n += 25) {
        await Promise.all(
          edits
            .slice(n, n + 25)
            .map((issue, k) => edit.editIssue(String(issue?.key), { summary: `Edit ${n + k}` })),
        );
      }
      await jira.admin.webhooksIdle();
      const delivered = jira.admin.webhookDeliveries().filter((d) => d.status === 202).length;
      expect(delivered).toBeGreaterThanOrEqual(500);
      await expect.poll(queueIdle, { timeout: 30_000, interval: 100 }).toBe(true);
      const requests = goalpostRequests();
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.length, JSON.stringify(requests.map((r) => [r.at, r.path]))).toBeLessThanOrEqual(10);
      expect(await progress()).toBe(40);
    });

    it("without a webhook, the change probe sees a change within two probe periods for one request each", async () => {
      const context = { ...goalpost.jobContext, changeProbe: true };
      await goalpost.database.db.execute(sql`delete from jira_webhook_deliveries`);
      // An unsigned delivery (a Jira that cannot sign its webhooks) is refused, and does not stop the probe.
      const { url } = (await admin.get(`/api/v1/jira/connections/${connectionId}/webhook`)).json();
      const unsigned = JSON.stringify({
        webhookEvent: "jira:issue_updated",
        issue: { id: "1", key: "AE-1" },
      });
      expect((await post(String(url).split("/").at(-1) ?? "", unsigned, {})).statusCode).toBe(401);
      const health = (await admin.get(`/api/v1/jira/connections/${connectionId}/webhook`)).json();
      expect(health).toMatchObject({ deliveries24h: 0, refused24h: 1 });
      for (const hook of jira.admin.store.webhooks.values()) hook.enabled = false;
      await expect.poll(queueIdle, { timeout: 20_000, interval: 100 }).toBe(true);
      // A first probe settles where the stream of changes stands.
      await probeChanges(context, connectionId);
      jira.admin.clearRequestLog();
      const idle = await probeChanges(context, connectionId);
      expect(idle).toEqual({ changed: false, requests: 1 });
      expect(goalpostRequests()).toHaveLength(1);

      const story = [...jira.admin.store.issues.values()].find(
        (issue) =>
          issue.fields.customfield_10014 === "AE-786" &&
          (issue.fields.status as { statusCategory: { key: string } }).statusCategory.key !== "done",
      );
      await editor().transition(String(story?.key), "Done");
      const run = scheduleProbesJob.handler as (
        p: object,
        c: typeof context,
        j: { id: string; retryCount: number },
      ) => Promise<void>;
      for (let period = 0; period < 2 && (await progress()) !== 50; period += 1) {
        await run({}, context, { id: `probe-${period}`, retryCount: 0 });
        await expect.poll(queueIdle, { timeout: 20_000, interval: 100 }).toBe(true);
      }
      expect(await progress()).toBe(50);
    });

    it("re-reads only the queries a changed issue can affect, and nothing for a project no query reads", async () => {
      const objectiveId = await insertObjective(goalpost.database.db, { orgId });
      await insertKeyResult(goalpost.database.db, {
        orgId,
        objectiveId,
        measure: { kind: "percent" },
        jira: { connectionId, jql: "project = BEA", metric: "count" },
      });
      await syncConnection(goalpost.jobContext, { connectionId });
      await expect.poll(queueIdle, { timeout: 20_000, interval: 100 }).toBe(true);
      const syncedAt = async () => {
        const rows = await goalpost.database.db.execute(
          sql`select jql, synced_at from jira_queries where connection_id = ${connectionId}`,
        );
        const list = (rows as unknown as { rows: { jql: string; synced_at: unknown }[] }).rows;
        return new Map(list.map((row) => [row.jql, String(row.synced_at)]));
      };

      // A change in a project no query reads: a live sync runs, and asks Jira nothing.
      jira.admin.clearRequestLog();
      const jobs = await liveSyncJobs();
      const before = await syncedAt();
      await deliver(issueOf("ATL"));
      expect(await liveSyncJobs()).toBe(jobs + 1);
      expect(goalpostRequests()).toHaveLength(0);
      expect(await syncedAt()).toEqual(before);

      // A change in BEA: the BEA query is read again, the AE epic's is not.
      await deliver(issueOf("BEA"));
      expect(goalpostRequests().length).toBeGreaterThan(0);
      const after = await syncedAt();
      expect(after.get("project = BEA")).not.toBe(before.get("project = BEA"));
      expect(after.get(EPIC)).toBe(before.get(EPIC));
      const pending = await goalpost.database.db.execute(
        sql`select count(*)::int as n from jira_pending_changes where connection_id = ${connectionId}`,
      );
      expect((pending as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
    });

    it("does not read a query Jira refuses again for a change it cannot concern", async () => {
      // A project deleted after the key result was saved: Jira answers 400 to its query at every read.
      const objectiveId = await insertObjective(goalpost.database.db, { orgId });
      const refusedId = await insertKeyResult(goalpost.database.db, {
        orgId,
        objectiveId,
        measure: { kind: "percent" },
        jira: { connectionId, jql: "project = GONE", metric: "count" },
      });
      const full = await syncConnection(goalpost.jobContext, { connectionId });
      expect(full.queryFailures).toBe(1);
      expect((await readKeyResult(goalpost.database.db, refusedId))?.staleCode).not.toBeNull();
      await expect.poll(queueIdle, { timeout: 20_000, interval: 100 }).toBe(true);

      // A change elsewhere: the refused query is not tried again.
      jira.admin.clearRequestLog();
      const jobs = await liveSyncJobs();
      await deliver(issueOf("ATL"));
      expect(await liveSyncJobs()).toBe(jobs + 1);
      expect(goalpostRequests()).toHaveLength(0);

      // A change in the project it names (back, say): it is read again, and still refused, the value kept.
      await deliver({ id: "990001", key: "GONE-1" });
      expect(goalpostRequests().length).toBeGreaterThan(0);
      const after = await readKeyResult(goalpost.database.db, refusedId);
      expect(after?.staleCode).not.toBeNull();
    });
  },
);
