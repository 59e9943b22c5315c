/**
 * The datasets: the generator is deterministic and realistic (checked through JQL on the REST API), `empty` holds
 * only the site configuration, and `demo` holds a portfolio besides the AE situations (see read-endpoints.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJiraEmulator, type JiraEmulator } from "../emulator.ts";
import { SiteStore } from "../store/site-store.ts";
import { at, call, demoEmulator, list, TEST_ANCHOR } from "../test-support.ts";
import { generateSite } from "./generate.ts";
import { loadDataset } from "./index.ts";

const users = [{ email: "ada@example.com", token: "token123" }];
let site: JiraEmulator;

beforeAll(async () => {
  site = await createJiraEmulator({
    dataset: { name: "generated", seed: 11, issues: 3000, anchor: TEST_ANCHOR },
    users,
    frozenClock: TEST_ANCHOR,
  });
});
afterAll(() => site.close());

async function count(emulator: JiraEmulator, jql: string): Promise<number> {
  const res = await call(emulator, "POST", "/rest/api/3/search/approximate-count", { body: { jql } });
  expect(res.status, `${jql}: ${JSON.stringify(res.body)}`).toBe(200);
  return Number(at(res.body, "count"));
}

function fingerprint(store: SiteStore): string {
  const issues = [...store.issues.values()].map((i) => [i.key, i.fields, i.changelog]);
  return JSON.stringify([
    issues,
    [...store.projects.values()].map((p) => p.key),
    [...store.sprints.values()],
  ]);
}

describe("generated datasets", () => {
  it("are deterministic: same seed, size and anchor → same site; another seed → another site", () => {
    const make = (seed: number) => {
      const store = new SiteStore();
      generateSite(store, { seed, issues: 400, anchor: TEST_ANCHOR });
      return fingerprint(store);
    };
    expect(make(5)).toBe(make(5));
    expect(make(6)).not.toBe(make(5));
  });

  it.each([0, 1, 57, 3000])("hold exactly the requested number of issues (%i)", (issues) => {
    const store = new SiteStore();
    generateSite(store, { seed: 1, issues, anchor: TEST_ANCHOR });
    expect(store.issues.size).toBe(issues);
  });

  it("have team-managed and company-managed projects", async () => {
    const res = await call(site, "GET", "/rest/api/3/project/search?maxResults=100");
    const styles = new Set(list(res.body, "values").map((p) => at(p, "style")));
    expect(styles).toEqual(new Set(["classic", "next-gen"]));
  });

  it.each(["Epic", "Story", "Task", "Bug", "Sub-task"])("have issues of type %s", async (type) => {
    expect(await count(site, `issuetype = "${type}"`)).toBeGreaterThan(0);
  });

  it("link epic children by parent and, in company-managed projects, by Epic Link", async () => {
    const store = site.admin.store;
    const underEpic = [...store.issues.values()].filter((i) => {
      const parent = i.fields.parent as { key?: string } | undefined;
      return (
        parent?.key !== undefined && at(store.findIssue(parent.key)?.fields, "issuetype", "name") === "Epic"
      );
    });
    expect(underEpic.length).toBeGreaterThan(100);
    const epics = [...new Set(underEpic.map((i) => at(i.fields, "parent", "key")))].slice(0, 20).join(", ");
    expect(await count(site, `parent in (${epics})`)).toBeGreaterThan(20);
    expect(await count(site, '"Epic Link" is not EMPTY')).toBeGreaterThan(50);
    const subtasks = [...store.issues.values()].filter((i) => at(i.fields, "issuetype", "subtask") === true);
    expect(subtasks.length).toBeGreaterThan(0);
    expect(subtasks.every((i) => at(i.fields, "parent", "key") !== undefined)).toBe(true);
  });

  it.each([
    ["Shipped", "Done"],
    ["Won't do", "Done"],
    ["In Review", "In Progress"],
    ["QA", "In Progress"],
    ["Backlog", "To Do"],
  ])("use custom status %s in category %s", async (status, category) => {
    expect(await count(site, `status = "${status}" AND statusCategory = "${category}"`)).toBeGreaterThan(0);
  });

  it("fill both story-point fields and the numeric custom fields", async () => {
    expect(await count(site, '"Story point estimate" > 0')).toBeGreaterThan(50);
    expect(await count(site, '"Story Points" > 0')).toBeGreaterThan(50);
    expect(await count(site, '"Business Value" >= 1')).toBeGreaterThan(50);
    expect(await count(site, '"Risk Score" is not EMPTY')).toBeGreaterThan(50);
  });

  it("track time and keep a quarter of history (transitions, assignments, worklogs)", async () => {
    const issues = [...site.admin.store.issues.values()];
    expect(issues.filter((i) => Number(i.fields.timeoriginalestimate) > 0).length).toBeGreaterThan(100);
    expect(issues.filter((i) => Number(i.fields.timespent) > 0).length).toBeGreaterThan(100);
    expect([...site.admin.store.worklogsByIssue.values()].flat().length).toBeGreaterThan(100);
    expect(await count(site, "status CHANGED DURING (-91d, now())")).toBeGreaterThan(500);
    expect(await count(site, "assignee CHANGED AFTER -91d")).toBeGreaterThan(100);
    expect(await count(site, "status WAS 'In Progress' DURING (-30d, -1d)")).toBeGreaterThan(50);
    const created = issues.map((i) => Date.parse(String(i.fields.created)));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(TEST_ANCHOR.getTime() - 92 * 86_400_000);
    expect(Math.max(...created)).toBeLessThanOrEqual(TEST_ANCHOR.getTime());
  });

  it("have closed, active and future sprints", async () => {
    const states = new Set([...site.admin.store.sprints.values()].map((s) => s.state));
    expect(states).toEqual(new Set(["closed", "active", "future"]));
    expect(await count(site, "sprint in openSprints()")).toBeGreaterThan(0);
    expect(await count(site, "sprint in closedSprints()")).toBeGreaterThan(0);
  });
});

describe("the empty dataset", () => {
  it("holds only the site configuration", async () => {
    const store = new SiteStore();
    loadDataset(store, { name: "empty" });
    expect([store.issues.size, store.projects.size]).toEqual([0, 0]);
    const empty = await createJiraEmulator({ dataset: { name: "empty" }, users });
    expect(list((await call(empty, "GET", "/rest/api/3/field")).body).length).toBeGreaterThan(20);
    expect(list((await call(empty, "GET", "/rest/api/3/status")).body).length).toBeGreaterThan(5);
    expect(list((await call(empty, "GET", "/rest/api/3/issuetype")).body).length).toBeGreaterThan(4);
    expect(at((await call(empty, "GET", "/rest/api/3/project/search")).body, "total")).toBe(0);
    await empty.close();
  });
});

describe("the demo dataset", () => {
  it("has enough projects and epics for a portfolio, and the same AE situations at any size", async () => {
    const demo = await demoEmulator();
    expect(at((await call(demo, "GET", "/rest/api/3/project/search")).body, "total")).toBeGreaterThanOrEqual(
      7,
    );
    expect(await count(demo, "issuetype = Epic AND project != AE")).toBeGreaterThanOrEqual(12);
    await demo.close();
    const sized = await demoEmulator({ dataset: { name: "demo", anchor: TEST_ANCHOR, seed: 7, issues: 50 } });
    expect(await count(sized, "project != AE")).toBe(50);
    expect(await count(sized, '"Epic Link" = AE-786')).toBe(10);
    expect(await count(sized, '"Epic Link" = AE-786 AND statusCategory = Done')).toBe(3);
    await sized.close();
  });
});
