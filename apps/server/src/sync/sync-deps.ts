import type { Db } from "../db/database.ts";
import type { JiraAccess } from "../jira-connections/jira-access.ts";
import type { Logger } from "../logging/logger.ts";
import type { SecretBox } from "../secrets/secret-box.ts";

/** What the sync engine needs: the database, the token box, outbound Jira access, the clock and the interval. */
export interface SyncDeps {
  db: Db;
  box: SecretBox;
  jira: JiraAccess;
  logger: Logger;
  now(): Date;
  /** `SYNC_INTERVAL_MINUTES`: every Jira-linked item is re-read at least this often. */
  syncIntervalMinutes: number;
}
