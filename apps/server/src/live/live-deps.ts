import type { Db } from "../db/database.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import type { Logger } from "../logging/logger.ts";
import type { SecretBox } from "../secrets/secret-box.ts";

/** What the live-progress use cases (webhooks, change probe) need. */
export interface LiveDeps {
  db: Db;
  box: SecretBox;
  queue: JobQueue;
  logger: Logger;
  publicUrl: string;
  /** Whether the per-minute change probe runs (`CHANGE_PROBE`). */
  changeProbe: boolean;
  now(): Date;
}
