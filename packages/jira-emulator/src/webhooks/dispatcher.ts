/**
 * Delivers admin-webhook events (`jira:issue_created|updated|deleted`) with Jira's headers, an HMAC-SHA256
 * `x-hub-signature` when a secret is set, and retries on failure.
 */
import { createHmac, randomUUID } from "node:crypto";
import type { SiteStore } from "../store/site-store.ts";
import type { ChangelogHistory, SiteUser, SiteWebhook, StoredIssue } from "../store/types.ts";

/** Issue events Jira sends to admin webhooks. */
export type IssueEvent = "jira:issue_created" | "jira:issue_updated" | "jira:issue_deleted";

/** One delivery attempt, as the admin API lists it. */
export interface DeliveryRecord {
  webhookId: number;
  identifier: string;
  event: IssueEvent;
  issueKey: string;
  attempt: number;
  status: number;
  error?: string;
  at: string;
}

/** Settings of the dispatcher. */
export interface DispatcherOptions {
  /** The fetch used to deliver (defaults to the global fetch). */
  fetch?: typeof fetch;
  /** Retries after the first failed attempt. Default 4. */
  maxRetries?: number;
  /** Delay before the first retry, doubled each time (ms). Default 1000. */
  retryDelayMs?: number;
}

/** What an event needs to be matched and rendered. */
export interface EventInput {
  event: IssueEvent;
  issue: StoredIssue;
  user: SiteUser | null;
  history?: ChangelogHistory | undefined;
  /** Whether the webhook's JQL matches the issue (evaluated by the caller, who owns the JQL engine). */
  matches: (webhook: SiteWebhook, issue: StoredIssue) => boolean;
  /** Renders the payload's `issue`. */
  render: (issue: StoredIssue) => Record<string, unknown>;
  /** Renders the payload's `user`. */
  renderUser: (user: SiteUser) => unknown;
}

const EVENT_TYPE: Record<IssueEvent, string> = {
  "jira:issue_created": "issue_created",
  "jira:issue_updated": "issue_generic",
  "jira:issue_deleted": "issue_deleted",
};

/** Queues and delivers webhook calls. */
export class WebhookDispatcher {
  readonly deliveries: DeliveryRecord[] = [];
  readonly #pending = new Set<Promise<void>>();
  readonly #store: () => SiteStore;
  #options: Required<DispatcherOptions>;

  constructor(store: () => SiteStore, options: DispatcherOptions = {}) {
    this.#store = store;
    this.#options = {
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      maxRetries: options.maxRetries ?? 4,
      retryDelayMs: options.retryDelayMs ?? 1000,
    };
  }

  /** Changes delivery settings (admin API, tests). */
  configure(options: DispatcherOptions): void {
    this.#options = {
      ...this.#options,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    };
  }

  /** Sends the event to every enabled webhook that subscribes to it and whose JQL filter matches. */
  emit(input: EventInput): void {
    for (const webhook of this.#store().webhooks.values()) {
      if (!webhook.enabled || !webhook.events.includes(input.event)) continue;
      if (!input.matches(webhook, input.issue)) continue;
      const payload: Record<string, unknown> = {
        timestamp: this.#store().now().getTime(),
        webhookEvent: input.event,
        issue_event_type_name: input.history?.items.some((i) => i.field === "assignee")
          ? "issue_assigned"
          : EVENT_TYPE[input.event],
        ...(input.user === null ? {} : { user: input.renderUser(input.user) }),
        ...(webhook.excludeBody ? {} : { issue: input.render(input.issue) }),
      };
      if (input.history !== undefined)
        payload.changelog = { id: input.history.id, items: input.history.items };
      const delivery = this.#deliver(webhook, input.event, input.issue.key, JSON.stringify(payload));
      this.#pending.add(delivery);
      void delivery.finally(() => this.#pending.delete(delivery));
    }
  }

  /** Resolves when every queued delivery (including retries) has finished. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  async #deliver(webhook: SiteWebhook, event: IssueEvent, issueKey: string, body: string): Promise<void> {
    const identifier = randomUUID();
    for (let attempt = 0; attempt <= this.#options.maxRetries; attempt++) {
      if (attempt > 0)
        await new Promise((r) => setTimeout(r, this.#options.retryDelayMs * 2 ** (attempt - 1)));
      const headers: Record<string, string> = {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Atlassian Webhook HTTP Client",
        "x-atlassian-webhook-identifier": identifier,
        "x-atlassian-webhook-retry": String(attempt),
        "x-atlassian-webhook-flow": attempt === 0 ? "Primary" : "Secondary",
      };
      if (webhook.secret)
        headers["x-hub-signature"] =
          `sha256=${createHmac("sha256", webhook.secret).update(body).digest("hex")}`;
      const record: DeliveryRecord = {
        webhookId: webhook.id,
        identifier,
        event,
        issueKey,
        attempt,
        status: 0,
        at: new Date().toISOString(),
      };
      try {
        const response = await this.#options.fetch(webhook.url, { method: "POST", headers, body });
        record.status = response.status;
        await response.body?.cancel();
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      }
      this.deliveries.push(record);
      if (record.status >= 200 && record.status < 300) return;
    }
  }
}
