import { mkdir, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import path from "node:path";

/** Starts the V8 CPU profiler of this process; `stop` writes `<dir>/<name>.cpuprofile` (Chrome DevTools format). */
export async function startCpuProfile(): Promise<{ stop(dir: string, name: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return {
    async stop(dir, name) {
      const { profile } = await session.post("Profiler.stop");
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Runs `work` under the V8 CPU profiler and writes `<dir>/<name>.cpuprofile`. */
export async function withCpuProfile<T>(dir: string, name: string, work: () => Promise<T>): Promise<T> {
  const profiler = await startCpuProfile();
  try {
    return await work();
  } finally {
    await profiler.stop(dir, name);
  }
}
