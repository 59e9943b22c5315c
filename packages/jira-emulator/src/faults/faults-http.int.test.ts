/**
 * Every fault type switched on at run time through the HTTP admin API (`PUT /_emulator/faults`) of an emulator on
 * a real port, observed over real HTTP; the request log (`GET /_emulator/requests`) records each one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createJiraEmulator, type JiraEmulator } from "../emulator.ts";
import { ADA, BOB, FAULT_SCENARIOS, projectWithIssues, withProject } from "./fault-scenarios.ts";
import type { RequestLogEntry } from "./request-log.ts";

let jira: JiraEmulator;
let project: string;

const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${jira.url}/_emulator/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  jira = await createJiraEmulator({
    dataset: { name: "generated", seed: 3, issues: 60 },
    users: [
      { email: ADA[0], token: ADA[1] },
      { email: BOB[0], token: BOB[1] },
    ],
    listen: true,
  });
  project = await projectWithIssues(jira.url);
});
beforeEach(async () => {
  expect((await admin("POST", "reset")).status).toBe(200);
});
afterAll(() => jira.close());

describe("faults through the HTTP admin API", () => {
  it("finds a project to page through", () => {
    expect(project).toMatch(/^[A-Z]+$/);
  });

  it.each(FAULT_SCENARIOS)("$name", async (scenario) => {
    const faults = withProject(scenario.faults, project);
    const put = await admin("PUT", "faults", faults);
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject(faults);
    expect(await (await admin("GET", "faults")).json()).toMatchObject(faults);
    expect((await admin("DELETE", "requests")).status).toBe(204);
    await scenario.check(jira.url, project);
    const log = (await (await admin("GET", "requests")).json()) as RequestLogEntry[];
    expect(log.length).toBeGreaterThan(0);
    for (const entry of log) {
      expect(entry).toMatchObject({ method: "GET", path: expect.stringMatching(/^\/rest\/api\/3\//) });
      expect(typeof entry.status).toBe("number");
      expect(typeof entry.bytes).toBe("number");
      expect(typeof entry.durationMs).toBe("number");
    }
    if (scenario.logged !== null) expect(log.map((e) => e.fault)).toContain(scenario.logged);
  });

  it("DELETE /_emulator/faults switches every fault off", async () => {
    await admin("PUT", "faults", { error500Rate: 1, latencyMs: 10 });
    expect((await admin("DELETE", "faults")).status).toBe(204);
    expect(await (await admin("GET", "faults")).json()).toMatchObject({ error500Rate: 0, latencyMs: 0 });
    const res = await fetch(`${jira.url}/rest/api/3/serverInfo`);
    expect(res.status).toBe(200);
  });

  it.each([
    [{ error500Rate: 2 }, "'error500Rate' must be a number from 0 to 1."],
    [{ latencyMs: "slow" }, "'latencyMs' must be a number of at least 0."],
    [{ pathPattern: "(" }, "'pathPattern' is not a valid regular expression: ("],
    [{ revokedUsers: "ada" }, "'revokedUsers' must be a list of e-mails or account ids."],
    [{ expirePageTokens: "yes" }, "'expirePageTokens' must be true or false."],
    [{ outage: true }, "Unknown fault setting 'outage'."],
  ])("refuses %j with a 400", async (body, message) => {
    const res = await admin("PUT", "faults", body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errorMessages: [message], errors: {} });
    expect(await (await admin("GET", "faults")).json()).toMatchObject({ error500Rate: 0, latencyMs: 0 });
  });
});
