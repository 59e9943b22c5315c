import { createJiraEmulator, type JiraEmulator } from "@goalpost/jira-emulator";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "../src/launch-browser.ts";
import { startAppServer } from "../src/start-app-server.ts";

const JIRA = { email: "ada@example.com", token: "ada-e2e-jira-token" };

const visible = (page: Page, text: string | RegExp) => () => page.getByText(text).first().isVisible();

/** A screenshot once modal and toast transitions have settled. */
async function settledScreenshot(page: Page, name: string) {
  // Wait on state: no CSS animation or transition still running in the page.
  // (A function, not a string: the app's CSP forbids eval; typed by hand as e2e has no DOM library.)
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document
      .getAnimations()
      .every((animation) => animation.playState !== "running"),
  );
  await screenshot(page, name);
}

describe("a Portfolio Manager connects a portfolio to Jira", () => {
  let jira: JiraEmulator;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;

  beforeAll(async () => {
    jira = await createJiraEmulator({ dataset: { name: "demo" }, users: [JIRA], listen: true });
    server = await startAppServer({ JIRA_ALLOW_HOSTS: new URL(jira.url).host });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await jira?.close();
  });

  it("goes through the wizard, links projects, links an epic, and unlinks its project: the epic disappears", async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${server.url}/signin`);
    const orgId = await page.evaluate(async () => {
      const response = await fetch("/api/v1/signup", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          name: "Ada Lovelace",
          email: "ada@engines.test",
          password: "correct horse battery",
          orgName: "Analytical Engines",
        }),
      });
      return ((await response.json()) as { orgId: string }).orgId;
    });

    await page.goto(`${server.url}/o/${orgId}/portfolios`);
    await page.getByRole("button", { name: "New portfolio" }).first().click();
    await page.getByLabel("Name", { exact: true }).fill("Growth");
    await page.getByRole("button", { name: "Create portfolio" }).click();
    await page.waitForURL(/\/portfolios\/[^/]+$/);

    await page.getByRole("tab", { name: "Settings" }).click();
    await page.waitForURL(/\/settings\/integrations/);
    await expect.poll(visible(page, "Not configured")).toBe(true);
    await settledScreenshot(page, "portfolio-01-jira-not-configured");

    await page.getByRole("button", { name: "Configure Jira Integration" }).click();
    await expect.poll(visible(page, "Before you start")).toBe(true);
    await settledScreenshot(page, "portfolio-02-wizard-prerequisites");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Jira Environment URL").fill(jira.url);
    await page.getByLabel("Account").fill(JIRA.email);
    await page.getByLabel("API Token").fill("not-the-token");
    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(visible(page, "Jira did not accept these details")).toBe(true);
    await expect.poll(() => page.getByTestId("jira-messages").isVisible()).toBe(true);
    await settledScreenshot(page, "portfolio-03-wizard-jira-error");
    await page.getByLabel("API Token").fill(JIRA.token);
    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(visible(page, /Connected as/)).toBe(true);
    await page.getByLabel("Search projects").fill("a");
    await page.getByRole("checkbox", { name: "Acme Engagement (AE)" }).check();
    await page.getByRole("checkbox", { name: "Atlas (ATL)" }).check();
    await expect.poll(() => page.getByTestId("project-count").textContent()).toMatch(/^2 selected/);
    await settledScreenshot(page, "portfolio-04-wizard-projects");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => page.getByTestId("jira-configured-card").isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId("project-ATL").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Link Projects" }).click();
    await page.getByRole("checkbox", { name: "Beacon (BEA)" }).check();
    await page.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => page.getByTestId("project-BEA").isVisible()).toBe(true);
    await settledScreenshot(page, "portfolio-05-jira-configured");

    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByRole("button", { name: "New initiative" }).click();
    await page.getByLabel("Title").fill("Email campaigns");
    await page.getByRole("button", { name: "Add initiative" }).click();
    await page.getByRole("link", { name: "Email campaigns" }).click();
    await page.waitForURL(/\/initiatives\//);
    await page.getByRole("button", { name: "Link epic" }).click();
    await page.getByLabel("Search epics of the linked projects").fill("Email");
    await page.getByRole("radio", { name: /AE-786/ }).check();
    await page.getByRole("dialog").getByRole("button", { name: "Link epic" }).click();
    await expect.poll(() => page.getByTestId("epic-AE-786").isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId("epic-AE-786").textContent()).toContain("3/10 issues done");
    await settledScreenshot(page, "portfolio-06-initiative-with-epic");
    await page.getByRole("link", { name: "All initiatives" }).click();
    await expect.poll(visible(page, "30%")).toBe(true);
    await settledScreenshot(page, "portfolio-07-overview");

    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Unlink AE" }).click();
    await expect.poll(() => page.getByTestId("cascade-epics").textContent()).toContain("AE-786");
    await settledScreenshot(page, "portfolio-08-unlink-cascade");
    await page.getByRole("dialog").getByRole("button", { name: "Unlink" }).click();
    await expect.poll(() => page.getByTestId("project-AE").count()).toBe(0);

    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByRole("link", { name: "Email campaigns" }).click();
    await expect.poll(visible(page, "No epics linked yet")).toBe(true);
    expect(await page.getByTestId("epic-AE-786").count()).toBe(0);
    await settledScreenshot(page, "portfolio-09-epic-gone");

    const writes = jira.admin
      .requestLog()
      .filter(
        (r) =>
          r.method !== "GET" && !["/rest/api/3/search/jql", "/rest/api/3/issue/bulkfetch"].includes(r.path),
      );
    expect(writes).toEqual([]);
  });
});
