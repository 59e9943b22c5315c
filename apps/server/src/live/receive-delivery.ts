import { DomainError } from "@goalpost/domain";
import { findConnection } from "../jira-connections/connection.repo.ts";
import { isJiraEnabled } from "../jira-connections/jira-integration.repo.ts";
import { type PendingChange, recordPendingChanges } from "../sync/pending-changes.repo.ts";
import { DeliveryRateLimit } from "./delivery-rate-limit.ts";
import type { LiveDeps } from "./live-deps.ts";
import { requestLiveSync } from "./request-live-sync.ts";
import { verifySignature } from "./verify-signature.ts";
import { type DeliveryOutcome, findWebhookByHookId, recordDelivery } from "./webhook.repo.ts";

/** A delivery as it reached the edge: the raw body (the signature covers its exact bytes) and Jira's headers. */
export interface IncomingDelivery {
  hookId: string;
  body: Buffer;
  signature: string | undefined;
  identifier: string | undefined;
}

/** Per hook and process: bursts of 2000 deliveries, 100 a second sustained. */
const rateLimit = new DeliveryRateLimit({ burst: 2000, perSecond: 100 });

const UNKNOWN = "Unknown webhook, or a delivery that is not signed with its secret.";

/**
 * Takes a Jira webhook delivery: an unknown hook, a missing or wrong signature → `unauthenticated` (401) and
 * nothing done; a flood → `rate_limited`; a body that is not a Jira issue event → `validation_failed`. A
 * delivery Jira retries (same `x-atlassian-webhook-identifier`) is recorded as a duplicate and does nothing
 * more. Otherwise a debounced re-sync of the connection is requested. Answers in milliseconds: the sync runs
 * in the background.
 */
export async function receiveDelivery(
  deps: LiveDeps,
  delivery: IncomingDelivery,
): Promise<{ outcome: DeliveryOutcome }> {
  const hook = await findWebhookByHookId(deps.db, delivery.hookId);
  if (!hook) throw new DomainError("unauthenticated", UNKNOWN);
  const at = deps.now();
  const identifier = delivery.identifier?.slice(0, 200) ?? null;
  const refuse = async (reason: string) => {
    await recordDelivery(deps.db, {
      connectionId: hook.connectionId,
      identifier,
      outcome: "refused",
      reason,
      at,
    });
  };
  if (!rateLimit.take(hook.hookId)) {
    throw new DomainError("rate_limited", "Too many deliveries to this webhook: slow down.");
  }
  if (!verifySignature(delivery.body, delivery.signature, deps.box.open(hook.secretSealed))) {
    await refuse(delivery.signature === undefined ? "unsigned" : "bad_signature");
    throw new DomainError("unauthenticated", UNKNOWN);
  }
  const event = parseIssueEvent(delivery.body);
  if (!event) {
    await refuse("not_an_issue_event");
    throw new DomainError("validation_failed", "The body is not a Jira issue event.", {
      fields: { webhookEvent: "must be a jira:issue_* event with its issue" },
    });
  }
  const outcome = await recordDelivery(deps.db, {
    connectionId: hook.connectionId,
    identifier,
    outcome: "accepted",
    event: event.webhookEvent,
    issueKey: event.issueKey,
    at,
  });
  if (outcome === "accepted" && (await mayRead(deps, hook.connectionId))) {
    await recordPendingChanges(deps.db, hook.connectionId, [event.change], at);
    await requestLiveSync(deps, hook.connectionId);
  }
  return { outcome };
}

/** The org's Jira switch is on (a delivery while it is off is recorded, and nothing is read). */
async function mayRead(deps: LiveDeps, connectionId: string): Promise<boolean> {
  const stored = await findConnection(deps.db, connectionId);
  return stored !== null && (await isJiraEnabled(deps.db, stored.row.orgId));
}

interface IssueEvent {
  webhookEvent: string;
  issueKey: string | null;
  /** The issue it is about (what a live re-sync reads for it: see live/affected-queries.ts). */
  change: PendingChange;
}

const text = (value: unknown, max: number): string | null =>
  typeof value === "string" && value.length > 0 ? value.slice(0, max) : null;

function parseIssueEvent(body: Buffer): IssueEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { webhookEvent, issue } = parsed as {
    webhookEvent?: unknown;
    issue?: { id?: unknown; key?: unknown; fields?: { parent?: { key?: unknown } | null } | null };
  };
  if (typeof webhookEvent !== "string" || !webhookEvent.startsWith("jira:issue_")) return null;
  const about = issue && typeof issue === "object" ? issue : null;
  const key = text(about?.key, 100);
  const parent = about?.fields && typeof about.fields === "object" ? about.fields.parent : null;
  return {
    webhookEvent: webhookEvent.slice(0, 100),
    issueKey: key,
    change: {
      issueId: text(about?.id, 100),
      issueKey: key?.includes("-") ? key.toUpperCase() : null,
      parentKey: parent && typeof parent === "object" ? text(parent.key, 100) : null,
    },
  };
}
