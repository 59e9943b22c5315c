import type { Caller } from "../http/request-caller.ts";
import { LruMap } from "../read-cache/lru-map.ts";

/** A verified caller; for an API token, the token and when its use was last recorded. */
export interface CachedCaller {
  caller: Caller;
  token?: { tokenId: string; lastUsedAt: Date | null };
}

/** How long a verified session or API token is trusted in-process before it is verified again. */
export const CALLER_TTL_MS = 60_000;
/**
 * How often a process reads the revocation version (the `auth` scope, bumped by a database trigger whenever
 * a session or API token is deleted or a session shortened): a revoked session or token stops working in
 * every process at most this long (plus one query) after the revocation commits, and at once in the process
 * that handled it.
 */
export const REVOCATION_CHECK_MS = 1000;
const MAX_CALLERS = 10_000;

/**
 * Verified callers by credential (a signed session cookie or an API token's hash), so a request costs no
 * session lookup. Every entry goes when the revocation version changes; the version is read at most once per
 * {@link REVOCATION_CHECK_MS}, by one request at a time.
 */
export class CallerCache {
  readonly #entries: LruMap<CachedCaller>;
  #version: number | null = null;
  #checkedAt = Number.NEGATIVE_INFINITY;
  #expiredAt = Number.NEGATIVE_INFINITY;
  #checking: Promise<void> | null = null;
  /** Bumped whenever the entries are cleared: a lookup started before a clear must not repopulate. */
  #generation = 0;

  readonly deps: { now: () => Date; readRevocationVersion: () => Promise<number> };

  constructor(deps: { now: () => Date; readRevocationVersion: () => Promise<number> }) {
    this.deps = deps;
    this.#entries = new LruMap({ maxEntries: MAX_CALLERS, ttlMs: CALLER_TTL_MS, now: deps.now });
  }

  /** The cached caller for `key`, after making sure revocations are at most {@link REVOCATION_CHECK_MS} old. */
  async get(key: string): Promise<CachedCaller | undefined> {
    await this.#checkRevocations();
    return this.#entries.get(key);
  }

  /** The generation to pass to {@link set} for a lookup that starts now. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Caches a caller verified against the database by a lookup that started at `generation`; dropped when a
   * revocation was seen since (the lookup may predate it).
   */
  set(key: string, caller: CachedCaller, generation: number, expiresAt?: Date): void {
    if (generation !== this.#generation) return;
    this.#entries.set(key, caller, expiresAt);
  }

  /** Makes the next request read the revocation version (after a write in this process, which may revoke). */
  expire(): void {
    this.#expiredAt = this.deps.now().getTime();
  }

  async #checkRevocations(): Promise<void> {
    const now = this.deps.now().getTime();
    // A check that started no later than the last expiry may have read the version before that write.
    if (now - this.#checkedAt < REVOCATION_CHECK_MS && this.#checkedAt > this.#expiredAt) return;
    this.#checking ??= (async () => {
      try {
        const startedAt = this.deps.now().getTime();
        const version = await this.deps.readRevocationVersion();
        if (version !== this.#version) {
          this.#entries.clear();
          this.#generation += 1;
          this.#version = version;
        }
        this.#checkedAt = startedAt;
      } finally {
        this.#checking = null;
      }
    })();
    await this.#checking;
  }
}
