import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, apiRequest, isClientError, withQuery } from "./client";

function mockFetch(response: Response | Error) {
  const fn = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal("fetch", fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("apiRequest", () => {
  it("sends JSON with credentials and returns the parsed body", async () => {
    const fetchMock = mockFetch(new Response(JSON.stringify({ id: "o1", name: "Acme" }), { status: 201 }));
    const result = await apiRequest<{ id: string }>("/api/v1/orgs", {
      method: "POST",
      body: { name: "Acme" },
    });
    expect(result).toEqual({ id: "o1", name: "Acme" });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("/api/v1/orgs");
    expect(init?.credentials).toBe("include");
    expect(init?.method).toBe("POST");
    expect(init?.body).toBe(JSON.stringify({ name: "Acme" }));
    expect(init?.headers).toMatchObject({ "Content-Type": "application/json" });
  });

  it("returns undefined for 204 No Content", async () => {
    mockFetch(new Response(null, { status: 204 }));
    await expect(apiRequest("/api/v1/me/tokens/t1", { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("throws an ApiError built from the error envelope", async () => {
    const body = { error: { code: "email_taken", message: "That email is already registered." } };
    mockFetch(new Response(JSON.stringify(body), { status: 409 }));
    const error = await apiRequest("/api/v1/signup", { method: "POST", body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: "email_taken",
      message: "That email is already registered.",
    });
  });

  it("turns network failures into a network_error ApiError", async () => {
    mockFetch(new TypeError("Failed to fetch"));
    await expect(apiRequest("/api/v1/me")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });

  it("copes with non-JSON error bodies", async () => {
    mockFetch(new Response("<html>oops</html>", { status: 500 }));
    await expect(apiRequest("/api/v1/me")).rejects.toMatchObject({ status: 500, code: "http_500" });
  });
});

describe("withQuery", () => {
  it("adds defined params and skips empty ones", () => {
    expect(withQuery("/x", { limit: 50, cursor: null })).toBe("/x?limit=50");
    expect(withQuery("/x", { cursor: "a b" })).toBe("/x?cursor=a+b");
    expect(withQuery("/x", {})).toBe("/x");
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
