/** Everything one emulator instance holds: the site, the fault configuration, the request log, webhooks. */
import type { FaultConfig } from "./faults/fault-config.ts";
import type { RequestLogEntry } from "./faults/request-log.ts";
import type { JqlEngine } from "./search/jql-engine.ts";
import type { SiteStore } from "./store/site-store.ts";
import type { WebhookDispatcher } from "./webhooks/dispatcher.ts";

/** The two kinds of Jira the emulator plays. */
export type EmulatedDeployment = "cloud" | "data-center";

/** Mutable state shared by the handler, the admin API and the library object. */
export interface EmulatorState {
  /** Which Jira it plays: Cloud (REST v3, basic auth) or Data Center (REST v2, bearer personal access tokens). */
  deployment: EmulatedDeployment;
  store: SiteStore;
  faults: FaultConfig;
  log: RequestLogEntry[];
  jql: JqlEngine;
  webhooks: WebhookDispatcher;
  /** Count of requests answered, for fault "every Nth" decisions. */
  requestCount: number;
  /** Sliding window of request times for the rate limiter (ms). */
  recentRequests: number[];
}
