import type { OkrOwnership } from "@goalpost/domain";
import { LruMap } from "./lru-map.ts";

/**
 * How long a cached answer is served at most. Its key carries the versions of everything it was computed
 * from, so a write anywhere (any process) makes it unreachable at once; the time to live only bounds what
 * the clock changes on its own: expected progress and status move with time (about 1% of a quarter a day).
 */
export const ANSWER_TTL_MS = 60_000;
const MAX_ANSWERS = 2000;

/**
 * A JSON answer, serialised and UTF-8 encoded once: sending it again costs a socket write, not a
 * re-encoding of the string (which was an eighth of the server's CPU serving the goals list).
 */
export type JsonAnswer = Buffer;

/**
 * Serialised, encoded JSON answers of repeated reads (the goals list, a key result, a history), keyed by what they
 * depend on — including the `cache_versions` of their org and period, read in the same query as the caller's
 * access — so every process serves a cached answer only while nothing it was computed from has changed.
 */
export class AnswerCache {
  readonly #answers: LruMap<JsonAnswer>;
  readonly #locations: LruMap<ItemLocation>;
  readonly #computing = new Map<string, Promise<JsonAnswer>>();

  constructor(deps: { now: () => Date }) {
    this.#answers = new LruMap({ maxEntries: MAX_ANSWERS, ttlMs: ANSWER_TTL_MS, now: deps.now });
    this.#locations = new LruMap({ maxEntries: MAX_ANSWERS, ttlMs: ANSWER_TTL_MS, now: deps.now });
  }

  /** The cached answer under `key`, if any. */
  get(key: string): JsonAnswer | undefined {
    return this.#answers.get(key);
  }

  /** Keeps `json` under `key`. */
  set(key: string, json: JsonAnswer): void {
    this.#answers.set(key, json);
  }

  /** Where an item was when its answer was last computed (see {@link ItemLocation}). */
  location(item: string): ItemLocation | undefined {
    return this.#locations.get(item);
  }

  /** Records where an item is, as of the versions its answer was just computed at. */
  locate(item: string, location: ItemLocation): void {
    this.#locations.set(item, location);
  }

  /** Forgets where an item is (moved or gone). */
  forget(item: string): void {
    this.#locations.delete(item);
  }

  /**
   * The answer under `key`, computing (and keeping) it when there is none; concurrent requests for the same
   * missing answer wait for one computation (fifty people opening the goals page after a change cost one).
   */
  async answer(key: string, compute: () => Promise<JsonAnswer>): Promise<JsonAnswer> {
    const cached = this.#answers.get(key);
    if (cached !== undefined) return cached;
    const pending = this.#computing.get(key);
    if (pending) return pending;
    const computing = compute().then((json) => {
      this.#answers.set(key, json);
      return json;
    });
    this.#computing.set(key, computing);
    try {
      return await computing;
    } finally {
      this.#computing.delete(key);
    }
  }
}

/**
 * Where an item (a key result) was, with the versions of its org and period when its answer was computed,
 * and who may edit it. While those versions are unchanged nothing about the item has changed either (every
 * write to it, moving it included, bumps its period), so a request need only check the caller's membership
 * and the two versions — one light query — to be served its cached answer.
 */
export interface ItemLocation {
  orgId: string;
  periodId: string;
  versions: string;
  ownership: { item: OkrOwnership; parent: OkrOwnership };
}

/** The versions part of an answer's key. */
export function versionKey(versions: { org: number | null; period: number | null }): string {
  return `${versions.org ?? 0}.${versions.period ?? 0}`;
}
