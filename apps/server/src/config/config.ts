/** Where the data lives: an embedded PGlite folder, or a PostgreSQL server. */
export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

/** Goalpost's validated configuration. Built once at boot by `loadConfig`; passed, never re-read. */
export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  /** Absolute base URL users reach the app at (links in invites, trusted origin for auth). */
  publicUrl: string;
  database: DatabaseConfig;
  /** Folder for embedded data and generated keys. */
  dataDir: string;
  /**
   * Master key (file path or base64): encrypts Jira tokens and derives the session-signing secret.
   * Generated into `dataDir` in embedded mode when unset; required with PostgreSQL so processes agree.
   */
  secretsKey: string | undefined;
  /** Earlier master keys (file paths or base64) still accepted when opening secrets; re-sealed at boot. */
  secretsKeyPrevious: string[];
  jiraAllowHosts: string[];
  syncIntervalMinutes: number;
  /** Whether the per-minute change probe runs for connections without a live webhook (`CHANGE_PROBE`). */
  changeProbe: boolean;
  workers: "inline" | "off";
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  trustProxy: boolean;
  /** Sign-in attempts allowed per client address per minute. */
  signInRateLimit: number;
  /** Whether anyone may sign up and create an organisation (the very first sign-up is always allowed). */
  allowSignup: boolean;
  /** Bearer token a Prometheus scraper sends for `/metrics`; unset: `/metrics` answers loopback clients only. */
  metricsToken: string | undefined;
  /** Outgoing mail (invites by e-mail) when `SMTP_URL` is set; null without it (invite links only). */
  smtp: { url: string; from: string } | null;
  /** `npm run demo` only: port of the bundled Jira emulator (0 picks a free port). */
  demoJiraPort: number;
  /** `npm run demo` only: whether the bundled Jira emulator plays Jira Cloud or Jira Data Center. */
  demoJiraDeployment: "cloud" | "data-center";
}
