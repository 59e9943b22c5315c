import {
  type AdminUserSpec,
  createJiraEmulator,
  type JiraEmulator,
  type JiraEmulatorOptions,
} from "@goalpost/jira-emulator";
import type { JiraAccess } from "../jira-connections/jira-access.ts";
import type { Logger } from "../logging/logger.ts";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, signUpWithOrg } from "./http-session.ts";
import { CLOUD, type TestDeployment } from "./jira-deployments.ts";
import { startTestGoalpost } from "./start-test-goalpost.ts";

/** The Jira account integration tests connect with by default (a site admin: sees every project). */
export const TEST_JIRA_USER = { email: "ada@example.com", token: "ada-jira-token" } as const;

/**
 * Interactive and background Jira calls of a test world: one attempt, 3 s each, so a fault shows at once and a
 * hung read fails the test quickly rather than waiting out production timeouts.
 */
export const FAST_JIRA: Omit<JiraAccess, "allowHosts"> = {
  timeoutMs: 3000,
  retry: { maxAttempts: 1 },
  syncTimeoutMs: 3000,
  syncRetry: { maxAttempts: 1 },
};

/** What {@link startJiraWorld} starts; every field has a default. */
export interface JiraWorldOptions {
  /** Which kind of Jira the emulator plays (and the connection declares). Default: Cloud. */
  deployment?: TestDeployment;
  /** The emulator's options besides its deployment (dataset `demo`, the default user, listening by default). */
  emulator?: Omit<JiraEmulatorOptions, "deployment">;
  /** More Goalpost environment (`JIRA_ALLOW_HOSTS` for the emulator is always set). */
  env?: Record<string, string>;
  /** Jira call tuning (e.g. {@link FAST_JIRA}). Default: production's timeouts and retries. */
  jira?: Omit<JiraAccess, "allowHosts">;
  /**
   * The emulator's webhooks deliver through Goalpost's app as an HTTP client would (same headers and raw body;
   * a retry after 50 ms, one at most), so a test sees a delivery without a port of Goalpost's.
   */
  webhooksThroughApp?: boolean;
  /** More hosts Goalpost may reach besides the emulator's (`JIRA_ALLOW_HOSTS`). */
  allowHosts?: readonly string[];
  /** Goalpost's clock (a test that needs "now" passes `testClock().now`). */
  now?: () => Date;
  logger?: Logger;
  /**
   * The organisation's Jira connection, created by its admin through the API with the first emulator user's
   * credentials: `false` for none. Default: one shared with the whole organisation, named "Acme Jira".
   */
  connection?: false | { name?: string; sharing?: { kind: "private" | "org" } };
}

/** A running world: the emulator, Goalpost, organisation "Acme" with its admin Ada, and maybe a connection. */
export interface JiraWorld extends JiraAndGoalpost {
  /** Ada, admin of Acme. */
  admin: { session: HttpSession; userId: string; orgId: string };
  /** The connection Ada created (empty when `connection: false`). */
  connectionId: string;
  /** The emulator user the connection uses. */
  jiraUser: AdminUserSpec;
  /** A connection body for this Jira and deployment (`email`/`token` default to the first user), plus `over`. */
  connectionBody(over?: Record<string, unknown>, user?: AdminUserSpec): Record<string, unknown>;
}

/** Jira and Goalpost running together, nobody signed up yet. */
export interface JiraAndGoalpost {
  jira: JiraEmulator;
  goalpost: Goalpost;
  deployment: TestDeployment;
  close(): Promise<void>;
}

/**
 * The one way an integration test starts Jira and Goalpost together: the emulator on a real port in the chosen
 * deployment (the demo dataset and {@link TEST_JIRA_USER} unless told otherwise), and Goalpost on `engine`
 * allowed to reach it. `close` stops both, even when start-up failed half-way. Most tests want
 * {@link startJiraWorld}, which also signs up an organisation and connects it.
 */
export async function startJiraAndGoalpost(
  engine: "pglite" | "postgres",
  options: Omit<JiraWorldOptions, "connection"> = {},
): Promise<JiraAndGoalpost> {
  const deployment = options.deployment ?? CLOUD;
  let goalpost: Goalpost | undefined;
  const deliverThroughApp: typeof fetch = async (input, init) => {
    if (!goalpost) return new Response("Goalpost is not up yet", { status: 503 });
    const response = await goalpost.app.inject({
      method: "POST",
      url: new URL(String(input)).pathname,
      headers: init?.headers as Record<string, string>,
      payload: String(init?.body ?? ""),
    });
    return new Response(response.body, { status: response.statusCode });
  };
  const jira = await createJiraEmulator({
    dataset: { name: "demo" },
    users: [TEST_JIRA_USER],
    listen: true,
    ...(options.webhooksThroughApp
      ? { webhooks: { fetch: deliverThroughApp, retryDelayMs: 50, maxRetries: 1 } }
      : {}),
    ...options.emulator,
    deployment: deployment.emulator,
  });
  try {
    goalpost = await startTestGoalpost(
      engine,
      { JIRA_ALLOW_HOSTS: [new URL(jira.url).host, ...(options.allowHosts ?? [])].join(","), ...options.env },
      options.logger,
      { ...(options.jira ? { jira: options.jira } : {}), ...(options.now ? { now: options.now } : {}) },
    );
    const started = goalpost;
    return {
      jira,
      goalpost: started,
      deployment,
      async close() {
        await started.close();
        await jira.close();
      },
    };
  } catch (error) {
    await jira.close();
    throw error;
  }
}

/**
 * {@link startJiraAndGoalpost}, then Ada signed up with organisation "Acme", and (unless told not to) an
 * organisation connection she made through the API with the first emulator user's credentials.
 */
export async function startJiraWorld(
  engine: "pglite" | "postgres",
  options: JiraWorldOptions = {},
): Promise<JiraWorld> {
  const started = await startJiraAndGoalpost(engine, options);
  const { jira, goalpost, deployment } = started;
  try {
    const signedUp = await signUpWithOrg(goalpost.app, {
      name: "Ada",
      email: "ada@acme.test",
      orgName: "Acme",
    });
    const jiraUser = options.emulator?.users?.[0] ?? TEST_JIRA_USER;
    const connectionBody = (over: Record<string, unknown> = {}, user: AdminUserSpec = jiraUser) => ({
      ...deployment.connectionBody(jira, user.email, user.token),
      ...over,
    });
    let connectionId = "";
    if (options.connection !== false) {
      const created = await signedUp.session.post(`/api/v1/orgs/${signedUp.orgId}/jira/connections`, {
        name: options.connection?.name ?? "Acme Jira",
        sharing: options.connection?.sharing ?? { kind: "org" },
        ...connectionBody(),
      });
      if (created.statusCode !== 201) throw new Error(`connection: ${created.statusCode} ${created.body}`);
      connectionId = created.json().id as string;
    }
    return { ...started, admin: signedUp, connectionId, jiraUser, connectionBody };
  } catch (error) {
    await started.close();
    throw error;
  }
}
