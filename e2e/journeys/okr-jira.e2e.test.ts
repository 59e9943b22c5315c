import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { type Goalpost, loadConfig, startGoalpost } from "@goalpost/server";
import { pino } from "pino";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../src/free-port.ts";
import { launchBrowser, screenshot } from "../src/launch-browser.ts";

const EMULATOR_CLI = path.resolve(import.meta.dirname, "../../packages/jira-emulator/src/cli.ts");
const JIRA_ADMIN = { email: "ada@example.com", token: "ada-jira-token" };
/** A member of the demo site's team (printed by the emulator): plays "someone files a story in Jira". */
const JIRA_TEAMMATE = { email: "dana@example.com", token: "dana-token" };
const OBJECTIVE = "Ship feature Email Campaigns";
const KEY_RESULT = "Stories of epic AE-786 done";

/** The bundled Jira emulator (demo dataset) as its own process, on a free port. */
async function startJiraEmulator(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      EMULATOR_CLI,
      "--port",
      String(port),
      "--dataset",
      "demo",
      "--user",
      `${JIRA_ADMIN.email}:${JIRA_ADMIN.token}`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  // Ready when it says where it listens (it prints that once its server is up); an exit first fails.
  let printed = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      printed += String(chunk);
      const listening = /listening on (http\S+)/.exec(printed)?.[1];
      if (listening) resolve(listening);
    });
    child.once("exit", (code) => reject(new Error(`the Jira emulator exited (${code}):\n${printed}`)));
  });
  return { url, child };
}

/** Goalpost serving its production web build, allowed to call the emulator on 127.0.0.1. */
async function startGoalpostWithJira(jiraUrl: string): Promise<{ url: string; goalpost: Goalpost }> {
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: ":memory:",
    SECRETS_KEY: randomBytes(32).toString("base64"),
    JIRA_ALLOW_HOSTS: new URL(jiraUrl).host,
  });
  const goalpost = await startGoalpost(config, { logger: pino({ level: "warn" }), serveWeb: true });
  await goalpost.app.listen({ port, host: "127.0.0.1" });
  return { url: config.publicUrl, goalpost };
}

/** What the bar of `title` announces, e.g. "30%, At risk". */
function barText(page: Page, title: string): Promise<string | null> {
  return page
    .getByRole("progressbar", { name: `${title} progress` })
    .first()
    .getAttribute("aria-valuetext");
}

describe("linking a key result to Jira", () => {
  let jira: Awaited<ReturnType<typeof startJiraEmulator>>;
  let app: Awaited<ReturnType<typeof startGoalpostWithJira>>;
  let browser: Browser;

  beforeAll(async () => {
    jira = await startJiraEmulator();
    app = await startGoalpostWithJira(jira.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.goalpost.close();
    jira?.child.kill("SIGINT");
  });

  it("links a key result by JQL, shows 30%, and 27% once an 11th story is filed and it is refreshed", async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${app.url}/signup`);
    await page.getByLabel("Name", { exact: true }).fill("Dana Product");
    await page.getByLabel("Email", { exact: true }).fill("dana@acme.test");
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
    await page.getByLabel("Organisation name", { exact: true }).fill("Acme");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/o\/[^/]+\/goals/);

    // A new organisation starts with the current quarter.
    await page.getByRole("button", { name: "Create an objective" }).click();
    await page.getByLabel("Objective title").fill(OBJECTIVE);
    await page.getByRole("button", { name: "Create objective" }).click();
    await page.getByRole("heading", { name: OBJECTIVE }).waitFor();

    await page.getByRole("button", { name: `Add key result to ${OBJECTIVE}` }).click();
    await page.getByLabel("Key result title").fill(KEY_RESULT);
    await page.getByLabel("Connect data source to auto-update progress").check();
    // Nobody has a Jira connection yet: the editor offers to create one.
    await page.getByRole("button", { name: "Create a Jira connection" }).click();
    await page.getByLabel("Connection name").fill("Acme Jira");
    await page.getByLabel("Jira site address").fill(jira.url);
    await page.getByLabel("Jira account email").fill(JIRA_ADMIN.email);
    await page.getByLabel("Jira API token").fill(JIRA_ADMIN.token);
    await page.getByRole("button", { name: "Test and save connection" }).click();
    await page.getByText("(the only one you can use)").waitFor();

    await page.getByLabel("JQL query").fill("project AE");
    await page.getByText("Jira says the query is invalid").waitFor();
    await page.getByLabel("JQL query").fill('"Epic Link" = AE-786');
    await page.getByText("this key result would get 3 of 10 issues done → 30%").waitFor();
    await screenshot(page, "okr-01-editor");
    await page.getByRole("button", { name: "Add key result", exact: true }).click();

    await expect.poll(() => barText(page, KEY_RESULT), { timeout: 20_000 }).toMatch(/^30%/);
    await expect.poll(() => barText(page, OBJECTIVE)).toMatch(/^30%/);
    expect(await page.getByRole("img", { name: "Linked to Jira" }).count()).toBe(1);
    await screenshot(page, "okr-02-goals-30");

    const created = await fetch(`${jira.url}/rest/api/3/issue`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${JIRA_TEAMMATE.email}:${JIRA_TEAMMATE.token}`).toString("base64")}`,
        "content-type": "application/json",
        accept: "application/json",
      },
      body: JSON.stringify({
        fields: {
          project: { key: "AE" },
          issuetype: { name: "Story" },
          summary: "Campaign export",
          customfield_10014: "AE-786",
        },
      }),
    });
    expect(created.status).toBe(201);

    await page.getByRole("button", { name: `Refresh ${KEY_RESULT} from Jira` }).click();
    await expect.poll(() => barText(page, KEY_RESULT), { timeout: 20_000 }).toMatch(/^27%/);
    await expect.poll(() => barText(page, OBJECTIVE)).toMatch(/^27%/);
    await expect.poll(() => page.getByText("3 of 11 issues done").first().isVisible()).toBe(true);
    await screenshot(page, "okr-03-goals-27");

    await page.getByRole("link", { name: KEY_RESULT }).click();
    await page.getByRole("heading", { name: "Why this number" }).waitFor();
    await expect.poll(() => page.getByText(/11 matching issues, 3 done/).isVisible()).toBe(true);
    const checkIns = page.getByRole("table", { name: "Check-ins" });
    await expect.poll(() => checkIns.getByRole("row").count()).toBe(3);
    expect(await checkIns.getByText("Jira").count()).toBe(2);
    await screenshot(page, "okr-04-key-result");
  });
});
