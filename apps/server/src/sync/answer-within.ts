import type { Logger } from "../logging/logger.ts";

/** How long a refresh's HTTP request waits for Jira before answering 202 "refreshing" (the read goes on). */
export const REFRESH_ANSWER_WAIT_MS = 5_000;

/**
 * Waits for `work` at most `waitMs`: true when it finished in time (its failure, if any, is thrown as usual);
 * false when it did not — it then goes on in the background, and a later failure is logged, never unhandled.
 * A person's request is never held for as long as Jira may hang (a sync's timeouts and retries add up to
 * minutes).
 * @example if (!(await finishedWithin(sync, 5000, logger))) answer202()
 */
export async function finishedWithin(
  work: Promise<unknown>,
  waitMs: number,
  logger: Pick<Logger, "error">,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), waitMs);
  });
  try {
    const finished = await Promise.race([work.then(() => true as const), late]);
    if (!finished) {
      work.catch((error: unknown) =>
        logger.error({ err: error }, "a refresh failed after its request was answered"),
      );
    }
    return finished;
  } finally {
    clearTimeout(timer);
  }
}
