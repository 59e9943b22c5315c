import { useQuery } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import type { Schemas } from "./schema";

/** One objective of a period's alignment tree (`GET /orgs/:orgId/periods/:id/alignment`). */
export type AlignmentNode = Schemas["AlignmentNode"];

/** A period's objectives as their alignment tree, depth-first. */
export function useAlignmentTree(orgId: string, periodId: string | null) {
  return useQuery<AlignmentNode[], ApiError>({
    queryKey: ["okrs", "alignment", orgId, periodId ?? ""],
    queryFn: async ({ signal }) =>
      (
        await answer(
          client.GET("/api/v1/orgs/{orgId}/periods/{id}/alignment", {
            params: { path: { orgId, id: periodId ?? "" } },
            signal,
          }),
        )
      ).items,
    enabled: periodId !== null,
  });
}
