import type { JobQueue } from "../jobs/job-queue.ts";
import type { AnswerCache } from "../read-cache/answer-cache.ts";
import type { SyncDeps } from "../sync/sync-deps.ts";

/** What the OKR use cases need: the sync engine's dependencies (refresh) and the queue (syncs requested by edits). */
export interface OkrDeps extends SyncDeps {
  queue: JobQueue;
}

/** What the OKR routes need: the use cases' dependencies and the cache of repeated answers. */
export interface OkrReadDeps extends OkrDeps {
  answers: AnswerCache;
}
