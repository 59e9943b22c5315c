import { afterEach, describe, expect, it, vi } from "vitest";
import { finishedWithin } from "./answer-within.ts";

const logger = () => ({ error: vi.fn() });

describe("finishedWithin", () => {
  afterEach(() => vi.useRealTimers());

  it("is true when the work finishes in time", async () => {
    expect(await finishedWithin(Promise.resolve(1), 1000, logger())).toBe(true);
  });

  it("throws the work's failure when it fails in time", async () => {
    await expect(finishedWithin(Promise.reject(new Error("boom")), 1000, logger())).rejects.toThrow("boom");
  });

  it("is false once the wait is over, and logs a later failure instead of leaving it unhandled", async () => {
    vi.useFakeTimers();
    let fail: (error: Error) => void = () => {};
    const work = new Promise((_, reject) => {
      fail = reject;
    });
    const log = logger();
    const answer = finishedWithin(work, 5000, log);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await answer).toBe(false);
    fail(new Error("Jira timed out"));
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledOnce());
  });
});
