import { randomBytes, randomUUID } from "node:crypto";
import { and, count, eq, gte, lt, max, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/database.ts";
import { jiraWebhookDeliveries, jiraWebhooks, type WEBHOOK_DELIVERY_OUTCOMES } from "../db/schema/index.ts";
import type { SecretBox } from "../secrets/secret-box.ts";

export type WebhookRow = typeof jiraWebhooks.$inferSelect;
export type DeliveryOutcome = (typeof WEBHOOK_DELIVERY_OUTCOMES)[number];

/** A new unguessable hook id (the URL's last segment) and secret: 192 and 256 random bits. */
export function newHookCredentials(): { hookId: string; secret: string } {
  return { hookId: randomBytes(24).toString("base64url"), secret: randomBytes(32).toString("base64url") };
}

export async function findWebhookOfConnection(db: Db | Tx, connectionId: string): Promise<WebhookRow | null> {
  const [row] = await db.select().from(jiraWebhooks).where(eq(jiraWebhooks.connectionId, connectionId));
  return row ?? null;
}

export async function findWebhookByHookId(db: Db | Tx, hookId: string): Promise<WebhookRow | null> {
  const [row] = await db.select().from(jiraWebhooks).where(eq(jiraWebhooks.hookId, hookId));
  return row ?? null;
}

/** The connection's webhook, created on first use (two concurrent first uses agree on one). */
export async function ensureWebhook(
  db: Db,
  box: SecretBox,
  connectionId: string,
  now: Date,
): Promise<WebhookRow> {
  const found = await findWebhookOfConnection(db, connectionId);
  if (found) return found;
  const { hookId, secret } = newHookCredentials();
  await db
    .insert(jiraWebhooks)
    .values({ connectionId, hookId, secretSealed: box.seal(secret), createdAt: now })
    .onConflictDoNothing({ target: jiraWebhooks.connectionId });
  const created = await findWebhookOfConnection(db, connectionId);
  if (!created) throw new Error("webhook vanished while being created");
  return created;
}

/** Replaces the hook id and secret: deliveries to the old URL or signed with the old secret are refused. */
export async function rotateWebhook(
  db: Db,
  box: SecretBox,
  connectionId: string,
  now: Date,
): Promise<WebhookRow> {
  await ensureWebhook(db, box, connectionId, now);
  const { hookId, secret } = newHookCredentials();
  const [row] = await db
    .update(jiraWebhooks)
    .set({ hookId, secretSealed: box.seal(secret), rotatedAt: now })
    .where(eq(jiraWebhooks.connectionId, connectionId))
    .returning();
  if (!row) throw new Error("webhook vanished while being rotated");
  return row;
}

/**
 * Records a delivery. An accepted delivery whose identifier was already accepted is recorded as a duplicate
 * instead (Jira retries with the same identifier); returns the outcome actually recorded.
 */
export async function recordDelivery(
  db: Db,
  input: {
    connectionId: string;
    identifier: string | null;
    outcome: DeliveryOutcome;
    reason?: string | null;
    event?: string | null;
    issueKey?: string | null;
    at: Date;
  },
): Promise<DeliveryOutcome> {
  const values = {
    id: randomUUID(),
    connectionId: input.connectionId,
    identifier: input.identifier,
    outcome: input.outcome,
    reason: input.reason ?? null,
    event: input.event ?? null,
    issueKey: input.issueKey ?? null,
    receivedAt: input.at,
  };
  if (input.outcome !== "accepted" || input.identifier === null) {
    await db.insert(jiraWebhookDeliveries).values(values);
    return input.outcome;
  }
  const inserted = await db
    .insert(jiraWebhookDeliveries)
    .values(values)
    .onConflictDoNothing({
      target: [jiraWebhookDeliveries.connectionId, jiraWebhookDeliveries.identifier],
      where: sql`${jiraWebhookDeliveries.outcome} = 'accepted'`,
    })
    .returning({ id: jiraWebhookDeliveries.id });
  if (inserted.length > 0) return "accepted";
  await db.insert(jiraWebhookDeliveries).values({ ...values, outcome: "duplicate" });
  return "duplicate";
}

/** A webhook's health: its last accepted delivery, and deliveries and refusals since `since`. */
export interface WebhookHealth {
  lastDeliveryAt: Date | null;
  deliveries24h: number;
  refused24h: number;
}

export async function webhookHealth(db: Db, connectionId: string, since: Date): Promise<WebhookHealth> {
  const rows = await db
    .select({
      outcome: jiraWebhookDeliveries.outcome,
      n: count(),
      last: max(jiraWebhookDeliveries.receivedAt),
    })
    .from(jiraWebhookDeliveries)
    .where(
      and(eq(jiraWebhookDeliveries.connectionId, connectionId), gte(jiraWebhookDeliveries.receivedAt, since)),
    )
    .groupBy(jiraWebhookDeliveries.outcome);
  const of = (outcome: DeliveryOutcome) => rows.find((r) => r.outcome === outcome);
  const [last] = await db
    .select({ at: max(jiraWebhookDeliveries.receivedAt) })
    .from(jiraWebhookDeliveries)
    .where(
      and(
        eq(jiraWebhookDeliveries.connectionId, connectionId),
        eq(jiraWebhookDeliveries.outcome, "accepted"),
      ),
    );
  return {
    lastDeliveryAt: last?.at ? new Date(last.at) : null,
    deliveries24h: Number(of("accepted")?.n ?? 0) + Number(of("duplicate")?.n ?? 0),
    refused24h: Number(of("refused")?.n ?? 0),
  };
}

/** Connection ids whose webhook accepted a delivery since `since` (they need no change probe). */
export async function listConnectionsWithLiveWebhook(db: Db, since: Date): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ connectionId: jiraWebhookDeliveries.connectionId })
    .from(jiraWebhookDeliveries)
    .where(and(eq(jiraWebhookDeliveries.outcome, "accepted"), gte(jiraWebhookDeliveries.receivedAt, since)));
  return new Set(rows.map((r) => r.connectionId));
}

/** Forgets deliveries older than `before`; returns how many. */
export async function deleteDeliveriesBefore(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(jiraWebhookDeliveries)
    .where(lt(jiraWebhookDeliveries.receivedAt, before))
    .returning({ id: jiraWebhookDeliveries.id });
  return deleted.length;
}
