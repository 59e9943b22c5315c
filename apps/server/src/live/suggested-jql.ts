import { sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { jiraIssues } from "../db/schema/index.ts";

/** The keys of the projects a connection's linked items read (from its issue cache), sorted. */
export async function listCachedProjectKeys(db: Db, connectionId: string): Promise<string[]> {
  const project = sql<string>`split_part(${jiraIssues.key}, '-', 1)`;
  const rows = await db
    .selectDistinct({ project })
    .from(jiraIssues)
    .where(sql`${jiraIssues.connectionId} = ${connectionId}`);
  return rows.map((r) => r.project).sort();
}

/**
 * The JQL filter suggested for a connection's webhook: the projects its items read, so Jira sends only the
 * changes that can move a number. Keys are quoted as JQL requires for reserved words.
 * @example projectFilterJql(["AE", "COM"]) // 'project in ("AE", "COM")'
 */
export function projectFilterJql(projectKeys: readonly string[]): string | null {
  if (projectKeys.length === 0) return null;
  return `project in (${projectKeys.map((key) => JSON.stringify(key)).join(", ")})`;
}
