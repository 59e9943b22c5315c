import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JiraEmulator } from "../emulator.ts";
import { at, call, demoEmulator } from "../test-support.ts";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let jira: JiraEmulator;
let receiver: Server;
let receiverUrl = "";
const received: Received[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      const failing = body.includes("jira:issue_updated") && failuresLeft-- > 0;
      res.writeHead(failing ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  jira = await demoEmulator({ listen: true, webhooks: { retryDelayMs: 10 } });
});
afterAll(async () => {
  await jira.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe("admin webhooks", () => {
  it("delivers created/updated/deleted events matching the JQL filter, signed, with retries", async () => {
    const registered = await call(jira, "POST", "/rest/webhooks/1.0/webhook", {
      body: {
        name: "goalpost",
        url: receiverUrl,
        events: ["jira:issue_created", "jira:issue_updated", "jira:issue_deleted"],
        filters: { "issue-related-events-section": "project = AE" },
        secret: "s3cret",
      },
    });
    expect(registered.status).toBe(201);
    await call(jira, "POST", "/rest/api/3/issue", {
      body: { fields: { project: { key: "ATL" }, issuetype: { name: "Task" }, summary: "Not matched" } },
    });
    const created = await call(jira, "POST", "/rest/api/3/issue", {
      body: { fields: { project: { key: "AE" }, issuetype: { name: "Bug" }, summary: "Matched" } },
    });
    const key = String(at(created.body, "key"));
    await jira.admin.webhooksIdle();
    failuresLeft = 2;
    await call(jira, "PUT", `/rest/api/3/issue/${key}`, { body: { fields: { summary: "Matched, edited" } } });
    await call(jira, "DELETE", `/rest/api/3/issue/${key}`);
    await jira.admin.webhooksIdle();
    const events = received.map((r) => at(JSON.parse(r.body), "webhookEvent"));
    expect(events.filter((e) => e === "jira:issue_created")).toHaveLength(1);
    expect(events.filter((e) => e === "jira:issue_updated")).toHaveLength(3);
    expect(events.filter((e) => e === "jira:issue_deleted")).toHaveLength(1);
    const updates = received.filter((r) => at(JSON.parse(r.body), "webhookEvent") === "jira:issue_updated");
    expect(updates.map((u) => u.headers["x-atlassian-webhook-retry"])).toEqual(["0", "1", "2"]);
    expect(new Set(updates.map((u) => u.headers["x-atlassian-webhook-identifier"])).size).toBe(1);
    const first = updates[0];
    expect(first?.headers["x-hub-signature"]).toBe(
      `sha256=${createHmac("sha256", "s3cret")
        .update(first?.body ?? "")
        .digest("hex")}`,
    );
    expect(at(JSON.parse(first?.body ?? "{}"), "changelog", "items", 0, "field")).toBe("summary");
    expect(at(JSON.parse(first?.body ?? "{}"), "issue", "key")).toBe(key);
  });
});
