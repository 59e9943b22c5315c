/**
 * `@goalpost/jira-emulator`: a Jira Cloud site (REST API v3) or a Jira Data Center server (REST API v2,
 * personal access tokens) in a box, with JQL, webhooks, faults and datasets.
 */
export type { AdminUserSpec, EmulatorAdmin } from "./admin/admin-api.ts";
export { type DatasetSpec, DEMO_USERS, generateSite, loadDataset } from "./datasets/index.ts";
export { createJiraEmulator, type JiraEmulator, type JiraEmulatorOptions } from "./emulator.ts";
export type { EmulatedDeployment } from "./emulator-state.ts";
export { defaultFaults, type FaultConfig } from "./faults/fault-config.ts";
export type { RequestLogEntry } from "./faults/request-log.ts";
export type { JqlEngine } from "./search/jql-engine.ts";
export { SiteStore } from "./store/site-store.ts";
export type { ChangelogHistory, SiteUser, StoredIssue } from "./store/types.ts";
export type { DeliveryRecord } from "./webhooks/dispatcher.ts";
