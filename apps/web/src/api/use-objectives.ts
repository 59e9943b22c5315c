import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { anyAwaitingSync, SYNC_POLL_LIMIT, SYNC_POLL_MS } from "../lib/pending-sync";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import type { ObjectiveListItem, ProgressStatus } from "./okr-types";
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

/** Refreshes every OKR view after a change (lists, items, histories). */
export function useInvalidateOkrs() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.okrs });
}
