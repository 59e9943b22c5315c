import { describe, expect, it } from "vitest";
import { safeNextPath, signInPathFor } from "./safe-next";

describe("safeNextPath", () => {
  it("accepts same-origin paths with query and hash", () => {
    expect(safeNextPath("/o/abc/goals")).toBe("/o/abc/goals");
    expect(safeNextPath("/invite/tok?x=1#y")).toBe("/invite/tok?x=1#y");
  });

  it.each([
    null,
    undefined,
    "",
    "https://evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "javascript:alert(1)",
    "o/abc",
    "/signin",
    "/signup?next=/x",
    "/foo\nbar",
  ])("rejects %j", (value) => {
    expect(safeNextPath(value, "/home")).toBe("/home");
  });
});

describe("signInPathFor", () => {
  it("encodes the full location as next", () => {
    expect(signInPathFor({ pathname: "/o/a/goals", search: "?q=1", hash: "" })).toBe(
      "/signin?next=%2Fo%2Fa%2Fgoals%3Fq%3D1",
    );
  });

  it("omits next for the root", () => {
    expect(signInPathFor({ pathname: "/" })).toBe("/signin");
  });

  it("round-trips through URLSearchParams and safeNextPath", () => {
    const path = signInPathFor({ pathname: "/settings/tokens" });
    const next = new URLSearchParams(path.split("?")[1]).get("next");
    expect(safeNextPath(next)).toBe("/settings/tokens");
  });
});
