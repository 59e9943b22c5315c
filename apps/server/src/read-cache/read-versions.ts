import { inArray } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { cacheVersions } from "../db/schema/index.ts";

/** The scope of org-wide inputs of OKR reads (Jira integration switch, member names). */
export const orgScope = (orgId: string) => `org:${orgId}`;
/** The scope of a period's objectives, key results and check-ins. */
export const periodScope = (periodId: string) => `period:${periodId}`;
/** The scope bumped whenever a session or API token is revoked. */
export const AUTH_SCOPE = "auth";

/** The current version of each scope (0 for a scope never bumped), in one query. */
export async function readVersions(db: Db, scopes: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ scope: cacheVersions.scope, version: cacheVersions.version })
    .from(cacheVersions)
    .where(inArray(cacheVersions.scope, [...scopes]));
  const versions = new Map(scopes.map((scope) => [scope, 0]));
  for (const row of rows) versions.set(row.scope, Number(row.version));
  return versions;
}
