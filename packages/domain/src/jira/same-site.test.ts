import { describe, expect, it } from "vitest";
import { isSameJiraSite } from "./same-site.ts";

describe("isSameJiraSite", () => {
  it.each([
    ["https://acme.atlassian.net", "https://acme.atlassian.net", true],
    ["https://acme.atlassian.net", "https://acme.atlassian.net/", true],
    ["https://acme.atlassian.net", "https://ACME.atlassian.net", true],
    ["https://acme.atlassian.net", "https://acme.atlassian.net:443", true],
    ["https://jira.acme.test/jira", "https://jira.acme.test/other", true],
    ["https://acme.atlassian.net", "https://attacker.example", false],
    ["https://acme.atlassian.net", "http://acme.atlassian.net", false],
    ["https://acme.atlassian.net", "https://acme.atlassian.net:8443", false],
    ["https://acme.atlassian.net", "https://acme.atlassian.net.attacker.example", false],
    ["https://acme.atlassian.net", "https://acme.atlassian.net@attacker.example", false],
    ["https://acme.atlassian.net", "nope", false],
    ["nope", "nope", false],
    ["https://acme.atlassian.net", "ftp://acme.atlassian.net", false],
  ])("%s then %s → %s", (saved, next, same) => {
    expect(isSameJiraSite(saved, next)).toBe(same);
  });
});
