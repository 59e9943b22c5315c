/** Timestamps keep millisecond precision (`precision: 3`) so they round-trip through JavaScript dates exactly: keyset cursors depend on it. */
export * from "./api-tokens.ts";
export * from "./auth.ts";
export * from "./cache-versions.ts";
export * from "./comments.ts";
export * from "./jira.ts";
export * from "./live.ts";
export * from "./okrs.ts";
export * from "./orgs.ts";
export * from "./portfolios.ts";
export * from "./sync.ts";
