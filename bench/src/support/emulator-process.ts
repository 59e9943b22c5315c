import { fork } from "node:child_process";
import path from "node:path";
import type { DatasetSpec, FaultConfig } from "@goalpost/jira-emulator";
import type { EmulatorCommand, EmulatorReply, EmulatorStats, SiteIssue } from "./emulator-protocol.ts";

export type { AccountStats, EmulatorStats, SiteIssue } from "./emulator-protocol.ts";

/** A Jira emulator running in a child process. */
export interface EmulatorProcess {
  url: string;
  setFaults(faults: Partial<FaultConfig>): Promise<void>;
  /** Per-account requests and bytes (account id → stats) and the emulator's CPU time since the last reset. */
  stats(options?: { reset?: boolean }): Promise<EmulatorStats>;
  issues(): Promise<SiteIssue[]>;
  /** Regenerates the initial dataset (same seed: the same site) and clears the statistics. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the emulator in its own Node process and waits until it listens. */
export async function startEmulatorProcess(spec: {
  dataset: DatasetSpec;
  users: { email: string; token: string }[];
  faults?: Partial<FaultConfig>;
}): Promise<EmulatorProcess> {
  const child = fork(path.join(import.meta.dirname, "emulator-child.ts"), [JSON.stringify(spec)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: ["--max-old-space-size=8192"],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  const ready = new Promise<string>((resolve, reject) => {
    pending.set(0, { resolve: (url) => resolve(String(url)), reject });
    child.once("exit", (code) => reject(new Error(`emulator process exited with ${code}`)));
  });
  child.on("message", (reply: EmulatorReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.value);
    else waiter?.reject(new Error(reply.error));
  });
  const call = (command: EmulatorCommand) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, command });
    });
  const url = await ready;
  return {
    url,
    setFaults: async (faults) => {
      await call({ op: "faults", faults });
    },
    stats: async (options = {}) =>
      (await call({ op: "stats", reset: options.reset ?? false })) as EmulatorStats,
    reset: async () => {
      await call({ op: "reset" });
    },
    issues: async () => (await call({ op: "issues" })) as SiteIssue[],
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ id: nextId++, command: { op: "close" } });
      await exited;
    },
  };
}
