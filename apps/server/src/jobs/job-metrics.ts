import { Counter, Histogram } from "prom-client";
import { metricsRegistry } from "../observability/metrics-registry.ts";

const jobRuns = new Counter({
  name: "goalpost_jobs_total",
  help: "Background job runs by job name and outcome",
  labelNames: ["job", "outcome"] as const,
  registers: [metricsRegistry],
});

const jobDuration = new Histogram({
  name: "goalpost_job_duration_seconds",
  help: "Background job run time",
  labelNames: ["job"] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [metricsRegistry],
});

/** Counts one run of `job` and observes how long it took. */
export function recordJobOutcome(job: string, outcome: "completed" | "failed", durationMs: number): void {
  jobRuns.inc({ job, outcome });
  jobDuration.observe({ job }, durationMs / 1000);
}
