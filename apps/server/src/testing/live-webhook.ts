import { createHmac, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import type { Goalpost } from "../start-goalpost.ts";
import type { HttpSession } from "./http-session.ts";

/** The `x-hub-signature` Jira sends with a delivery signed by the webhook's `secret`. */
export function hubSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * A `jira:issue_updated` delivery of `issue` to the connection's webhook as its manager (`session`) sees it
 * now, signed with its secret and carrying a fresh delivery identifier, as Jira sends one.
 */
export async function deliverIssueUpdated(
  goalpost: Goalpost,
  input: { session: HttpSession; connectionId: string; issue: { id: string; key: string } },
) {
  const webhook = await input.session.get(`/api/v1/jira/connections/${input.connectionId}/webhook`);
  const { url, secret } = webhook.json();
  const body = JSON.stringify({ webhookEvent: "jira:issue_updated", issue: { ...input.issue, fields: {} } });
  return goalpost.app.inject({
    method: "POST",
    url: `/api/v1/hooks/jira/${String(url).split("/").at(-1)}`,
    payload: body,
    headers: {
      "content-type": "application/json",
      "x-hub-signature": hubSignature(secret, body),
      "x-atlassian-webhook-identifier": randomUUID(),
    },
  });
}

/** The pg-boss jobs named `names` (in `states` when given: `created`, `retry`, `active`, `completed`, …). */
export async function countJobs(
  db: Db,
  names: readonly string[],
  states?: readonly string[],
): Promise<number> {
  const list = (values: readonly string[]) =>
    sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    );
  const rows = await db.execute(
    states === undefined
      ? sql`select count(*)::int as n from pgboss.job where name in (${list(names)})`
      : sql`select count(*)::int as n from pgboss.job where name in (${list(names)}) and state::text in (${list(states)})`,
  );
  return (rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}

/** Whether no live re-sync or probe is waiting or running. */
export async function liveQueueIdle(db: Db): Promise<boolean> {
  return (await countJobs(db, ["live-sync", "probe-connection"], ["created", "retry", "active"])) === 0;
}
