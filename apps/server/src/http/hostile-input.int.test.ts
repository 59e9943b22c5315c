import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

describe.each(TEST_ENGINES)("hostile input on %s", (engine) => {
  let goalpost: Goalpost;
  let ada: HttpSession;
  let orgId: string;

  beforeAll(async () => {
    goalpost = await startTestGoalpost(engine);
    ({ session: ada, orgId } = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@h.test",
      orgName: "H",
    }));
  });
  afterAll(async () => goalpost?.close());

  const raw = (method: "POST" | "PATCH", url: string, payload: string, contentType = "application/json") =>
    goalpost.app.inject({
      method,
      url,
      payload,
      headers: {
        "content-type": contentType,
        origin: "http://goalpost.test",
        cookie: [...ada.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });

  it("answers malformed JSON with 400 malformed_json", async () => {
    const response = await raw("POST", "/api/v1/me/tokens", '{"name": ');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("malformed_json");
  });

  it("accepts an empty body that says it is JSON on routes that take none, and names the body where one is needed", async () => {
    const headers = {
      "content-type": "application/json",
      origin: "http://goalpost.test",
      cookie: [...ada.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    };
    const created = await ada.post("/api/v1/me/tokens", { name: "to revoke" });
    expect(created.statusCode).toBe(201);
    const revoked = await goalpost.app.inject({
      method: "DELETE",
      url: `/api/v1/me/tokens/${created.json().id}`,
      headers,
      payload: "",
    });
    expect(revoked.statusCode, revoked.body).toBe(204);
    const periodId = (await ada.get(`/api/v1/orgs/${orgId}/periods`)).json().items[0].id;
    const objective = (await ada.post(`/api/v1/orgs/${orgId}/objectives`, { title: "O", periodId })).json();
    const refreshed = await goalpost.app.inject({
      method: "POST",
      url: `/api/v1/objectives/${objective.id}/refresh`,
      headers,
      payload: "",
    });
    // Past the body check: refused for what it is (nothing to refresh), not for how it was sent.
    expect(refreshed.json().error).toMatchObject({ code: "conflict", details: { reason: "no_data_source" } });
    const needsBody = await raw("POST", "/api/v1/me/tokens", "");
    expect(needsBody.statusCode).toBe(400);
    expect(needsBody.json().error.code).toBe("validation_failed");
  });

  it.each([
    ["wrong type", { name: 42 }, "body.name"],
    ["missing field", {}, "body.name"],
    ["unknown field", { name: "ok", admin: true }, "body.admin"],
    ["blank string", { name: "   " }, "body.name"],
    ["oversized field", { name: "x".repeat(10_000) }, "body.name"],
    ["NUL character", { name: "a\u0000b" }, "body.name"],
  ])("answers a %s with 400 naming the field", async (_case, body, field) => {
    const response = await ada.post("/api/v1/me/tokens", body);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.details.fields)).toContain(field);
    expect(error.message).toContain(field);
  });

  it("names query-string fields too", async () => {
    const response = await ada.get(`/api/v1/orgs/${orgId}/members?limit=0`);
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.details.fields)).toEqual(["query.limit"]);
  });

  it("refuses a body over the limit with 413, and non-JSON with 415", async () => {
    const huge = await raw(
      "POST",
      "/api/v1/me/tokens",
      JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe("payload_too_large");
    const xml = await raw("POST", "/api/v1/me/tokens", "<name/>", "application/xml");
    expect(xml.statusCode).toBe(415);
  });

  it("answers unknown /api routes with a JSON 404", async () => {
    for (const url of ["/api/v1/nope", "/api/v2/me", "/api/auth/admin/list-users"]) {
      const response = await ada.get(url);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("route_not_found");
    }
  });

  it("refuses cookie-authenticated writes from another origin", async () => {
    const response = await ada.post(
      "/api/v1/me/tokens",
      { name: "csrf" },
      { origin: "https://evil.example" },
    );
    expect(response.statusCode).toBe(403);
    const sameSite = await ada.post("/api/v1/me/tokens", { name: "fine" });
    expect(sameSite.statusCode).toBe(201);
  });

  it("never answers 500 to odd identifiers and cursors", async () => {
    const urls = [
      `/api/v1/orgs/${encodeURIComponent("' or 1=1 --")}/members`,
      `/api/v1/orgs/${"x".repeat(300)}/members`,
      `/api/v1/orgs/${orgId}/members?cursor=${encodeURIComponent("../../etc/passwd")}`,
      `/api/v1/orgs/${orgId}/members?limit=abc`,
      "/api/v1/invites/%00",
    ];
    for (const url of urls) {
      const response = await ada.get(url);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
    }
  });
});
