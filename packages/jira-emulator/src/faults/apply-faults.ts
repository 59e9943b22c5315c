/** Decides and applies the random faults for one request (before it reaches the Jira handlers). */
import type { EmulatorState } from "../emulator-state.ts";
import { json } from "../http/respond.ts";

/** What the handler should do instead of (or in addition to) answering normally. */
export type FaultDecision =
  | { kind: "none" }
  | { kind: "respond"; response: Response; fault: string }
  | { kind: "hang" }
  | { kind: "reset" }
  | { kind: "malformed" };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits for the configured latency plus jitter. */
export async function applyLatency(state: EmulatorState): Promise<boolean> {
  const { latencyMs, jitterMs } = state.faults;
  const delay = latencyMs + (jitterMs > 0 ? Math.random() * jitterMs : 0);
  if (delay <= 0) return false;
  await sleep(delay);
  return true;
}

function rateLimited(state: EmulatorState, now: number): Response | undefined {
  const limit = state.faults.rateLimitPerSecond;
  if (limit <= 0) return undefined;
  state.recentRequests = state.recentRequests.filter((t) => now - t < 1000);
  if (state.recentRequests.length < limit) {
    state.recentRequests.push(now);
    return undefined;
  }
  const oldest = state.recentRequests[0] ?? now;
  const retryAfter = Math.max(1, Math.ceil((1000 - (now - oldest)) / 1000));
  const reset = new Date(now + retryAfter * 1000).toISOString().slice(0, 16);
  // Data Center without its rate limiter configured sheds load at the proxy: 503, maybe with Retry-After.
  if (state.deployment === "data-center")
    return json(
      503,
      { errorMessages: ["Service Unavailable"], errors: {} },
      { "retry-after": String(retryAfter) },
    );
  return json(
    429,
    { errorMessages: ["Rate limit exceeded."], errors: {} },
    {
      "retry-after": String(retryAfter),
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": `${reset}Z`,
      "x-ratelimit-nearlimit": "true",
      "ratelimit-reason": "jira-burst-based",
    },
  );
}

/** Picks the fault for this request, if any. Rate limiting is counted for every matching request. */
export function decideFault(state: EmulatorState, path: string): FaultDecision {
  const f = state.faults;
  if (f.pathPattern !== null && !new RegExp(f.pathPattern).test(path)) return { kind: "none" };
  const limited = rateLimited(state, Date.now());
  if (limited !== undefined) return { kind: "respond", response: limited, fault: "rate-limit" };
  if (f.resetRate > 0 && Math.random() < f.resetRate) return { kind: "reset" };
  if (f.hangRate > 0 && Math.random() < f.hangRate) return { kind: "hang" };
  if (f.error503Rate > 0 && Math.random() < f.error503Rate) {
    return {
      kind: "respond",
      fault: "503",
      response: json(503, { errorMessages: ["Service Unavailable"], errors: {} }, { "retry-after": "1" }),
    };
  }
  if (f.error500Rate > 0 && Math.random() < f.error500Rate) {
    return {
      kind: "respond",
      fault: "500",
      response: json(500, { errorMessages: ["Internal server error"], errors: {} }),
    };
  }
  if (f.malformedJsonRate > 0 && Math.random() < f.malformedJsonRate) return { kind: "malformed" };
  return { kind: "none" };
}
