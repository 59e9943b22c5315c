import { sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db/database.ts";
import { invites, jiraConnections, jiraWebhooks, portfolioJiraConfigs } from "../db/schema/index.ts";
import type { SecretBox } from "./secret-box.ts";

/** A column holding sealed secrets, with its table's primary key. */
interface SealedColumn {
  table: PgTable;
  id: PgColumn;
  sealed: PgColumn;
}

/** Every column of the schema that holds values sealed with the token box. A new one is registered here. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: jiraConnections, id: jiraConnections.id, sealed: jiraConnections.apiTokenSealed },
  { table: invites, id: invites.id, sealed: invites.tokenSealed },
  {
    table: portfolioJiraConfigs,
    id: portfolioJiraConfigs.portfolioId,
    sealed: portfolioJiraConfigs.apiTokenSealed,
  },
  { table: jiraWebhooks, id: jiraWebhooks.connectionId, sealed: jiraWebhooks.secretSealed },
];

/**
 * Re-seals with the current key every value sealed with an earlier one (after `SECRETS_KEY` was rotated
 * with the old key in `SECRETS_KEY_PREVIOUS`). Idempotent; returns how many values were re-sealed. A value
 * no key opens is left alone (and will fail where it is used, with a clear error).
 */
export async function resealSecrets(
  db: Db,
  box: SecretBox,
  columns: readonly SealedColumn[] = SEALED_COLUMNS,
): Promise<number> {
  let resealed = 0;
  for (const column of columns) {
    const rows = (await db.select({ id: column.id, sealed: column.sealed }).from(column.table)) as {
      id: string;
      sealed: string | null;
    }[];
    for (const row of rows) {
      // Columns kept from before a migration may hold no value (portfolio_jira_configs since migration 0011).
      if (row.sealed === null || !box.isStale(row.sealed)) continue;
      let plaintext: string;
      try {
        plaintext = box.open(row.sealed);
      } catch {
        continue;
      }
      await db.execute(
        sql`update ${column.table} set ${sql.identifier(column.sealed.name)} = ${box.seal(plaintext)} where ${column.id} = ${row.id}`,
      );
      resealed += 1;
    }
  }
  return resealed;
}
