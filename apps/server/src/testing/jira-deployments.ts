import type { JiraClientOptions } from "@goalpost/jira";
import type { EmulatedDeployment, JiraEmulator } from "@goalpost/jira-emulator";

/** One kind of Jira an integration test runs against, and what differs between them for a test. */
export interface TestDeployment {
  /** The emulator's mode. */
  emulator: EmulatedDeployment;
  /** The connection's `deployment`. */
  deployment: "cloud" | "dataCenter";
  /** The search endpoint Goalpost pages through. */
  searchPath: string;
  /** Epic children by parent: `parent = K` on Cloud, `"Epic Link" = K` on Data Center (no epic parents). */
  childrenOf(epicKey: string): string;
  /** The body creating a connection with `email` and `token` (API token on Cloud, PAT on Data Center). */
  connectionBody(jira: JiraEmulator, email: string, token: string): Record<string, unknown>;
  /** The PATCH body rotating the connection's secret to `token`. */
  secretPatch(token: string): Record<string, string>;
  /** The body field holding the secret: `apiToken` on Cloud, `personalAccessToken` on Data Center. */
  secretField: "apiToken" | "personalAccessToken";
  /** The e-mail a saved connection shows for `email` (Data Center connections have none: the token names its user). */
  savedEmail(email: string): string;
  /** `createJiraClient` credentials for reading the emulator directly in a test. */
  clientOptions(jira: JiraEmulator, email: string, token: string): JiraClientOptions;
}

/** Jira Cloud: REST v3, e-mail and API token. */
export const CLOUD: TestDeployment = {
  emulator: "cloud",
  deployment: "cloud",
  searchPath: "/rest/api/3/search/jql",
  childrenOf: (key) => `parent = ${key}`,
  connectionBody: (jira, email, token) => ({ baseUrl: jira.url, email, apiToken: token }),
  secretPatch: (token) => ({ apiToken: token }),
  secretField: "apiToken",
  savedEmail: (email) => email,
  clientOptions: (jira, email, token) => ({
    baseUrl: jira.url,
    email,
    apiToken: token,
    allowHosts: [new URL(jira.url).host],
  }),
};

/** Jira Data Center: REST v2, a personal access token. */
export const DATA_CENTER: TestDeployment = {
  emulator: "data-center",
  deployment: "dataCenter",
  searchPath: "/rest/api/2/search",
  childrenOf: (key) => `"Epic Link" = ${key}`,
  connectionBody: (jira, _email, token) => ({
    baseUrl: jira.url,
    deployment: "dataCenter",
    personalAccessToken: token,
  }),
  secretPatch: (token) => ({ personalAccessToken: token }),
  secretField: "personalAccessToken",
  savedEmail: () => "",
  clientOptions: (jira, _email, token) => ({
    baseUrl: jira.url,
    deployment: "dataCenter",
    personalAccessToken: token,
    allowHosts: [new URL(jira.url).host],
  }),
};

/** Both kinds of Jira, for `describe.each` (named by `deployment`). */
export const TEST_DEPLOYMENTS: readonly TestDeployment[] = [CLOUD, DATA_CENTER];

/** Every (database engine, Jira deployment) pair, for `describe.each`. */
export function engineDeploymentPairs<E extends string>(
  engines: readonly E[],
): readonly [E, TestDeployment["deployment"], TestDeployment][] {
  return engines.flatMap((engine) =>
    TEST_DEPLOYMENTS.map(
      (d) => [engine, d.deployment, d] as [E, TestDeployment["deployment"], TestDeployment],
    ),
  );
}
