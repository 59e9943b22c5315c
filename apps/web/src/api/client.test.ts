import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { mockApi, server } from "../testing/api-server";
import { buildMe } from "../testing/builders";
import { ApiError, answer, apiRequest, client, isClientError } from "./client";

describe("apiRequest", () => {
  it("sends JSON with credentials and returns the parsed body", async () => {
    const calls = mockApi({ "POST /api/auth/update-user": { status: 200, body: { status: true } } });
    const result = await apiRequest<{ status: boolean }>("/api/auth/update-user", {
      method: "POST",
      body: { name: "Ada" },
    });
    expect(result).toEqual({ status: true });
    expect(calls.bodies("POST /api/auth/update-user")).toEqual([{ name: "Ada" }]);
  });

  it("throws an ApiError built from the error envelope", async () => {
    const body = { error: { code: "email_taken", message: "That email is already registered." } };
    mockApi({ "POST /api/auth/sign-up/email": { status: 409, body } });
    const error = await apiRequest("/api/auth/sign-up/email", { method: "POST", body: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: "email_taken",
      message: "That email is already registered.",
    });
  });

  it("turns network failures into a network_error ApiError", async () => {
    server.use(http.post("/api/auth/sign-out", () => HttpResponse.error()));
    await expect(apiRequest("/api/auth/sign-out", { method: "POST" })).rejects.toMatchObject({
      status: 0,
      code: "network_error",
    });
  });
});

describe("the typed client", () => {
  it("answers the parsed body of a 2xx", async () => {
    const me = buildMe();
    mockApi({ "GET /api/v1/me": { status: 200, body: me } });
    await expect(answer(client.GET("/api/v1/me"))).resolves.toEqual(me);
  });

  it("sends path parameters, query and JSON body where the OpenAPI document puts them", async () => {
    const calls = mockApi({ "PATCH /api/v1/periods/p%201": { status: 200, body: {} } });
    await answer(
      client.PATCH("/api/v1/periods/{id}", { params: { path: { id: "p 1" } }, body: { name: "Q1" } }),
    );
    expect(calls.bodies("PATCH /api/v1/periods/p%201")).toEqual([{ name: "Q1" }]);
    const listed = mockApi({
      "GET /api/v1/orgs/o1/members": { status: 200, body: { items: [], nextCursor: null } },
    });
    await answer(
      client.GET("/api/v1/orgs/{orgId}/members", { params: { path: { orgId: "o1" }, query: { limit: 5 } } }),
    );
    expect(listed.to("GET /api/v1/orgs/o1/members")[0]?.url.search).toBe("?limit=5");
  });

  it("answers undefined for 204 No Content", async () => {
    mockApi({ "DELETE /api/v1/me/tokens/t1": { status: 204 } });
    await expect(
      answer(client.DELETE("/api/v1/me/tokens/{tokenId}", { params: { path: { tokenId: "t1" } } })),
    ).resolves.toBeUndefined();
  });

  it("rejects with the API's error, and copes with a body that is not JSON", async () => {
    mockApi({
      "GET /api/v1/me": { status: 401, body: { error: { code: "unauthenticated", message: "Sign in." } } },
    });
    await expect(answer(client.GET("/api/v1/me"))).rejects.toMatchObject({
      status: 401,
      code: "unauthenticated",
    });
    server.use(http.get("/api/v1/me", () => new HttpResponse("<html>oops</html>", { status: 500 })));
    await expect(answer(client.GET("/api/v1/me"))).rejects.toMatchObject({ status: 500, code: "http_500" });
  });

  it("turns network failures into a network_error ApiError", async () => {
    server.use(http.get("/api/v1/me", () => HttpResponse.error()));
    await expect(answer(client.GET("/api/v1/me"))).rejects.toMatchObject({
      status: 0,
      code: "network_error",
    });
  });
});

describe("isClientError", () => {
  it("is true for 4xx ApiErrors only", () => {
    expect(isClientError(new ApiError(404, "not_found", "x"))).toBe(true);
    expect(isClientError(new ApiError(503, "http_503", "x"))).toBe(false);
    expect(isClientError(new ApiError(0, "network_error", "x"))).toBe(false);
    expect(isClientError(new Error("x"))).toBe(false);
  });
});
