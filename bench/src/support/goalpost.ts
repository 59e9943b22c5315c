import type { Goalpost } from "@goalpost/server";
import { signUpWithOrg, startTestGoalpost } from "@goalpost/server/testing";

/** PostgreSQL server the benchmarks create scratch databases on (`BENCH_DATABASE_URL`). */
export const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type Engine = "pglite" | "postgres";

/**
 * A whole Goalpost (no background workers) on in-memory PGlite or a scratch PostgreSQL database, allowed to
 * reach `jiraUrl`; an organisation with its admin and one Jira connection shared with the org.
 */
export async function startBenchGoalpost(input: {
  engine: Engine;
  jiraUrl?: string;
  jira?: { email: string; token: string };
  env?: Record<string, string>;
}) {
  if (input.engine === "postgres") process.env.TEST_DATABASE_URL = POSTGRES_URL;
  const goalpost: Goalpost = await startTestGoalpost(input.engine, {
    ...(input.jiraUrl ? { JIRA_ALLOW_HOSTS: new URL(input.jiraUrl).host } : {}),
    ...input.env,
  });
  const { session, orgId, userId } = await signUpWithOrg(goalpost.app, {
    name: "Bench Admin",
    email: "bench@goalpost.test",
    orgName: "Bench Org",
  });
  let connectionId: string | null = null;
  if (input.jiraUrl && input.jira) {
    const created = await session.post(`/api/v1/orgs/${orgId}/jira/connections`, {
      name: "Bench Jira",
      baseUrl: input.jiraUrl,
      email: input.jira.email,
      apiToken: input.jira.token,
      sharing: { kind: "org" },
    });
    if (created.statusCode !== 201) throw new Error(`connection: ${created.statusCode} ${created.body}`);
    connectionId = (created.json() as { id: string }).id;
  }
  return { goalpost, session, orgId, userId, connectionId };
}
