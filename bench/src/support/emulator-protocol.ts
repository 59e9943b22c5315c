import type { FaultConfig } from "@goalpost/jira-emulator";

/** Requests and response bytes the emulator served to one account. */
export interface AccountStats {
  requests: number;
  bytes: number;
  byEndpoint: Record<string, number>;
}

/** What the emulator served since the last reset: per account, and its own CPU time (JQL, rendering). */
export interface EmulatorStats {
  accounts: Record<string, AccountStats>;
  cpuMs: number;
}

/** An issue of the site, as the benchmarks need it to build queries and changes. */
export interface SiteIssue {
  id: string;
  key: string;
  project: string;
  type: string;
  parent: string | null;
  labels: string[];
}

/** What the parent may ask of the emulator process. */
export type EmulatorCommand =
  | { op: "faults"; faults: Partial<FaultConfig> }
  | { op: "stats"; reset: boolean }
  | { op: "issues" }
  /** Back to the initial dataset (regenerated: same seed, same site), statistics cleared. */
  | { op: "reset" }
  | { op: "close" };

/** The emulator process's answer to one command. */
export type EmulatorReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string };
