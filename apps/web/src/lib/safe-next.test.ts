import { describe, expect, it } from "vitest";
import { inviteTokenFromPath, safeNextPath, signInPathFor, signUpPathFor } from "./safe-next";

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

describe("invite-aware sign-up link", () => {
  it("extracts invite tokens from paths", () => {
    expect(inviteTokenFromPath("/invite/gpi_abc-123")).toBe("gpi_abc-123");
    expect(inviteTokenFromPath("/invite/a%20b?x=1")).toBe("a b");
    expect(inviteTokenFromPath("/o/1/goals")).toBeNull();
    expect(inviteTokenFromPath("/invite/")).toBeNull();
  });

  it("keeps a pending invite when going from sign-in to sign-up", () => {
    expect(signUpPathFor("/invite/tok")).toBe("/signup?invite=tok");
    expect(signUpPathFor("/o/1/goals")).toBe("/signup");
  });
});
