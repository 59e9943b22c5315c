import type { z } from "zod";
import type { SyncDeps } from "../sync/sync-deps.ts";
import type { JobQueue } from "./job-queue.ts";

/** What a job handler may use. Handlers get their collaborators here, never from globals. */
export interface JobContext extends SyncDeps {
  /** The queue, for jobs that enqueue others (the sync scheduler). */
  queue: JobQueue;
  /** Whether the per-minute change probe runs (`CHANGE_PROBE`). */
  changeProbe: boolean;
}

/** The run being handled: the job's id (the same across its retries) and how many retries came before. */
export interface JobRun {
  id: string;
  retryCount: number;
}

/** Retry policy of a job, kept next to its handler. */
export interface RetryPolicy {
  /** Attempts after the first. */
  limit: number;
  /** Seconds before the first retry. */
  delaySeconds: number;
  /** Exponential backoff (pg-boss doubles the delay, with jitter). */
  backoff: boolean;
  /** Upper bound on the delay between retries, in seconds. */
  maxDelaySeconds?: number;
}

/** A typed background job: name, payload schema, handler, retries and an optional cron schedule. */
export interface JobDefinition<Payload> {
  name: string;
  payload: z.ZodType<Payload>;
  retry: RetryPolicy;
  /** Seconds a single run may take before pg-boss fails it (and retries it). */
  timeoutSeconds: number;
  /**
   * pg-boss queue policy (default `standard`). `stately` with a singleton key per subject gives one active
   * and one queued job per subject: concurrent requests coalesce and never run side by side.
   */
  policy?: "standard" | "stately";
  /** When set, a job whose worker stops sending heartbeats this long (a killed process) is failed and retried. */
  heartbeatSeconds?: number;
  /** Jobs of this queue a process runs at once (default 1), and how often an idle worker polls (default 2 s). */
  work?: { concurrency: number; pollingIntervalSeconds: number };
  /** The key `stately` coalesces on, from the payload. */
  singletonKey?: (payload: Payload) => string;
  /** When set, the queue runs the job on this cron (UTC) with this payload. */
  schedule?: { cron: string; payload: Payload };
  handler(payload: Payload, context: JobContext, job: JobRun): Promise<void>;
}

/**
 * Declares a job. The identity function exists for type inference: enqueueing a job elsewhere is then
 * checked against its payload schema.
 * @example export const pingJob = defineJob({ name: "ping", payload: z.object({}), ... })
 */
export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}
