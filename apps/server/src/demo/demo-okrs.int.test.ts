import { NAMED_METRICS } from "@goalpost/domain";
import type { JiraEmulator } from "@goalpost/jira-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, httpSession } from "../testing/http-session.ts";
import { type JiraAndGoalpost, startJiraAndGoalpost } from "../testing/jira-world.ts";
import { testClock } from "../testing/test-clock.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";
import { DEMO_OBJECTIVES, seedDemoOkrs } from "./demo-okrs.ts";
import { DEMO_LOGIN, seedDemoOrg } from "./demo-org.ts";
import { DEMO_JIRA_ACCOUNT } from "./start-demo-jira.ts";

interface KeyResult {
  id: string;
  title: string;
  measure: { kind: string };
  dataSource: { metric: string | { customField: string } } | null;
  state: { value: number | null; progress: number | null; status: string; stale: unknown };
}

describe.each(TEST_ENGINES)("the demo OKRs on %s", (engine) => {
  // Mid-quarter whatever today's date: the demo's quarter has weeks of history behind it.
  const clock = testClock();
  let world: JiraAndGoalpost;
  let jira: JiraEmulator;
  let goalpost: Goalpost;
  let dana: HttpSession;
  let orgId: string;
  let objectives: {
    id: string;
    title: string;
    parentId: string | null;
    keyResults: KeyResult[];
    state: { status: string };
  }[];

  beforeAll(async () => {
    world = await startJiraAndGoalpost(engine, {
      emulator: { users: [{ ...DEMO_JIRA_ACCOUNT }] },
      now: clock.now,
    });
    ({ jira, goalpost } = world);
    await seedDemoOrg({ db: goalpost.database.db, auth: goalpost.auth });
    await seedDemoOkrs(goalpost.jobContext, { jiraUrl: jira.url });
    dana = httpSession(goalpost.app);
    const signIn = await dana.post("/api/auth/sign-in/email", {
      email: DEMO_LOGIN.email,
      password: DEMO_LOGIN.password,
    });
    expect(signIn.statusCode).toBe(200);
    orgId = (await dana.get("/api/v1/me")).json().orgs[0].id;
    const period = (await dana.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0];
    objectives = (await dana.get(`/api/v1/orgs/${orgId}/objectives?periodId=${period.id}&limit=200`)).json()
      .items;
  }, 60_000);
  afterAll(() => world?.close());

  const keyResult = (title: string) => {
    const found = objectives.flatMap((o) => o.keyResults).find((kr) => kr.title === title);
    if (!found) throw new Error(`no key result ${title}`);
    return found;
  };

  it("seeds the objectives aligned under the company objective, synced from the demo Jira site", () => {
    expect(objectives.map((o) => o.title)).toEqual(DEMO_OBJECTIVES.map((o) => o.title));
    const company = objectives[0];
    expect(objectives.filter((o) => o.parentId === company?.id)).toHaveLength(3);
    expect(keyResult("Ship feature Email Campaigns").state).toMatchObject({
      value: 3,
      progress: 30,
      stale: null,
    });
    expect(keyResult("Deliver the Email Campaigns story points").state).toMatchObject({
      value: 10,
      progress: 25,
    });
    expect(keyResult("Fix 20 bugs this quarter").state).toMatchObject({ value: 17, progress: 85 });
    for (const kr of objectives.flatMap((o) => o.keyResults)) {
      expect(kr.state.value, kr.title).not.toBeNull();
    }
  });

  it("covers every metric, both measures, manual key results and several statuses", () => {
    const krs = objectives.flatMap((o) => o.keyResults);
    const metrics = new Set(
      krs.flatMap((kr) => (kr.dataSource ? [JSON.stringify(kr.dataSource.metric)] : [])),
    );
    for (const metric of NAMED_METRICS) expect(metrics).toContain(JSON.stringify(metric));
    expect(metrics).toContain(JSON.stringify({ customField: "customfield_10030" }));
    expect(new Set(krs.map((kr) => kr.measure.kind))).toEqual(new Set(["percent", "kpi"]));
    expect(krs.filter((kr) => kr.dataSource === null).length).toBeGreaterThanOrEqual(3);
    const statuses = new Set(krs.map((kr) => kr.state.status));
    expect(statuses).toContain("at_risk");
    expect(statuses.size).toBeGreaterThanOrEqual(3);
  });

  it("seeds history for percent-complete Jira key results whose progress agrees with its value", async () => {
    const percentJira = objectives
      .flatMap((o) => o.keyResults)
      .filter((kr) => kr.dataSource !== null && kr.measure.kind === "percent" && kr.state.value);
    expect(percentJira.length).toBeGreaterThan(0);
    for (const kr of percentJira) {
      const { value, progress } = kr.state as { value: number; progress: number };
      const history = (await dana.get(`/api/v1/key-results/${kr.id}/history`)).json();
      for (const point of history.items as { source: string; value: number; progress: number }[]) {
        if (point.source !== "jira") continue;
        // Same total as now: value / progress is constant ("0 issues · 1%" or "3 issues · 25%" cannot happen).
        expect(point.progress, `${kr.title} at ${point.value}`).toBeCloseTo(
          (progress * point.value) / value,
          6,
        );
      }
    }
    const count = (
      await dana.get(`/api/v1/key-results/${keyResult("Ship feature Email Campaigns").id}/history`)
    )
      .json()
      .items.filter((point: { source: string }) => point.source === "jira");
    expect(count.length).toBeGreaterThan(0);
    for (const point of count) {
      expect(point).toMatchObject({ issueCount: 10, doneCount: point.value, progress: point.value * 10 });
    }
  });

  it("backdates a quarter of history for Jira-linked and manual key results", async () => {
    for (const title of ["Ship feature Email Campaigns", "Customer satisfaction 4.5"]) {
      const history = (await dana.get(`/api/v1/key-results/${keyResult(title).id}/history`)).json();
      expect(history.items.length, title).toBeGreaterThanOrEqual(3);
      const first = new Date(history.items[0].createdAt).getTime();
      expect(clock.now().getTime() - first, title).toBeGreaterThan(14 * 86_400_000);
      expect(history.forecast, title).not.toBeNull();
    }
    const manual = (
      await dana.get(`/api/v1/key-results/${keyResult("Customer satisfaction 4.5").id}/history`)
    ).json();
    expect(manual.items.at(-1)).toMatchObject({ source: "manual", author: { name: DEMO_LOGIN.name } });
  });

  it("seeds once: a second start adds nothing", async () => {
    await seedDemoOkrs(goalpost.jobContext, { jiraUrl: jira.url });
    const period = (await dana.get(`/api/v1/orgs/${orgId}/periods`)).json();
    expect(period.items).toHaveLength(1);
    const again = (
      await dana.get(`/api/v1/orgs/${orgId}/objectives?periodId=${period.items[0].id}&limit=200`)
    ).json();
    expect(again.items).toHaveLength(objectives.length);
    const connections = (await dana.get(`/api/v1/orgs/${orgId}/jira/connections`)).json().items;
    expect(connections).toHaveLength(1);
  });
});
