import type { Db } from "../db/database.ts";
import type { JiraAccess } from "../jira-connections/jira-access.ts";
import type { Logger } from "../logging/logger.ts";
import type { SecretBox } from "../secrets/secret-box.ts";

/** What the portfolio use cases need (a refresh runs the connection sync: sync/sync-deps.ts). */
export interface PortfolioDeps {
  db: Db;
  box: SecretBox;
  jira: JiraAccess;
  logger: Logger;
  now(): Date;
  /** `SYNC_INTERVAL_MINUTES`: epic progress is re-read at least this often. */
  syncIntervalMinutes: number;
}
