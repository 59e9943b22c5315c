import { execFileSync } from "node:child_process";
import os from "node:os";

/** The machine a benchmark ran on, as written into RESULTS.md. */
export interface Machine {
  cores: number;
  memoryGb: number;
  cpu: string;
  node: string;
}

/** Cores, memory, CPU model and Node version of this machine. */
export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    cpu: cpus[0]?.model.trim() ?? "unknown CPU",
    node: process.version,
  };
}

/** The short commit of the working tree (`+dirty` when bench-relevant files differ from it). */
export function gitCommit(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "apps", "packages"], {
      encoding: "utf8",
    }).trim();
    return dirty === "" ? sha : `${sha}+dirty`;
  } catch {
    return "unknown";
  }
}

/** One line describing machine and commit. */
export function describeRun(): string {
  const m = machine();
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · commit ${gitCommit()} · ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}`;
}
