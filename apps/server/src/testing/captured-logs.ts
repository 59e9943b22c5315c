import { Writable } from "node:stream";
import { createLogger, type Logger } from "../logging/logger.ts";

/**
 * A logger writing JSON lines into memory, for tests that check what Goalpost logs (and that no secret is in
 * it). `lines` fills as the logger writes.
 */
export function capturedLogs(logLevel: "debug" | "info" = "debug"): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ logLevel, env: "test" }, sink), lines };
}
