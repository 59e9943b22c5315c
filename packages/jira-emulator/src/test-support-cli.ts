/** Test helper: runs the CLI (`src/cli.ts`) as a child process on a free port and reads what it prints. */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("./cli.ts", import.meta.url));

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A running CLI. */
export interface CliProcess {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** The base URL it printed. */
  url: string;
  /** Every `email / token` pair it printed, in order. */
  credentials(): [string, string][];
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the CLI with `--port <free port>` and `args`; resolves once it has printed everything. */
export async function startCli(args: string[]): Promise<CliProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, "--port", String(port), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ctrl-C stops it.")) resolve();
    });
    child.once("exit", () => reject(new Error(`CLI exited early:\n${output}`)));
  });
  return {
    child,
    output: () => output,
    url: /listening on (https?:\/\/\S+)/.exec(output)?.[1] ?? "",
    credentials: () => [...output.matchAll(/^\s+(\S+@\S+) \/ (\S+)/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]),
    exited,
  };
}

/** Stops a CLI with SIGINT (Ctrl-C) and waits for it; SIGKILL if it does not stop within 10 s. */
export async function stopCli(
  cli: CliProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill("SIGINT");
  const timer = setTimeout(() => cli.child.kill("SIGKILL"), 10_000);
  const result = await cli.exited;
  clearTimeout(timer);
  return result;
}
