import { describe, expect, it } from "vitest";
import { initials } from "./initials";
import { pickCurrentOrgId } from "./last-org";
import { pageTitle } from "./use-page-title";
import { validateEmail, validateNewPassword } from "./validation";

describe("initials", () => {
  it("uses the first and last word", () => {
    expect(initials("Ada King Lovelace")).toBe("AL");
    expect(initials("  cher ")).toBe("C");
    expect(initials("")).toBe("?");
  });
});

describe("pickCurrentOrgId", () => {
  const ids = ["a", "b", "c"];
  it("prefers the URL, then the last visited org, then the first", () => {
    expect(pickCurrentOrgId(ids, "b", "c")).toBe("b");
    expect(pickCurrentOrgId(ids, "zzz", "c")).toBe("c");
    expect(pickCurrentOrgId(ids, null, "gone")).toBe("a");
    expect(pickCurrentOrgId([], "a", "a")).toBeNull();
  });
});

describe("validation", () => {
  it("validates emails", () => {
    expect(validateEmail("ada@example.com")).toBeNull();
    expect(validateEmail("")).toMatch(/Enter your email/);
    expect(validateEmail("ada@")).toMatch(/valid email/);
  });

  it("requires 8+ character passwords", () => {
    expect(validateNewPassword("")).toMatch(/Choose/);
    expect(validateNewPassword("short")).toMatch(/8 characters/);
    expect(validateNewPassword("long enough")).toBeNull();
  });
});

describe("pageTitle", () => {
  it("joins parts and skips empty ones", () => {
    expect(pageTitle("Goals", "Acme")).toBe("Goals · Acme · Goalpost");
    expect(pageTitle("Sign in", undefined)).toBe("Sign in · Goalpost");
  });
});
