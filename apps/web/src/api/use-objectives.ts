import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { notifyRefreshed } from "../lib/notify";
import { anyAwaitingSync, rereadWhileRefreshing, SYNC_POLL_LIMIT, SYNC_POLL_MS } from "../lib/pending-sync";
import type { ApiError } from "./api-error";
import { answer, byId, client } from "./client";
import type {
  HistoryResponse,
  Objective,
  ObjectiveInput,
  ObjectiveListItem,
  ObjectivePatch,
  ProgressStatus,
} from "./okr-types";
import { queryKeys } from "./query-keys";
import type { ResponseBody } from "./schema";

/** Objectives the goals page shows at once, and fetches per "Show more" (the API's default page). */
export const OBJECTIVES_PER_PAGE = 20;

/** A page of the goals list with the period's summary by status. */
export type ObjectivePage = ResponseBody<"/api/v1/orgs/{orgId}/objectives", "get">;

/**
 * The goals list of a period, a page of {@link OBJECTIVES_PER_PAGE} at a time (`fetchNextPage` for the
 * next), filtered by the objective's owner and status on the server.
 */
export function useObjectivePages(
  orgId: string,
  periodId: string | null,
  filters: { ownerId: string | null; status: ProgressStatus | null },
) {
  return useInfiniteQuery<
    ObjectivePage,
    ApiError,
    { pages: ObjectivePage[] },
    readonly unknown[],
    string | null
  >({
    queryKey: [...queryKeys.objectives(orgId, periodId ?? ""), "pages", filters.ownerId, filters.status],
    queryFn: ({ signal, pageParam }) =>
      answer(
        client.GET("/api/v1/orgs/{orgId}/objectives", {
          params: {
            path: { orgId },
            query: {
              periodId: periodId ?? "",
              limit: OBJECTIVES_PER_PAGE,
              ownerId: filters.ownerId ?? undefined,
              status: filters.status ?? undefined,
              cursor: pageParam ?? undefined,
            },
          },
          signal,
        }),
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: periodId !== null,
    placeholderData: keepPreviousData,
    // A just-linked item is read from Jira in the background: poll until it has its first value.
    refetchInterval: (query) =>
      anyAwaitingSync(query.state.data?.pages.flatMap((page) => page.items)) &&
      query.state.dataUpdateCount < SYNC_POLL_LIMIT
        ? SYNC_POLL_MS
        : false,
  });
}

/**
 * Every objective of a period (up to 200), for what needs them all at once: the alignment picker and an
 * objective's page (its parent and aligned objectives). The goals page pages instead ({@link useObjectivePages}).
 */
export function useObjectives(orgId: string, periodId: string | null) {
  return useQuery<ObjectiveListItem[], ApiError>({
    queryKey: queryKeys.objectives(orgId, periodId ?? ""),
    queryFn: async ({ signal }) => {
      const page = await answer(
        client.GET("/api/v1/orgs/{orgId}/objectives", {
          params: { path: { orgId }, query: { periodId: periodId ?? "", limit: 200 } },
          signal,
        }),
      );
      return page.items;
    },
    enabled: periodId !== null,
    // A just-linked item is read from Jira in the background: poll until it has its first value.
    refetchInterval: (query) =>
      anyAwaitingSync(query.state.data) && query.state.dataUpdateCount < SYNC_POLL_LIMIT
        ? SYNC_POLL_MS
        : false,
  });
}

/** One objective with its key results. */
export function useObjective(id: string) {
  return useQuery<Objective, ApiError>({
    queryKey: queryKeys.objective(id),
    queryFn: ({ signal }) => answer(client.GET("/api/v1/objectives/{id}", { ...byId(id), signal })),
    enabled: id !== "",
    refetchInterval: (query) =>
      query.state.data && anyAwaitingSync([query.state.data]) && query.state.dataUpdateCount < SYNC_POLL_LIMIT
        ? SYNC_POLL_MS
        : false,
  });
}

/** Refreshes every OKR view after a change (lists, items, histories). */
export function useInvalidateOkrs() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.okrs });
}

/** Creates an objective in an organisation. */
export function useCreateObjective(orgId: string) {
  const invalidate = useInvalidateOkrs();
  return useMutation<Objective, ApiError, ObjectiveInput>({
    mutationFn: (input) =>
      answer(client.POST("/api/v1/orgs/{orgId}/objectives", { params: { path: { orgId } }, body: input })),
    onSuccess: invalidate,
  });
}

/** Edits an objective. */
export function useUpdateObjective() {
  const invalidate = useInvalidateOkrs();
  return useMutation<Objective, ApiError, { id: string; input: ObjectivePatch }>({
    mutationFn: ({ id, input }) =>
      answer(client.PATCH("/api/v1/objectives/{id}", { ...byId(id), body: input })),
    onSuccess: invalidate,
  });
}

/** Deletes an objective and its key results. */
export function useDeleteObjective() {
  const invalidate = useInvalidateOkrs();
  return useMutation<void, ApiError, { id: string }>({
    mutationFn: async ({ id }) => {
      await answer(client.DELETE("/api/v1/objectives/{id}", byId(id)));
    },
    onSuccess: invalidate,
  });
}

/** Re-reads an objective's own Jira data source now. */
export function useRefreshObjective() {
  const invalidate = useInvalidateOkrs();
  return useMutation<Objective, ApiError, { id: string }>({
    mutationFn: ({ id }) => answer(client.POST("/api/v1/objectives/{id}/refresh", byId(id))),
    onSuccess: async (item) => {
      notifyRefreshed(item);
      rereadWhileRefreshing(item, invalidate);
      await invalidate();
    },
  });
}

/** An objective's history; `version` (its last sync time) re-reads it after each sync. */
export function useObjectiveHistory(id: string, version: string | null) {
  return useQuery<HistoryResponse, ApiError>({
    queryKey: [...queryKeys.history("objectives", id), version],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => answer(client.GET("/api/v1/objectives/{id}/history", { ...byId(id), signal })),
  });
}
