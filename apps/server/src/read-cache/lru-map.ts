/**
 * A size-bounded map that forgets its least recently used entries first, each entry living at most `ttlMs`
 * (measured on the injected clock). Pure in-process memory: what is shared between processes is the
 * version an entry is keyed or checked by, never the entry.
 */
export class LruMap<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();
  readonly options: { maxEntries: number; ttlMs: number; now: () => Date };

  constructor(options: { maxEntries: number; ttlMs: number; now: () => Date }) {
    this.options = options;
  }

  /** The live value under `key`, or undefined (an expired entry is dropped). */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.options.now().getTime()) {
      this.#entries.delete(key);
      return undefined;
    }
    // Re-inserted so that iteration order is least recently used first.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` until `ttlMs` from now, or until `expiresAt` when that is sooner. */
  set(key: string, value: V, expiresAt?: Date): void {
    const ttlEnd = this.options.now().getTime() + this.options.ttlMs;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: Math.min(ttlEnd, expiresAt?.getTime() ?? ttlEnd) });
    while (this.#entries.size > this.options.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
