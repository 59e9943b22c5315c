import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "../src/launch-browser.ts";
import { startAppServer } from "../src/start-app-server.ts";

describe("a newcomer's first visit", () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("signs up, lands in a new organisation, signs out and signs back in", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The app runs under the server's Content-Security-Policy (no inline scripts): nothing may be refused.
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const shell = await page.goto(`${server.url}/o/nowhere/goals`);
    expect(shell?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.waitForURL(/\/signin/);
    expect(await page.locator("html").getAttribute("data-mantine-color-scheme")).toMatch(/^(light|dark)$/);
    await screenshot(page, "01-sign-in");

    await page
      .getByRole("link", { name: /create an account|sign up/i })
      .first()
      .click();
    await page.waitForURL(/\/signup/);
    await page.getByLabel("Name", { exact: true }).fill("Ada Lovelace");
    await page.getByLabel("Email", { exact: true }).fill("ada@engines.test");
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
    await page.getByLabel("Organisation name", { exact: true }).fill("Analytical Engines");
    await screenshot(page, "02-sign-up-filled");
    await page.getByRole("button", { name: "Create account" }).click();

    await page.waitForURL(/\/o\/[^/]+\/goals/);
    await expect.poll(() => page.getByText("Analytical Engines").first().isVisible()).toBe(true);
    await screenshot(page, "03-goals-empty");

    await page.getByRole("link", { name: "Admin" }).first().click();
    await page.waitForURL(/\/admin\/members/);
    await expect.poll(() => page.getByText("ada@engines.test").first().isVisible()).toBe(true);
    await screenshot(page, "04-members");

    await page
      .getByRole("button", { name: /account menu|Ada Lovelace|user menu/i })
      .first()
      .click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin/);

    await page.getByLabel("Email", { exact: true }).fill("ada@engines.test");
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/o\/[^/]+\/goals/);
    await expect.poll(() => page.getByText("Analytical Engines").first().isVisible()).toBe(true);

    const me = (await page.evaluate(async () => (await fetch("/api/v1/me")).json())) as { orgs: unknown[] };
    expect(me.orgs).toEqual([{ id: expect.any(String), name: "Analytical Engines", role: "admin" }]);
    expect(cspViolations).toEqual([]);
  });

  it("refuses a wrong password with a visible message", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/signin`);
    await page.getByLabel("Email", { exact: true }).fill("ada@engines.test");
    await page.getByLabel("Password", { exact: true }).fill("not my password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() =>
        page
          .getByText(/invalid email or password/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(page.url()).toContain("/signin");
  });
});
