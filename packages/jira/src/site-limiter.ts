/** Per-site concurrency limit: a small semaphore per Jira host, shared by every client in the process. */

/** A counting semaphore. */
export interface Semaphore {
  /** Waits for a slot; call the returned function exactly once to give it back. */
  acquire(): Promise<() => void>;
  /** Calls currently holding a slot. */
  readonly active: number;
  /** Calls waiting for a slot. */
  readonly waiting: number;
}

/** Creates a FIFO counting semaphore with `limit` slots (at least 1). */
export function createSemaphore(limit: number): Semaphore {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  const queue: Array<() => void> = [];
  const release = (): void => {
    const next = queue.shift();
    if (next === undefined) active--;
    else next();
  };
  return {
    acquire() {
      return new Promise<() => void>((resolve) => {
        let released = false;
        const grant = (): void =>
          resolve(() => {
            if (released) return;
            released = true;
            release();
          });
        if (active < max) {
          active++;
          grant();
        } else {
          queue.push(grant);
        }
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}

/** Semaphores keyed by site (URL host). */
export interface SiteLimiter {
  /** The semaphore for `host`, created with `limit` slots on first use. */
  forSite(host: string, limit: number): Semaphore;
}

/** Creates a limiter keyed by host; the first caller for a host fixes its limit. */
export function createSiteLimiter(): SiteLimiter {
  const sites = new Map<string, Semaphore>();
  return {
    forSite(host, limit) {
      const key = host.toLowerCase();
      let semaphore = sites.get(key);
      if (semaphore === undefined) {
        semaphore = createSemaphore(limit);
        sites.set(key, semaphore);
      }
      return semaphore;
    },
  };
}

/** The process-wide limiter: all connections to one Jira site share its slots. */
export const sharedSiteLimiter: SiteLimiter = createSiteLimiter();
