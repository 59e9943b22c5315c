import { describe, expect, it } from "vitest";
import { AnswerCache } from "./answer-cache.ts";

describe("AnswerCache", () => {
  it("computes a missing answer once for concurrent requests, then serves it", async () => {
    const cache = new AnswerCache({ now: () => new Date(0) });
    let computed = 0;
    let release: (value: Buffer) => void = () => {};
    const compute = () => {
      computed += 1;
      return new Promise<Buffer>((resolve) => {
        release = resolve;
      });
    };
    const first = cache.answer("k", compute);
    const second = cache.answer("k", compute);
    const json = Buffer.from('{"a":1}');
    release(json);
    expect(await Promise.all([first, second])).toEqual([json, json]);
    expect(await cache.answer("k", compute)).toBe(json);
    expect(computed).toBe(1);
  });

  it("does not keep a failed computation", async () => {
    const cache = new AnswerCache({ now: () => new Date(0) });
    await expect(cache.answer("k", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const ok = Buffer.from('"ok"');
    expect(await cache.answer("k", async () => ok)).toBe(ok);
  });
});
