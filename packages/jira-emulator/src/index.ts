/**
 * `@goalpost/jira-emulator`: a Jira Cloud site in a box (REST API v3, JQL, webhooks, faults, datasets).
 */
export type { AdminUserSpec, EmulatorAdmin } from "./admin/admin-api.ts";
export { type DatasetSpec, DEMO_USERS, generateSite, loadDataset } from "./datasets/index.ts";
export { createJiraEmulator, type JiraEmulator, type JiraEmulatorOptions } from "./emulator.ts";
export { defaultFaults, type FaultConfig } from "./faults/fault-config.ts";
export type { RequestLogEntry } from "./faults/request-log.ts";
export type { JqlEngine } from "./search/jql-engine.ts";
export { SiteStore } from "./store/site-store.ts";
export type { ChangelogHistory, SiteUser, StoredIssue } from "./store/types.ts";
export type { DeliveryRecord } from "./webhooks/dispatcher.ts";
