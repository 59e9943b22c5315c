import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";

describe("OpenAPI document", () => {
  let goalpost: Goalpost;
  const routes: { method: string; url: string }[] = [];
  beforeAll(async () => {
    goalpost = await startTestGoalpost("pglite");
  });
  afterAll(async () => goalpost?.close());

  it("describes every /api/v1 route, generated from the route schemas", async () => {
    const response = await goalpost.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe("3.1.0");
    const listed = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const stack: string[] = [];
    for (const line of goalpost.app.printRoutes({ commonPrefix: false }).split("\n")) {
      const match = /^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)/.exec(line);
      if (!match?.[2] || !match[3]) continue;
      const depth = (match[1] ?? "").length / 4;
      stack.length = depth;
      stack.push(match[2]);
      const url = stack.join("");
      if (!url.startsWith("/api/v1/")) continue;
      for (const method of match[3].split(", ")) routes.push({ method, url });
    }
    expect(routes.length).toBeGreaterThan(10);
    for (const { method, url } of routes) {
      if (method === "HEAD") continue;
      const openApiPath = url.replace(/:(\w+)/g, "{$1}");
      expect(listed, `${method} ${url}`).toContain(`${method} ${openApiPath}`);
    }
  });

  it("serves the browsable docs", async () => {
    const response = await goalpost.app.inject({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("swagger");
  });
});
