import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../src/free-port.ts";
import { launchBrowser, screenshot } from "../src/launch-browser.ts";

const DEMO = path.resolve(import.meta.dirname, "../../apps/server/src/demo/demo.ts");
const PHONE = { width: 390, height: 844 };

/** `npm run demo` as its own process (its Jira emulator included) on free ports, in a scratch data folder. */
async function startDemo(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), "goalpost-phone-"));
  const child = spawn(process.execPath, [DEMO], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DEMO_JIRA_PORT: "0", DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Goalpost demo is running")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`the demo exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, dataDir };
}

/** How wide the page is laid out: more than the viewport means it scrolls sideways. */
const layoutWidth = (page: Page): Promise<number> =>
  page.evaluate("document.documentElement.scrollWidth") as Promise<number>;

describe("every main page fits a 390 px phone", () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let browser: Browser;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (demo) {
      // The demo closes its embedded database on SIGINT: remove its folder only once it has exited.
      const child = demo.child;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGINT");
        await exited;
      }
      await rm(demo.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  });

  it("never scrolls sideways", { timeout: 180_000 }, async () => {
    const page = await browser.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${demo.url}/signin`);
    await page.getByLabel("Email").fill("demo@goalpost.test");
    await page.getByLabel("Password").fill("goalpost-demo");
    await page.getByRole("button", { name: /sign in/i }).click();
    await page.waitForURL(/\/o\/[^/]+\/goals/);
    const org = new URL(page.url()).pathname.split("/")[2] ?? "";
    const widths: Record<string, number> = {};
    const check = async (name: string, ready: () => Promise<unknown>) => {
      await ready();
      await page.waitForLoadState("networkidle");
      widths[name] = await layoutWidth(page);
      await screenshot(page, `phone-${name}`);
    };
    const visit = async (name: string, url: string, text: string | RegExp) =>
      check(name, async () => {
        await page.goto(`${demo.url}${url}`);
        await page.getByText(text).first().waitFor();
      });

    await visit("goals", `/o/${org}/goals`, "Win mid-market customers");
    await visit("alignment", `/o/${org}/goals/alignment`, "Grow the team");
    await check("key-result", async () => {
      await page.goto(`${demo.url}/o/${org}/goals`);
      await page.getByRole("link", { name: "Ship feature Email Campaigns" }).first().click();
      await page.getByText("Why this number").waitFor();
    });
    await check("objective", async () => {
      await page.goto(`${demo.url}/o/${org}/goals`);
      await page.getByRole("link", { name: "Launch Email Campaigns" }).first().click();
      await page.getByText("Progress over time").waitFor();
    });
    await visit("jira", `/o/${org}/jira`, "Connections");
    await visit("portfolios", `/o/${org}/portfolios`, "Portfolios");
    await check("portfolio", async () => {
      await page
        .getByRole("link")
        .filter({ hasText: /portfolio/i })
        .last()
        .click();
      await page
        .getByText(/initiative/i)
        .first()
        .waitFor();
    });
    await check("initiative", async () => {
      await page.locator('a[href*="/initiatives/"]').first().click();
      await page.getByText("All initiatives").waitFor();
    });
    await visit("members", `/o/${org}/admin/members`, "Members");
    await visit("tokens", "/settings/tokens", "API tokens");
    await visit("account", "/settings/account", "Sign out everywhere");

    expect(Object.keys(widths)).toHaveLength(11);
    expect(widths).toEqual(Object.fromEntries(Object.keys(widths).map((name) => [name, PHONE.width])));
  });
});
