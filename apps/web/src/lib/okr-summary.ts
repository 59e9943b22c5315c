import type { ProgressStatus } from "@goalpost/domain";

/** Filters of the goals list (applied by the server to each objective's own owner and status); null means "any". */
export interface OkrFilters {
  ownerId: string | null;
  status: ProgressStatus | null;
}
