import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { configSchema } from "./config-schema.ts";
import { ConfigError, loadConfig } from "./load-config.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

describe("loadConfig", () => {
  it("applies the documented defaults on an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      publicUrl: "http://127.0.0.1:3000",
      database: { kind: "pglite", dataDir: "./data" },
      jiraAllowHosts: [],
      syncIntervalMinutes: 60,
      changeProbe: true,
      workers: "inline",
    });
  });

  it("switches to PostgreSQL with DATABASE_URL and then requires SECRETS_KEY", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://h/db" })).toThrow(
      /SECRETS_KEY: required with DATABASE_URL/,
    );
    const config = loadConfig({ DATABASE_URL: "postgres://h/db", SECRETS_KEY: "x" });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://h/db" });
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["WORKERS", "sometimes"],
    ["DATABASE_URL", "mysql://h/db"],
    ["SYNC_INTERVAL_MINUTES", "0"],
    ["PUBLIC_URL", "not a url"],
    ["TRUST_PROXY", "maybe"],
  ])("refuses %s=%j naming the variable", (name, value) => {
    try {
      loadConfig({ [name]: value });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain(`${name}:`);
    }
  });

  it("parses JIRA_ALLOW_HOSTS as a list", () => {
    expect(loadConfig({ JIRA_ALLOW_HOSTS: " 127.0.0.1:4010, Jira.Internal " }).jiraAllowHosts).toEqual([
      "127.0.0.1:4010",
      "jira.internal",
    ]);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "" }).port).toBe(3000);
  });
});

describe("documentation of the configuration", () => {
  const variables = Object.keys(configSchema.shape).filter((name) => name !== "NODE_ENV");

  it.each(variables)("%s is in .env.example and in the README table", (name) => {
    expect(readFileSync(path.join(root, ".env.example"), "utf8")).toMatch(new RegExp(`^#? ?${name}=`, "m"));
    expect(readFileSync(path.join(root, "README.md"), "utf8")).toContain(`| \`${name}\``);
  });
});
