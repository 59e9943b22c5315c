import { useQuery } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api } from "./client";
import type { ProgressStatus } from "./okr-types";

/** One objective of a period's alignment tree (`GET /orgs/:orgId/periods/:id/alignment`). */
export interface AlignmentNode {
  id: string;
  title: string;
  ownerId: string | null;
  parentId: string | null;
  weight: number;
  /** 0 for a root. */
  depth: number;
  /** Rolled up through the tree. */
  progress: number | null;
  expected: number;
  status: ProgressStatus;
  childIds: string[];
}

/** A period's objectives as their alignment tree, depth-first. */
export function useAlignmentTree(orgId: string, periodId: string | null) {
  return useQuery<AlignmentNode[], ApiError>({
    queryKey: ["okrs", "alignment", orgId, periodId ?? ""],
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: AlignmentNode[] }>(
          `/api/v1/orgs/${encodeURIComponent(orgId)}/periods/${encodeURIComponent(periodId ?? "")}/alignment`,
          signal,
        )
      ).items,
    enabled: periodId !== null,
  });
}
