import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { notifyRefreshed } from "../lib/notify";
import { isAwaitingSync, rereadWhileRefreshing, SYNC_POLL_LIMIT, SYNC_POLL_MS } from "../lib/pending-sync";
import type { ApiError } from "./api-error";
import { answer, byId, client } from "./client";
import type {
  CheckIn,
  HistoryResponse,
  IssuesResponse,
  KeyResult,
  KeyResultInput,
  KeyResultPatch,
} from "./okr-types";
import { queryKeys } from "./query-keys";
import { useInvalidateOkrs } from "./use-objectives";

/** One key result with its measure, data source and state. */
export function useKeyResult(id: string) {
  return useQuery<KeyResult, ApiError>({
    queryKey: queryKeys.keyResult(id),
    queryFn: ({ signal }) => answer(client.GET("/api/v1/key-results/{id}", { ...byId(id), signal })),
    refetchInterval: (query) =>
      query.state.data && isAwaitingSync(query.state.data) && query.state.dataUpdateCount < SYNC_POLL_LIMIT
        ? SYNC_POLL_MS
        : false,
  });
}

/** Adds a key result to an objective. */
export function useCreateKeyResult() {
  const invalidate = useInvalidateOkrs();
  return useMutation<KeyResult, ApiError, { objectiveId: string; input: KeyResultInput }>({
    mutationFn: ({ objectiveId, input }) =>
      answer(client.POST("/api/v1/objectives/{id}/key-results", { ...byId(objectiveId), body: input })),
    onSuccess: invalidate,
  });
}

/** Edits a key result (a changed JQL, metric or connection is recomputed by the server). */
export function useUpdateKeyResult() {
  const invalidate = useInvalidateOkrs();
  return useMutation<KeyResult, ApiError, { id: string; input: KeyResultPatch }>({
    mutationFn: ({ id, input }) =>
      answer(client.PATCH("/api/v1/key-results/{id}", { ...byId(id), body: input })),
    onSuccess: invalidate,
  });
}

/** Deletes a key result. */
export function useDeleteKeyResult() {
  const invalidate = useInvalidateOkrs();
  return useMutation<void, ApiError, { id: string }>({
    mutationFn: async ({ id }) => {
      await answer(client.DELETE("/api/v1/key-results/{id}", byId(id)));
    },
    onSuccess: invalidate,
  });
}

/** Re-reads a key result's Jira query now and returns its new state. */
export function useRefreshKeyResult() {
  const invalidate = useInvalidateOkrs();
  return useMutation<KeyResult, ApiError, { id: string }>({
    mutationFn: ({ id }) => answer(client.POST("/api/v1/key-results/{id}/refresh", byId(id))),
    onSuccess: async (item) => {
      notifyRefreshed(item);
      rereadWhileRefreshing(item, invalidate);
      await invalidate();
    },
  });
}

/** Records a manual check-in (key results without a data source). */
export function useCheckIn() {
  const invalidate = useInvalidateOkrs();
  return useMutation<CheckIn, ApiError, { id: string; value: number; note?: string }>({
    mutationFn: ({ id, value, note }) =>
      answer(client.POST("/api/v1/key-results/{id}/check-ins", { ...byId(id), body: { value, note } })),
    onSuccess: invalidate,
  });
}

/** A key result's check-ins over time; `version` (its last sync time) re-reads it after each sync. */
export function useKeyResultHistory(id: string, version: string | null) {
  return useQuery<HistoryResponse, ApiError>({
    queryKey: [...queryKeys.history("key-results", id), version],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => answer(client.GET("/api/v1/key-results/{id}/history", { ...byId(id), signal })),
  });
}

/**
 * The Jira issues behind a key result's (or a Jira-measured objective's) number; `version` (its last sync
 * time) re-reads them after each sync.
 */
export function useItemIssues(
  item: { kind: "key-results" | "objectives"; id: string },
  version: string | null,
  enabled: boolean,
) {
  return useQuery<IssuesResponse, ApiError>({
    queryKey: [...queryKeys.issues(item.id), item.kind, version],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      answer(
        item.kind === "key-results"
          ? client.GET("/api/v1/key-results/{id}/issues", { ...byId(item.id), signal })
          : client.GET("/api/v1/objectives/{id}/issues", { ...byId(item.id), signal }),
      ),
    enabled,
  });
}
