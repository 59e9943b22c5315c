import { eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { jiraSyncStates, users } from "../db/schema/index.ts";
import type { StaleView } from "./epic-view.ts";
import type { JiraConfigRow, LinkedProjectRow } from "./portfolio.repo.ts";

/**
 * Which connection the portfolio reads Jira through: its own (credentials entered for this portfolio, managed
 * by its managers) or an organisation connection (shared under the connection's own sharing rules).
 */
export type PortfolioConnectionKind = "portfolio" | "organisation";

/** The integration card: the configuration without its token. */
export interface JiraConfigView {
  portfolioId: string;
  connection: { id: string; name: string; kind: PortfolioConnectionKind };
  baseUrl: string;
  /** The connection's kind of Jira: Cloud or Data Center. */
  deployment: "cloud" | "dataCenter";
  /** Cloud's account e-mail (empty on Data Center). */
  email: string;
  account: { accountId: string; displayName: string } | null;
  configuredBy: { id: string; name: string } | null;
  configuredAt: Date;
  updatedAt: Date;
  /** The connection's last good sync. */
  lastSyncAt: Date | null;
  /** When the connection's next sync is due (after a failure: the shared backoff); null while unhealthy. */
  nextSyncAt: Date | null;
  /** `unhealthy` once Jira refused the connection's credentials: nothing syncs until they are edited. */
  health: "healthy" | "unhealthy";
  /** The connection's last failure, and since when; null after a good sync. */
  error: StaleView | null;
  projectCount: number;
  /** Linked projects the token cannot see (after a token rotation or a permission change in Jira). */
  inaccessibleProjectKeys: string[];
}

/** Presents the configuration with who configured it and its connection's sync state. */
export async function jiraConfigView(
  db: Db,
  row: JiraConfigRow,
  projects: readonly LinkedProjectRow[],
): Promise<JiraConfigView> {
  const [by] = row.configuredBy
    ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.configuredBy))
    : [];
  const [sync] = await db
    .select()
    .from(jiraSyncStates)
    .where(eq(jiraSyncStates.connectionId, row.connectionId));
  const broken = sync?.brokenAt != null;
  return {
    portfolioId: row.portfolioId,
    connection: {
      id: row.connectionId,
      name: row.connectionName,
      kind: row.ownConnection ? "portfolio" : "organisation",
    },
    baseUrl: row.baseUrl,
    deployment: row.deployment,
    email: row.email,
    account: row.accountId === null ? null : { accountId: row.accountId, displayName: row.accountName ?? "" },
    configuredBy: by ?? null,
    configuredAt: row.configuredAt,
    updatedAt: row.updatedAt,
    lastSyncAt: sync?.lastSuccessAt ?? null,
    nextSyncAt: broken ? null : (sync?.nextDueAt ?? null),
    health: broken ? "unhealthy" : "healthy",
    error:
      !sync || sync.lastErrorCode === null || sync.failingSince === null
        ? null
        : { code: sync.lastErrorCode, message: sync.lastErrorMessage ?? "", since: sync.failingSince },
    projectCount: projects.length,
    inaccessibleProjectKeys: projects.filter((p) => p.inaccessibleSince !== null).map((p) => p.projectKey),
  };
}
