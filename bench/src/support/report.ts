import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describeRun } from "./machine.ts";

/** `bench/RESULTS.md`. */
export const RESULTS_FILE = path.resolve(import.meta.dirname, "../../RESULTS.md");

const HEADER = `# Benchmark results

Appended by \`npm run bench:<name>\` (sources in \`bench/src/\`): one section per run, newest last, with the
date, machine and commit. Numbers are medians of several runs; ratios are measured in the same run.
`;

/** A markdown table. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Prints a section and appends it to RESULTS.md with date, machine and commit. */
export async function report(input: { name: string; summary: string; body: string }): Promise<void> {
  const section = `\n## ${input.name} — ${describeRun()}\n\n${input.summary}\n\n${input.body}\n`;
  process.stdout.write(section);
  let existing = "";
  try {
    existing = await readFile(RESULTS_FILE, "utf8");
  } catch {
    await writeFile(RESULTS_FILE, HEADER);
  }
  if (existing === "") await writeFile(RESULTS_FILE, HEADER);
  await appendFile(RESULTS_FILE, section);
}

/** `met` / `MISSED` for a goal. */
export function verdict(met: boolean): string {
  return met ? "met" : "**MISSED**";
}
