/**
 * Every fault type switched on by CLI flags: the CLI is spawned once per fault type on a free port, the fault is
 * observed over real HTTP, the request log records it, and the process stops on SIGINT.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { startCli, stopCli } from "../test-support-cli.ts";
import { ADA, BOB, FAULT_SCENARIOS, projectWithIssues, withProject } from "./fault-scenarios.ts";
import type { RequestLogEntry } from "./request-log.ts";

/** A small deterministic generated site. */
const SITE = ["--dataset", "generated", "--seed", "3", "--issues", "60"];
const USERS = ["--user", `${ADA[0]}:${ADA[1]}`, "--user", `${BOB[0]}:${BOB[1]}`];

let project: string;
beforeAll(async () => {
  const probe = await startCli([...SITE, ...USERS]);
  project = await projectWithIssues(probe.url);
  expect(await stopCli(probe)).toEqual({ code: 0, signal: null });
  expect(project).toMatch(/^[A-Z]+$/);
});

describe("faults set by CLI flags", () => {
  it.each(FAULT_SCENARIOS)("$name", async (scenario) => {
    const cli = await startCli([...SITE, ...USERS, ...withProject(scenario.cli, project)]);
    try {
      const faults = withProject(scenario.faults, project);
      expect(await (await fetch(`${cli.url}/_emulator/faults`)).json()).toMatchObject(faults);
      await scenario.check(cli.url, project);
      const log = (await (await fetch(`${cli.url}/_emulator/requests`)).json()) as RequestLogEntry[];
      if (scenario.logged !== null) expect(log.map((e) => e.fault)).toContain(scenario.logged);
    } finally {
      expect(await stopCli(cli)).toEqual({ code: 0, signal: null });
    }
  });
});
