/**
 * `createJiraEmulator`: a Jira Cloud (or Data Center) site in a box, usable in-process (`emulator.fetch`) or as a real HTTP
 * server (`listen`).
 */

import { type AdminUserSpec, createAdmin, type EmulatorAdmin } from "./admin/admin-api.ts";
import { adminRoutes } from "./admin/admin-routes.ts";
import { dataCenterRoutes } from "./api/data-center-routes.ts";
import { jiraRoutes } from "./api/routes.ts";
import type { DatasetSpec } from "./datasets/index.ts";
import type { EmulatedDeployment, EmulatorState } from "./emulator-state.ts";
import { defaultFaults, type FaultConfig } from "./faults/fault-config.ts";
import { createHandler } from "./http/handler.ts";
import { atlaskitJqlEngine, type JqlEngine } from "./search/jql-engine.ts";
import { startServer, type TlsOptions } from "./server/node-server.ts";
import { SiteStore } from "./store/site-store.ts";
import { type DispatcherOptions, WebhookDispatcher } from "./webhooks/dispatcher.ts";

/** Options of {@link createJiraEmulator}. */
export interface JiraEmulatorOptions {
  /**
   * `cloud` (default): Jira Cloud, REST v3 with basic auth (e-mail + API token). `data-center`: Jira Data
   * Center, REST v2 with personal access tokens (a user's token is their PAT, sent as `Bearer`), classic
   * projects and Epic Link; the v3 cloud-only endpoints answer 404 as on a real Data Center server.
   */
  deployment?: EmulatedDeployment;
  /** Dataset to start with. Default `{ name: "demo" }`. */
  dataset?: DatasetSpec;
  /** Site admins (see every project; may create projects, fields, webhooks). */
  users?: AdminUserSpec[];
  /** Start a real HTTP server: `true` for a free port, or a port number. Default: in-process only. */
  listen?: boolean | number;
  /** Host to bind when listening. Default `127.0.0.1`. */
  host?: string;
  /**
   * The site's base URL as clients should see it: `self` links and `serverInfo.baseUrl` (e.g.
   * `https://acme.atlassian.net`). Default: where it listens, or `http://jira-emulator.local` in-process.
   */
  baseUrl?: string;
  /** Serve HTTPS with this PEM certificate and key (only when listening). */
  tls?: TlsOptions;
  /** Initial faults. */
  faults?: Partial<FaultConfig>;
  /** Webhook delivery settings (retry delay, a custom fetch). */
  webhooks?: DispatcherOptions;
  /** Use this JQL engine instead of loading `src/jql`. */
  jqlEngine?: JqlEngine;
  /** Freeze the site clock at this instant (it only moves by time travel). */
  frozenClock?: Date;
  /**
   * The server's default time zone (IANA), given to every user of the dataset: JQL dates (`created >=
   * "2026-11-02"`) are read in the searching user's zone, and on Data Center that is the server's unless a user
   * set their own. Default: UTC.
   */
  timeZone?: string;
}

/** A running emulator. */
export interface JiraEmulator {
  /** Which Jira it plays. */
  deployment: EmulatedDeployment;
  /** Where it answers: `http(s)://127.0.0.1:<port>` when listening, else the base URL. */
  url: string;
  /** A fetch bound to the emulator: pass it to clients as their `fetch` (no port needed). */
  fetch: typeof fetch;
  /** Stops the server (if any) and pending work. */
  close(): Promise<void>;
  admin: EmulatorAdmin;
}

/** Creates an emulator. */
export async function createJiraEmulator(options: JiraEmulatorOptions = {}): Promise<JiraEmulator> {
  const jql = options.jqlEngine ?? atlaskitJqlEngine;
  const deployment = options.deployment ?? "cloud";
  const state: EmulatorState = {
    deployment,
    store: new SiteStore(),
    faults: { ...defaultFaults(), ...options.faults },
    log: [],
    jql,
    webhooks: new WebhookDispatcher(() => state.store, options.webhooks),
    requestCount: 0,
    recentRequests: [],
  };
  const admins = [...(options.users ?? [])];
  const admin = createAdmin(state, admins, options.dataset ?? { name: "demo" });
  const frozen = options.frozenClock;
  const applyClock = () => {
    if (frozen !== undefined) state.store.frozenAt = frozen.getTime();
    if (options.timeZone !== undefined) {
      for (const user of state.store.users.values()) user.timeZone = options.timeZone;
    }
  };
  applyClock();
  const originalReset = admin.reset.bind(admin);
  admin.reset = (dataset) => {
    originalReset(dataset);
    applyClock();
  };
  const siteUrl = options.baseUrl?.replace(/\/+$/, "");
  let url = siteUrl ?? "http://jira-emulator.local";
  const handler = createHandler(
    state,
    deployment === "data-center" ? dataCenterRoutes() : jiraRoutes(),
    adminRoutes(admin),
    () => siteUrl ?? url,
  );
  let server: { url: string; close(): Promise<void> } | undefined;
  if (options.listen !== undefined && options.listen !== false) {
    server = await startServer(
      handler,
      options.listen === true ? 0 : options.listen,
      options.host ?? "127.0.0.1",
      options.tls,
    );
    url = server.url;
  }
  const boundFetch: typeof fetch = async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const target = new URL(request.url);
    const local = new URL(target.pathname + target.search, url);
    const forwarded = handler(new Request(local, request));
    const signal = init?.signal ?? (input instanceof Request ? input.signal : null);
    if (!signal) return forwarded;
    // A copied Request follows its source's signal only weakly: a garbage collection while a call hangs can
    // drop that link, and the call would never abort. The caller's signal is wired to the call here, strongly.
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      forwarded.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
  };
  return {
    get url() {
      return url;
    },
    deployment,
    fetch: boundFetch,
    close: async () => {
      await server?.close();
    },
    admin,
  };
}
