import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url.ts";

describe("redactUrl", () => {
  it.each([
    ["/api/v1/me", "/api/v1/me"],
    ["/api/v1/me?token=abc", "/api/v1/me"],
    ["/api/v1/invites/gpi_secret", "/api/v1/invites/[redacted]"],
    ["/api/v1/invites/gpi_secret/accept", "/api/v1/invites/[redacted]/accept"],
    ["/api/v1/orgs/o1/invites/i1", "/api/v1/orgs/o1/invites/i1"],
    ["/invite/gpi_secret", "/invite/[redacted]"],
    ["/invite/gpi_secret?x=1", "/invite/[redacted]"],
    ["/invite/gpi_secret/", "/invite/[redacted]/"],
    ["/o/acme/invite/x", "/o/acme/invite/x"],
  ])("%s → %s", (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
