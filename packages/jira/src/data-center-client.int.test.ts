/** The Jira client in Data Center mode against the emulator's Data Center mode, as a real HTTP server. */

import { findStoryPointFields } from "@goalpost/domain";
import { createJiraEmulator, type JiraEmulator } from "@goalpost/jira-emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { detectDeployment } from "./detect-deployment.ts";
import { findEpicLinkField } from "./epic-links.ts";
import { createJiraClient, type JiraClient, type JiraClientOptions } from "./jira-client.ts";
import { JiraError } from "./jira-error.ts";
import { createSiteLimiter } from "./site-limiter.ts";

const EMAIL = "ada@example.com";
const PAT = "ada-personal-access-token";
const EPIC = '"Epic Link" = AE-786';

let dc: JiraEmulator;
let cloud: JiraEmulator;

function client(extra: Partial<JiraClientOptions> = {}): JiraClient {
  return createJiraClient({
    baseUrl: dc.url,
    deployment: "dataCenter",
    personalAccessToken: PAT,
    allowHosts: [new URL(dc.url).host],
    timeoutMs: 5_000,
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50 },
    limiter: createSiteLimiter(),
    ...extra,
  });
}

async function caught(promise: Promise<unknown>): Promise<JiraError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JiraError) return error;
    throw error;
  }
  throw new Error("expected a JiraError");
}

const jiraRequests = () => dc.admin.requestLog().filter((r) => r.path.startsWith("/rest/"));

beforeAll(async () => {
  dc = await createJiraEmulator({
    deployment: "data-center",
    dataset: { name: "demo" },
    users: [{ email: EMAIL, token: PAT }],
    listen: true,
  });
  cloud = await createJiraEmulator({ dataset: { name: "empty" }, listen: true });
});

afterAll(async () => {
  await dc.close();
  await cloud.close();
});

beforeEach(() => {
  dc.admin.clearFaults();
  dc.admin.clearRequestLog();
});

describe("the Data Center client", () => {
  it("sends the PAT as a bearer token to REST v2 only", async () => {
    const me = await client().myself();
    expect(me.emailAddress).toBe(EMAIL);
    expect(me.accountId).not.toBe("");
    expect((await client().serverInfo()).deploymentType).toBe("DataCenter");
    expect(jiraRequests().every((r) => r.path.startsWith("/rest/api/2/"))).toBe(true);
  });

  it("a wrong PAT is bad_credentials", async () => {
    const error = await caught(client({ personalAccessToken: "nope" }).myself());
    expect(error.kind).toBe("bad_credentials");
    expect(error.message).not.toContain("nope");
  });

  it("fields: the classic Epic Link and the float Story Points", async () => {
    const fields = await client().listFields();
    expect(findEpicLinkField(fields)).toBe("customfield_10014");
    expect(findStoryPointFields(fields).map((f) => f.id)).toEqual(["customfield_10026"]);
  });

  it("searchIds and searchIssues page by startAt up to total: AE-786 has 10 stories, 3 done", async () => {
    const c = client();
    expect(await c.searchIds(EPIC, { pageSize: 3 })).toHaveLength(10);
    expect(jiraRequests()).toHaveLength(4);
    expect(jiraRequests().every((r) => r.path === "/rest/api/2/search" && r.method === "POST")).toBe(true);
    const issues = await c.searchIssues(EPIC, ["status", "customfield_10026", "customfield_10014"]);
    const done = issues.filter(
      (i) => (i.fields.status as { statusCategory?: { key?: string } }).statusCategory?.key === "done",
    );
    expect(done).toHaveLength(3);
    expect(issues.every((i) => i.fields.customfield_10014 === "AE-786")).toBe(true);
  });

  it("searchPage hands out start indexes as page tokens, null on the last page", async () => {
    const c = client();
    const first = await c.searchPage(EPIC, ["summary"], { pageSize: 6 });
    expect(first.issues).toHaveLength(6);
    expect(first.nextPageToken).toBe("6");
    const second = await c.searchPage(EPIC, ["summary"], {
      pageSize: 6,
      pageToken: first.nextPageToken ?? "",
    });
    expect(second.issues).toHaveLength(4);
    expect(second.nextPageToken).toBeNull();
  });

  it("bulkFetch reads by id through search, unknown ids silently absent", async () => {
    const c = client();
    const ids = await c.searchIds(EPIC);
    const issues = await c.bulkFetch([...ids, "99999999"], ["summary"]);
    expect(issues.map((i) => i.id).sort()).toEqual([...ids].sort());
  });

  it("approximateCount is the exact total of a search reading no issue", async () => {
    expect(await client().approximateCount(EPIC)).toBe(10);
  });

  it("parseJql validates through search", async () => {
    const [ok, bad] = await client().parseJql([EPIC, "project = AE AND"]);
    expect(ok?.valid).toBe(true);
    expect(bad?.valid).toBe(false);
    expect(bad?.errors.length).toBeGreaterThan(0);
  });

  it("listProjects reads the unpaged project list and filters it", async () => {
    const all = await client().listProjects();
    expect(all.map((p) => p.key)).toContain("AE");
    expect((await client().listProjects("acme")).map((p) => p.key)).toEqual(["AE"]);
  });

  it("503 load shedding (Data Center's rate limiting) is `unavailable` with its Retry-After", async () => {
    dc.admin.setFaults({ error503Rate: 1 });
    const error = await caught(client({ retry: { maxAttempts: 1 } }).myself());
    expect(error.kind).toBe("unavailable");
    expect(error.retryAfterSeconds).toBe(1);
  });
});

describe("detectDeployment", () => {
  it("tells Cloud from Data Center anonymously", async () => {
    const options = (url: string) => ({
      baseUrl: url,
      allowHosts: [new URL(url).host],
      limiter: createSiteLimiter(),
    });
    expect((await detectDeployment(options(dc.url))).deployment).toBe("dataCenter");
    expect((await detectDeployment(options(cloud.url))).deployment).toBe("cloud");
    expect(dc.admin.requestLog().every((r) => r.accountId === undefined)).toBe(true);
  });
});
