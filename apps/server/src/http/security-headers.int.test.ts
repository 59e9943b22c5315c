import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost, TEST_PUBLIC_URL } from "../testing/start-test-goalpost.ts";
import { installSecurityHeaders } from "./security-headers.ts";
import { serveWeb } from "./serve-web.ts";

/** Every `<script>` of an HTML page that has no `src` (an inline script, refused by `script-src 'self'`). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)]
    .map((m) => m[1] ?? "")
    .filter((attrs) => !/\bsrc=/i.test(attrs));
}

function expectSecurityHeaders(response: LightMyRequestResponse, what: string): void {
  const csp = String(response.headers["content-security-policy"] ?? "");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).toContain("object-src 'none'");
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc, what).not.toContain("unsafe-inline");
  expect(scriptSrc, what).not.toContain("unsafe-eval");
  expect(response.headers["x-frame-options"], what).toBe("DENY");
  expect(response.headers["x-content-type-options"], what).toBe("nosniff");
  expect(response.headers["referrer-policy"], what).toBe("no-referrer");
}

describe.each(["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgres" as const] : [])] as const)(
  "security headers (%s)",
  (engine) => {
    let goalpost: Goalpost;
    beforeAll(async () => {
      goalpost = await startTestGoalpost(engine);
    });
    afterAll(async () => goalpost?.close());

    it("are on API answers, errors, the OpenAPI docs and CSV exports", async () => {
      const { session, orgId } = await signUpWithOrg(goalpost.app, {
        name: "Ada",
        email: "ada@example.com",
        orgName: "Acme",
      });
      const periods = await session.get(`/api/v1/orgs/${orgId}/periods`);
      expectSecurityHeaders(periods, "JSON list");
      const periodId = (periods.json() as { items: { id: string }[] }).items[0]?.id;
      const csv = await session.get(`/api/v1/orgs/${orgId}/periods/${periodId}/export.csv`);
      expect(csv.statusCode).toBe(200);
      expectSecurityHeaders(csv, "CSV");
      expectSecurityHeaders(await httpSession(goalpost.app).get("/api/v1/me"), "401");
      expectSecurityHeaders(await session.get("/api/v1/nothing-here"), "404");
      expectSecurityHeaders(await session.post("/api/v1/signup", { nope: 1 }), "400");
      expectSecurityHeaders(await session.get("/api/docs/"), "API docs");
      expectSecurityHeaders(await session.get("/healthz"), "health");
      expect(TEST_PUBLIC_URL.startsWith("http:")).toBe(true);
    });
  },
);

describe("security headers on the web app", () => {
  let dist: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), "goalpost-web-"));
    await mkdir(path.join(dist, "assets"));
    await writeFile(path.join(dist, "index.html"), "<!doctype html><title>Goalpost</title>");
    await writeFile(path.join(dist, "assets", "index-abc.js"), "console.log(1)");
    app = Fastify();
    installSecurityHeaders(app, "https://goals.example.com");
    const fallback = await serveWeb(app, dist);
    if (fallback === null) throw new Error("web app not served");
    app.setNotFoundHandler(fallback);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await rm(dist, { recursive: true, force: true });
  });

  it("are on the app shell, deep links and assets; HSTS when served over https", async () => {
    for (const url of ["/", "/orgs/1/goals", "/assets/index-abc.js", "/invite/abc"]) {
      const response = await app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expectSecurityHeaders(response, url);
      expect(response.headers["strict-transport-security"], url).toBe("max-age=15552000");
    }
  });
});

describe("the web app under the CSP", () => {
  it("has no inline script in its HTML shell (the colour-scheme script is a file)", async () => {
    const html = await readFile(new URL("../../../web/index.html", import.meta.url), "utf8");
    expect(html).toContain('<script src="/color-scheme.js"></script>');
    expect(inlineScripts(html)).toEqual([]);
    expect(
      inlineScripts('<script>alert(1)</script><script type="module" src="/a.js"></script>'),
    ).toHaveLength(1);
  });
});
