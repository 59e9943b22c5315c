import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import {
  initiativeEpics,
  jiraChangeProbes,
  jiraConnections,
  jiraIntegrations,
  jiraSyncStates,
  jiraWebhookDeliveries,
  keyResults,
  objectives,
  portfolioJiraConfigs,
} from "../db/schema/index.ts";

/**
 * Connections the change probe looks at now: Jira-linked items read through them, the org's switch on, not
 * broken, not backing off after a failure (the probe never adds to a struggling Jira's load), not being
 * synced, already synced once (the first sync is the scheduler's), and no webhook delivery since `webhookSince`.
 */
export async function listProbeCandidates(
  db: Db,
  input: { now: Date; webhookSince: Date },
): Promise<string[]> {
  const rows = await db
    .select({ id: jiraConnections.id })
    .from(jiraConnections)
    .innerJoin(jiraSyncStates, eq(jiraSyncStates.connectionId, jiraConnections.id))
    .leftJoin(jiraIntegrations, eq(jiraIntegrations.orgId, jiraConnections.orgId))
    .where(
      and(
        sql`coalesce(${jiraIntegrations.enabled}, true)`,
        isNull(jiraSyncStates.brokenAt),
        eq(jiraSyncStates.failureCount, 0),
        sql`${jiraSyncStates.lastSuccessAt} is not null`,
        or(isNull(jiraSyncStates.leaseUntil), lte(jiraSyncStates.leaseUntil, input.now)),
        or(
          sql`exists (select 1 from ${keyResults} where ${keyResults.connectionId} = ${jiraConnections.id} and ${keyResults.dataSource} is not null)`,
          sql`exists (select 1 from ${objectives} where ${objectives.connectionId} = ${jiraConnections.id} and ${objectives.dataSource} is not null)`,
          sql`exists (select 1 from ${initiativeEpics} join ${portfolioJiraConfigs} on ${portfolioJiraConfigs.portfolioId} = ${initiativeEpics.portfolioId} where ${portfolioJiraConfigs.connectionId} = ${jiraConnections.id})`,
        ),
        sql`not exists (select 1 from ${jiraWebhookDeliveries} where ${jiraWebhookDeliveries.connectionId} = ${jiraConnections.id} and ${jiraWebhookDeliveries.outcome} = 'accepted' and ${jiraWebhookDeliveries.receivedAt} >= ${input.webhookSince.toISOString()}::timestamptz)`,
      ),
    );
  return rows.map((row) => row.id);
}

/** Where the probe of a connection stands: the newest `updated` it has seen (null before its first probe). */
export async function findProbeCursor(db: Db, connectionId: string): Promise<Date | null> {
  const [row] = await db
    .select({ seenUpTo: jiraChangeProbes.seenUpTo })
    .from(jiraChangeProbes)
    .where(eq(jiraChangeProbes.connectionId, connectionId));
  return row?.seenUpTo ?? null;
}

export async function saveProbe(
  db: Db,
  input: { connectionId: string; seenUpTo: Date | null; probedAt: Date; requests: number },
): Promise<void> {
  const values = { seenUpTo: input.seenUpTo, probedAt: input.probedAt, lastRequestCount: input.requests };
  await db
    .insert(jiraChangeProbes)
    .values({ connectionId: input.connectionId, ...values })
    .onConflictDoUpdate({ target: jiraChangeProbes.connectionId, set: values });
}
