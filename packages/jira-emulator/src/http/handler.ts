/**
 * The emulator's fetch handler: admin routes under `/_emulator/`, then for Jira paths latency and faults,
 * authentication, routing, Jira error bodies, and the request log.
 */
import type { EmulatorState } from "../emulator-state.ts";
import { applyLatency, decideFault } from "../faults/apply-faults.ts";
import { MAX_LOG_ENTRIES, type RequestLogEntry } from "../faults/request-log.ts";
import { linksFor } from "../render/decorate.ts";
import { formatJiraDateTime } from "../store/jira-format.ts";
import { resolveCaller } from "./auth.ts";
import type { ApiContext } from "./context.ts";
import { JiraHttpError, jiraError, json, unauthorized } from "./respond.ts";
import type { Router } from "./router.ts";

/** Raised (in-process) or turned into a socket reset (server) for the connection-reset fault. */
export class ConnectionResetError extends TypeError {
  constructor() {
    super("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
  }
}

/** The response header that marks an answer for a route the emulator does not serve. */
export const EMULATOR_HEADER = "x-jira-emulator";
const NOT_EMULATED = "not-emulated";

/** A handler from Request to Response. */
export type FetchHandler = (request: Request) => Promise<Response>;

function hang(request: Request): Promise<Response> {
  return new Promise((_resolve, reject) => {
    if (request.signal.aborted) {
      reject(request.signal.reason);
      return;
    }
    request.signal.addEventListener("abort", () => reject(request.signal.reason), { once: true });
  });
}

/** Builds the handler for a state, the Jira route table and the admin route table. */
export function createHandler(
  state: EmulatorState,
  jira: Router<ApiContext>,
  admin: Router<ApiContext>,
  baseUrl: () => string,
): FetchHandler {
  return async (request) => {
    const started = performance.now();
    const url = new URL(request.url);
    const links = linksFor(baseUrl(), state.deployment);
    const log = (status: number, bytes: number, fault?: string, accountId?: string, notEmulated = false) => {
      const entry: RequestLogEntry = {
        method: request.method,
        path: url.pathname,
        query: url.search.replace(/^\?/, ""),
        status,
        bytes,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        at: formatJiraDateTime(new Date()),
        ...(fault === undefined ? {} : { fault }),
        ...(accountId === undefined ? {} : { accountId }),
        ...(notEmulated ? { notEmulated: true } : {}),
      };
      state.log.push(entry);
      if (state.log.length > MAX_LOG_ENTRIES) state.log.splice(0, state.log.length - MAX_LOG_ENTRIES);
    };
    if (url.pathname.startsWith("/_emulator/")) {
      const ctx: ApiContext = { request, url, params: {}, state, store: state.store, user: null, links };
      return dispatch(admin, ctx);
    }
    const delayed = await applyLatency(state);
    const decision = decideFault(state, url.pathname);
    if (decision.kind === "respond") {
      const text = await decision.response.clone().text();
      log(decision.response.status, text.length, decision.fault);
      return decision.response;
    }
    if (decision.kind === "reset") {
      log(0, 0, "reset");
      throw new ConnectionResetError();
    }
    if (decision.kind === "hang") {
      log(0, 0, "hang");
      return hang(request);
    }
    const caller = resolveCaller(
      state.store,
      request.headers.get("authorization"),
      state.faults.revokedUsers,
      state.deployment,
    );
    let response: Response;
    let accountId: string | undefined;
    if (caller.kind === "invalid") {
      response = unauthorized();
    } else {
      const user = caller.kind === "user" ? caller.user : null;
      accountId = user?.accountId;
      const ctx: ApiContext = { request, url, params: {}, state, store: state.store, user, links };
      response = await dispatch(jira, ctx);
    }
    let body = await response.text();
    let fault: string | undefined = delayed ? "latency" : undefined;
    if (caller.kind === "invalid") fault = caller.revoked === true ? "revoked" : "unauthorized";
    if (decision.kind === "malformed" && response.status === 200) {
      body = body.slice(0, Math.max(1, Math.floor(body.length / 2)));
      fault = "malformed-json";
    }
    const notEmulated = response.headers.get(EMULATOR_HEADER) === NOT_EMULATED;
    log(response.status, Buffer.byteLength(body), fault, accountId, notEmulated);
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return new Response(response.status === 204 ? null : body, { status: response.status, headers });
  };
}

async function dispatch(router: Router<ApiContext>, ctx: ApiContext): Promise<Response> {
  const found = router.match(ctx.request.method, ctx.url.pathname);
  // Jira's own answers for a path or method it does not know, marked so a test can tell "not emulated" apart.
  if (found === undefined)
    return json(
      404,
      { errorMessages: [`null for uri: ${ctx.url.href}`], errors: {} },
      { [EMULATOR_HEADER]: NOT_EMULATED },
    );
  if ("allowed" in found)
    return json(
      405,
      { errorMessages: ["Method Not Allowed"], errors: {} },
      { allow: found.allowed.join(", "), [EMULATOR_HEADER]: NOT_EMULATED },
    );
  try {
    return await found.handler({ ...ctx, params: found.params });
  } catch (error) {
    if (error instanceof JiraHttpError) {
      if (error.status === 401) return unauthorized();
      return jiraError(error.status, error.errorMessages, error.errors);
    }
    const message = error instanceof Error ? error.message : String(error);
    return jiraError(500, [`Internal server error: ${message}`]);
  }
}
