import type { Db } from "../db/database.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import type { JiraAccess } from "./jira-access.ts";

/** What the connection use cases need. */
export interface ConnectionDeps {
  db: Db;
  box: SecretBox;
  jira: JiraAccess;
  now(): Date;
}
