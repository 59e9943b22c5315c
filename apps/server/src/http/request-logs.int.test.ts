import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { capturedLogs } from "../testing/captured-logs.ts";
import { httpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";

describe("request logs and metrics", () => {
  let goalpost: Goalpost;
  const { logger, lines } = capturedLogs("info");
  beforeAll(async () => {
    goalpost = await startTestGoalpost("pglite", {}, logger);
  });
  afterAll(async () => goalpost?.close());

  it("log every request without passwords, cookies, API tokens or invite tokens", async () => {
    const { session, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@l.test",
      orgName: "L",
    });
    await session.post("/api/auth/sign-in/email", { email: "ada@l.test", password: "correct horse battery" });
    const { token } = (await session.post("/api/v1/me/tokens", { name: "t" })).json() as { token: string };
    await httpSession(goalpost.app, { bearer: token }).get("/api/v1/me?secret=query");
    const invite = (await session.post(`/api/v1/orgs/${orgId}/invites`, {})).json() as { token: string };
    await httpSession(goalpost.app).get(`/api/v1/invites/${invite.token}`);

    const log = lines.join("");
    expect(log).toContain('"url":"/api/v1/me"');
    expect(log).toContain("/api/v1/invites/[redacted]");
    const cookieValue = [...session.cookies.values()][0] ?? "no-cookie";
    for (const secret of ["correct horse battery", token, invite.token, cookieValue, "secret=query"]) {
      expect(log).not.toContain(secret);
    }
  });

  it("exposes HTTP and job metrics for Prometheus", async () => {
    const response = await goalpost.app.inject({ method: "GET", url: "/metrics" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    expect(response.body).toMatch(
      /goalpost_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/me",status="200"\}/,
    );
    expect(response.body).toContain("# TYPE goalpost_jobs_total counter");
    expect(response.body).toContain("process_cpu_seconds_total");
  });

  it("reports readiness of the database and the queue", async () => {
    const response = await goalpost.app.inject({ method: "GET", url: "/readyz" });
    expect(response.json()).toEqual({ status: "ready", checks: { database: true, queue: true } });
  });
});
