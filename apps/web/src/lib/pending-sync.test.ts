import { afterEach, describe, expect, it, vi } from "vitest";
import { buildItemState } from "../testing/builders";
import { REFRESHING_REREAD_MS, rereadWhileRefreshing } from "./pending-sync";

const state = (refreshing?: boolean) => ({
  state: buildItemState({
    value: 1,
    progress: 10,
    expected: 50,
    status: "behind",
    syncedAt: null,
    ...(refreshing === undefined ? {} : { refreshing }),
  }),
});

describe("rereadWhileRefreshing", () => {
  afterEach(() => vi.useRealTimers());

  it("re-reads a few times after a refresh answered while Jira was still being read", () => {
    vi.useFakeTimers();
    const reread = vi.fn();
    rereadWhileRefreshing(state(true), reread);
    expect(reread).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REFRESHING_REREAD_MS.at(-1) ?? 0);
    expect(reread).toHaveBeenCalledTimes(REFRESHING_REREAD_MS.length);
  });

  it("does nothing after a refresh that finished", () => {
    vi.useFakeTimers();
    const reread = vi.fn();
    rereadWhileRefreshing(state(false), reread);
    rereadWhileRefreshing(state(undefined), reread);
    vi.advanceTimersByTime(120_000);
    expect(reread).not.toHaveBeenCalled();
  });
});
