import { describe, expect, it } from "vitest";
import { CALLER_TTL_MS, type CachedCaller, CallerCache, REVOCATION_CHECK_MS } from "./caller-cache.ts";

const ada: CachedCaller = {
  caller: { user: { id: "u1", name: "Ada", email: "ada@example.test" }, via: "session" },
};

function setup() {
  let at = 1_000_000;
  let version = 0;
  let reads = 0;
  const cache = new CallerCache({
    now: () => new Date(at),
    readRevocationVersion: async () => {
      reads += 1;
      return version;
    },
  });
  return {
    cache,
    advance: (ms: number) => (at += ms),
    revoke: () => (version += 1),
    reads: () => reads,
  };
}

describe("CallerCache", () => {
  it("reads the revocation version at most once per interval", async () => {
    const { cache, advance, reads } = setup();
    cache.set("s:a", ada, cache.generation);
    await cache.get("s:a");
    await cache.get("s:a");
    advance(REVOCATION_CHECK_MS - 1);
    await cache.get("s:a");
    expect(reads()).toBe(1);
    advance(1);
    await cache.get("s:a");
    expect(reads()).toBe(2);
  });

  it("drops every caller within the interval after a revocation elsewhere", async () => {
    const { cache, advance, revoke } = setup();
    await cache.get("s:a");
    cache.set("s:a", ada, cache.generation);
    revoke();
    expect(await cache.get("s:a")).toEqual(ada);
    advance(REVOCATION_CHECK_MS);
    expect(await cache.get("s:a")).toBeUndefined();
  });

  it("re-reads the version at once after a write in this process", async () => {
    const { cache, revoke } = setup();
    await cache.get("s:a");
    cache.set("s:a", ada, cache.generation);
    revoke();
    cache.expire();
    expect(await cache.get("s:a")).toBeUndefined();
  });

  it("does not keep a caller looked up before a revocation it has since seen", async () => {
    const { cache, advance, revoke } = setup();
    await cache.get("s:a");
    const generation = cache.generation;
    revoke();
    advance(REVOCATION_CHECK_MS);
    await cache.get("s:b");
    cache.set("s:a", ada, generation);
    expect(await cache.get("s:a")).toBeUndefined();
  });

  it("verifies a caller again after its time to live", async () => {
    const { cache, advance } = setup();
    await cache.get("s:a");
    cache.set("s:a", ada, cache.generation);
    advance(CALLER_TTL_MS);
    expect(await cache.get("s:a")).toBeUndefined();
  });
});
