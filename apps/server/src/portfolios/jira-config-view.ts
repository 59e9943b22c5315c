import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { users } from "../db/schema/index.ts";
import type { StaleView } from "./epic-view.ts";
import type { JiraConfigRow, LinkedProjectRow } from "./portfolio.repo.ts";

/** The integration card: the configuration without its token. */
export interface JiraConfigView {
  portfolioId: string;
  baseUrl: string;
  email: string;
  account: { accountId: string; displayName: string } | null;
  configuredBy: { id: string; name: string } | null;
  configuredAt: Date;
  updatedAt: Date;
  lastSyncAt: Date | null;
  /** When the next sync is due (after a failure: the shared backoff); null while unhealthy. */
  nextSyncAt: Date | null;
  health: "healthy" | "unhealthy";
  /** The last sync's failure, and since when; null after a good sync. */
  error: StaleView | null;
  projectCount: number;
  /** Linked projects the token cannot see (after a token rotation or a permission change in Jira). */
  inaccessibleProjectKeys: string[];
}

/** Presents the configuration with who configured it. */
export async function jiraConfigView(
  db: Db,
  row: JiraConfigRow,
  projects: readonly LinkedProjectRow[],
): Promise<JiraConfigView> {
  const [by] = row.configuredBy
    ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.configuredBy))
    : [];
  return {
    portfolioId: row.portfolioId,
    baseUrl: row.baseUrl,
    email: row.email,
    account: row.accountId === null ? null : { accountId: row.accountId, displayName: row.accountName ?? "" },
    configuredBy: by ?? null,
    configuredAt: row.configuredAt,
    updatedAt: row.updatedAt,
    lastSyncAt: row.lastSyncAt,
    nextSyncAt: row.healthy ? row.nextSyncAt : null,
    health: row.healthy ? "healthy" : "unhealthy",
    error:
      row.errorCode === null || row.errorSince === null
        ? null
        : { code: row.errorCode, message: row.errorMessage ?? "", since: row.errorSince },
    projectCount: projects.length,
    inaccessibleProjectKeys: projects.filter((p) => p.inaccessibleSince !== null).map((p) => p.projectKey),
  };
}
