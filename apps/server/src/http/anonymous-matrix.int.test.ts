import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";

/**
 * What an anonymous caller gets from every operation of the OpenAPI document (ids that exist nowhere, an empty
 * JSON body on writes). Every operation must be listed: a new route without an entry fails this test. Only
 * sign-up, the invite lookup and the health probes are public; every other operation answers 401 before its
 * body or ids are looked at.
 */
const ANONYMOUS: Record<string, number> = {
  "DELETE /api/v1/initiatives/{id}": 401,
  "DELETE /api/v1/initiatives/{id}/epics/{key}": 401,
  "DELETE /api/v1/jira/connections/{id}": 401,
  "DELETE /api/v1/key-results/{id}": 401,
  "DELETE /api/v1/me/tokens/{tokenId}": 401,
  "DELETE /api/v1/objectives/{id}": 401,
  "DELETE /api/v1/orgs/{orgId}/invites/{inviteId}": 401,
  "DELETE /api/v1/orgs/{orgId}/members/{userId}": 401,
  "DELETE /api/v1/periods/{id}": 401,
  "DELETE /api/v1/portfolios/{id}": 401,
  "DELETE /api/v1/portfolios/{id}/jira": 401,
  "DELETE /api/v1/portfolios/{id}/jira/projects/{key}": 401,
  "DELETE /api/v1/portfolios/{id}/members/{userId}": 401,
  "GET /api/v1/initiatives/{id}": 401,
  "GET /api/v1/initiatives/{id}/epics": 401,
  "GET /api/v1/invites/{token}": 404,
  "GET /api/v1/jira/connections/{id}": 401,
  "GET /api/v1/jira/connections/{id}/fields": 401,
  "GET /api/v1/jira/connections/{id}/webhook": 401,
  "GET /api/v1/key-results/{id}": 401,
  "GET /api/v1/key-results/{id}/comments": 401,
  "GET /api/v1/key-results/{id}/history": 401,
  "GET /api/v1/key-results/{id}/issues": 401,
  "GET /api/v1/me": 401,
  "GET /api/v1/me/portfolios": 401,
  "GET /api/v1/me/tokens": 401,
  "GET /api/v1/objectives/{id}": 401,
  "GET /api/v1/objectives/{id}/history": 401,
  "GET /api/v1/objectives/{id}/issues": 401,
  "GET /api/v1/orgs/{orgId}/integrations/jira": 401,
  "GET /api/v1/orgs/{orgId}/invites": 401,
  "GET /api/v1/orgs/{orgId}/jira/connections": 401,
  "GET /api/v1/orgs/{orgId}/members": 401,
  "GET /api/v1/orgs/{orgId}/objectives": 401,
  "GET /api/v1/orgs/{orgId}/periods": 401,
  "GET /api/v1/orgs/{orgId}/periods/{id}/alignment": 401,
  "GET /api/v1/orgs/{orgId}/periods/{id}/export.csv": 401,
  "GET /api/v1/orgs/{orgId}/portfolios": 401,
  "GET /api/v1/portfolios/{id}": 401,
  "GET /api/v1/portfolios/{id}/initiatives": 401,
  "GET /api/v1/portfolios/{id}/jira": 401,
  "GET /api/v1/portfolios/{id}/jira/available-projects": 401,
  "GET /api/v1/portfolios/{id}/jira/delete-preview": 401,
  "GET /api/v1/portfolios/{id}/jira/epics": 401,
  "GET /api/v1/portfolios/{id}/jira/projects": 401,
  "GET /api/v1/portfolios/{id}/jira/projects/{key}/unlink-preview": 401,
  "GET /api/v1/portfolios/{id}/members": 401,
  "GET /healthz": 200,
  "GET /readyz": 200,
  "PATCH /api/v1/initiatives/{id}": 401,
  "PATCH /api/v1/jira/connections/{id}": 401,
  "PATCH /api/v1/key-results/{id}": 401,
  "PATCH /api/v1/objectives/{id}": 401,
  "PATCH /api/v1/orgs/{orgId}/members/{userId}": 401,
  "PATCH /api/v1/periods/{id}": 401,
  "PATCH /api/v1/portfolios/{id}": 401,
  "POST /api/v1/initiatives/{id}/epics": 401,
  "POST /api/v1/invites/{token}/accept": 401,
  "POST /api/v1/jira/connections/{id}/jql/check": 401,
  "POST /api/v1/jira/connections/{id}/test": 401,
  "POST /api/v1/key-results/{id}/check-ins": 401,
  "POST /api/v1/key-results/{id}/comments": 401,
  "POST /api/v1/key-results/{id}/refresh": 401,
  "POST /api/v1/me/tokens": 401,
  "POST /api/v1/objectives/{id}/key-results": 401,
  "POST /api/v1/objectives/{id}/refresh": 401,
  "POST /api/v1/orgs": 401,
  "POST /api/v1/orgs/{orgId}/invites": 401,
  "POST /api/v1/orgs/{orgId}/jira/connections": 401,
  "POST /api/v1/orgs/{orgId}/objectives": 401,
  "POST /api/v1/orgs/{orgId}/periods": 401,
  "POST /api/v1/orgs/{orgId}/portfolios": 401,
  "POST /api/v1/portfolios/{id}/initiatives": 401,
  "POST /api/v1/portfolios/{id}/jira/check": 401,
  "POST /api/v1/portfolios/{id}/jira/projects": 401,
  "POST /api/v1/portfolios/{id}/jira/refresh": 401,
  "POST /api/v1/portfolios/{id}/members": 401,
  "POST /api/v1/signup": 400,
  "PUT /api/v1/orgs/{orgId}/integrations/jira": 401,
  "PUT /api/v1/portfolios/{id}/jira": 401,
  "PUT /api/v1/portfolios/{id}/members/{userId}": 401,
  "POST /api/v1/jira/connections/{id}/webhook/rotate": 401,
  // No session: a delivery authenticates by the HMAC of its body; an unknown hook or no signature is 401.
  "POST /api/v1/hooks/jira/{hookId}": 401,
};

describe("every API operation, called anonymously", () => {
  let goalpost: Goalpost;
  let operations: { method: string; path: string }[] = [];
  beforeAll(async () => {
    goalpost = await startTestGoalpost("pglite");
    const document = (await goalpost.app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
  afterAll(async () => goalpost?.close());

  it("answers what the table says, never 2xx for a non-public operation, never 5xx", async () => {
    const seen: Record<string, number> = {};
    for (const { method, path } of operations) {
      const url = path.replace(/\{[^}]+\}/g, () => randomUUID());
      const write = method !== "GET" && method !== "DELETE";
      const response = await goalpost.app.inject({
        method: method as "GET",
        url,
        headers: { origin: "http://goalpost.test", ...(write ? { "content-type": "application/json" } : {}) },
        ...(write ? { payload: "{}" } : {}),
      });
      seen[`${method} ${path}`] = response.statusCode;
    }
    expect(Object.values(seen).every((s) => s < 500)).toBe(true);
    expect(seen).toEqual(ANONYMOUS);
  });
});
