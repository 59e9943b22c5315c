import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { at, call, demoEmulator, list } from "../test-support.ts";

/** 12:00 UTC on 1 November is already 01:00 on 2 November in Auckland (UTC+13 in summer). */
const NOON_UTC = new Date("2026-11-01T12:00:00.000Z");

/** Creates an issue at the frozen clock and asks whether `created >= "2026-11-02"` finds it. */
async function createdOnTheSecond(jira: JiraEmulator): Promise<boolean> {
  const created = await call(jira, "POST", "/rest/api/2/issue", {
    body: { fields: { project: { key: "AE" }, issuetype: { name: "Task" }, summary: "At noon UTC" } },
  });
  expect(created.status).toBe(201);
  const key = String(at(created.body, "key"));
  const found = await call(jira, "POST", "/rest/api/2/search", {
    body: { jql: `key = ${key} AND created >= "2026-11-02"`, fields: ["created"] },
  });
  expect(found.status).toBe(200);
  return list(found.body, "issues").length === 1;
}

describe("JQL dates on a Data Center server with its own time zone", () => {
  let auckland: JiraEmulator;
  let utc: JiraEmulator;
  beforeAll(async () => {
    auckland = await demoEmulator({
      deployment: "data-center",
      frozenClock: NOON_UTC,
      timeZone: "Pacific/Auckland",
    });
    utc = await demoEmulator({ deployment: "data-center", frozenClock: NOON_UTC });
  });
  afterAll(async () => {
    await auckland.close();
    await utc.close();
  });

  it("reads a date in the server's zone: the same instant is 2 November in Auckland, 1 November in UTC", async () => {
    expect(await createdOnTheSecond(auckland)).toBe(true);
    expect(await createdOnTheSecond(utc)).toBe(false);
    const me = await call(auckland, "GET", "/rest/api/2/myself");
    expect(at(me.body, "timeZone")).toBe("Pacific/Auckland");
  });
});
