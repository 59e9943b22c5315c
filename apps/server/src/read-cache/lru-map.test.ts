import { describe, expect, it } from "vitest";
import { LruMap } from "./lru-map.ts";

function clock(start = 0) {
  let at = start;
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

describe("LruMap", () => {
  it("forgets an entry after its time to live", () => {
    const time = clock();
    const map = new LruMap<string>({ maxEntries: 10, ttlMs: 1000, now: time.now });
    map.set("a", "A");
    time.advance(999);
    expect(map.get("a")).toBe("A");
    time.advance(1);
    expect(map.get("a")).toBeUndefined();
  });

  it("forgets an entry at its own expiry when that comes first", () => {
    const time = clock();
    const map = new LruMap<string>({ maxEntries: 10, ttlMs: 60_000, now: time.now });
    map.set("a", "A", new Date(500));
    time.advance(500);
    expect(map.get("a")).toBeUndefined();
  });

  it("drops the least recently used entry beyond its size", () => {
    const time = clock();
    const map = new LruMap<number>({ maxEntries: 2, ttlMs: 1000, now: time.now });
    map.set("a", 1);
    map.set("b", 2);
    map.get("a");
    map.set("c", 3);
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual([1, undefined, 3]);
    expect(map.size).toBe(2);
  });
});
