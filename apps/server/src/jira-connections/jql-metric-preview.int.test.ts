import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpSession } from "../testing/http-session.ts";
import { engineDeploymentPairs } from "../testing/jira-deployments.ts";
import { type JiraWorld, startJiraWorld } from "../testing/jira-world.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

const EPIC = '"Epic Link" = AE-786';

describe.each(engineDeploymentPairs(TEST_ENGINES))(
  "JQL check with a metric preview on %s against Jira %s",
  (engine, _name, dep) => {
    let world: JiraWorld;
    let admin: HttpSession;
    let connectionId: string;
    const check = (body: Record<string, unknown>) =>
      admin.post(`/api/v1/jira/connections/${connectionId}/jql/check`, body);

    beforeAll(async () => {
      world = await startJiraWorld(engine, { deployment: dep, connection: { name: "Acme" } });
      admin = world.admin.session;
      connectionId = world.connectionId;
    });
    afterAll(() => world?.close());

    it("previews the value a key result would get, before anything is saved", async () => {
      const count = await check({ jql: EPIC, metric: "count" });
      expect(count.statusCode).toBe(200);
      expect(count.json()).toMatchObject({
        valid: true,
        matchCount: 10,
        metricPreview: { value: 3, progress: 30, issueCount: 10, doneCount: 3, partial: false, reason: null },
      });
      const points = await check({ jql: EPIC, metric: "storyPoints", measure: { kind: "percent" } });
      expect(points.json().metricPreview).toMatchObject({ value: 10, progress: 25 });
      const kpi = await check({
        jql: EPIC,
        metric: "count",
        measure: { kind: "kpi", start: 0, target: 20, completedOnly: true },
      });
      expect(kpi.json().metricPreview).toMatchObject({ value: 3, progress: 15 });
      // Remaining estimate is KPI-only: without a measure the preview shows its value alone (hours).
      const remaining = await check({ jql: EPIC, metric: "remainingEstimate" });
      expect(remaining.json().metricPreview).toMatchObject({ progress: null, issueCount: 10 });
      expect(remaining.json().metricPreview.value).toBeGreaterThan(0);
    });

    it("has no preview without a metric or for an invalid query, and refuses an impossible measure", async () => {
      expect((await check({ jql: EPIC })).json().metricPreview).toBeNull();
      const invalid = await check({ jql: "project = NOPE", metric: "count" });
      expect(invalid.json()).toMatchObject({ valid: false, metricPreview: null });
      const bad = await check({ jql: EPIC, metric: "progress", measure: { kind: "percent" } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe("metric_not_offered");
      const equal = await check({
        jql: EPIC,
        metric: "count",
        measure: { kind: "kpi", start: 5, target: 5 },
      });
      expect(equal.statusCode).toBe(400);
      expect((await check({ jql: EPIC, metric: { customField: "summary" } })).statusCode).toBe(400);
    });
  },
);
