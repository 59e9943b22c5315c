import {
  type InfiniteData,
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { MeasuredInputOf, MeasuredItemOf, MeasuredKind } from "../lib/measured-kind";
import { notifyRefreshed } from "../lib/notify";
import {
  isItemAwaitingSync,
  rereadWhileRefreshing,
  SYNC_POLL_LIMIT,
  SYNC_POLL_MS,
} from "../lib/pending-sync";
import type { ApiError } from "./api-error";
import { api } from "./client";
import type { CheckIn, HistoryResponse, IssuesResponse, Objective } from "./okr-types";
import { queryKeys } from "./query-keys";
import { type ObjectivePage, useInvalidateOkrs } from "./use-objectives";

function itemPath(kind: MeasuredKind, id: string, rest = ""): string {
  return `/api/v1/${kind}/${encodeURIComponent(id)}${rest}`;
}

/** Where a new item is created: a key result in its objective, an objective in its organisation. */
function collectionPath(kind: MeasuredKind, parentId: string): string {
  const parent = kind === "key-results" ? "objectives" : "orgs";
  return `/api/v1/${parent}/${encodeURIComponent(parentId)}/${kind}`;
}

/**
 * One key result, or one objective with its key results. A Jira-linked item not read yet is polled until
 * its first value. `cached`: a view that only names the item takes a copy the app already holds.
 */
export function useMeasuredItem<K extends MeasuredKind>(
  kind: K,
  id: string,
  cached?: { staleTime: number; initialData: () => MeasuredItemOf[K] | undefined },
) {
  return useQuery<MeasuredItemOf[K], ApiError>({
    queryKey: queryKeys.item(kind, id),
    queryFn: ({ signal }) => api.get<MeasuredItemOf[K]>(itemPath(kind, id), signal),
    enabled: id !== "",
    ...cached,
    refetchInterval: (query) =>
      query.state.data &&
      isItemAwaitingSync(query.state.data) &&
      query.state.dataUpdateCount < SYNC_POLL_LIMIT
        ? SYNC_POLL_MS
        : false,
  });
}

/** The objective `id` from a goals list already read (the goals page's, or a period's), if one shows it. */
function findListedObjective(queryClient: QueryClient, id: string): Objective | undefined {
  const lists = queryClient.getQueriesData<Objective[] | InfiniteData<ObjectivePage>>({
    queryKey: queryKeys.objectiveLists,
  });
  for (const [, list] of lists) {
    const objectives = Array.isArray(list) ? list : (list?.pages.flatMap((page) => page.items) ?? []);
    const found = objectives.find((objective) => objective.id === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * An objective a view only names (a key result's breadcrumb): the copy the app already holds (the
 * objective's own, or a goals list's), read from the API only when it holds none. OKR changes re-read it.
 */
export function useListedObjective(id: string): Objective | undefined {
  const queryClient = useQueryClient();
  return useMeasuredItem("objectives", id, {
    staleTime: Number.POSITIVE_INFINITY,
    initialData: () => findListedObjective(queryClient, id),
  }).data;
}

/** Variables of {@link useSaveMeasuredItem}: `id` to edit, else `parentId` (objective, or org) to create. */
export type SaveMeasuredItem<K extends MeasuredKind> =
  | { id: string; input: MeasuredInputOf[K] }
  | { parentId: string; input: MeasuredInputOf[K] };

/** Creates or edits an item (a changed JQL, metric or connection is recomputed by the server). */
export function useSaveMeasuredItem<K extends MeasuredKind>(kind: K) {
  const invalidate = useInvalidateOkrs();
  return useMutation<MeasuredItemOf[K], ApiError, SaveMeasuredItem<K>>({
    mutationFn: (save) =>
      "id" in save
        ? api.patch<MeasuredItemOf[K]>(itemPath(kind, save.id), save.input)
        : api.post<MeasuredItemOf[K]>(collectionPath(kind, save.parentId), save.input),
    onSuccess: invalidate,
  });
}

/** Deletes an item (an objective with its key results). */
export function useDeleteMeasuredItem(kind: MeasuredKind) {
  const invalidate = useInvalidateOkrs();
  return useMutation<void, ApiError, { id: string }>({
    mutationFn: ({ id }) => api.delete(itemPath(kind, id)),
    onSuccess: invalidate,
  });
}

/** Re-reads an item's Jira query now and says its new state. */
export function useRefreshMeasuredItem<K extends MeasuredKind>(kind: K) {
  const invalidate = useInvalidateOkrs();
  return useMutation<MeasuredItemOf[K], ApiError, { id: string }>({
    mutationFn: ({ id }) => api.post<MeasuredItemOf[K]>(itemPath(kind, id, "/refresh")),
    onSuccess: async (item) => {
      notifyRefreshed(item);
      rereadWhileRefreshing(item, invalidate);
      await invalidate();
    },
  });
}

/** An item's check-ins over time; `version` (its last sync time) re-reads it after each sync. */
export function useMeasuredHistory(kind: MeasuredKind, id: string, version: string | null) {
  return useQuery<HistoryResponse, ApiError>({
    queryKey: [...queryKeys.history(kind, id), version],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<HistoryResponse>(itemPath(kind, id, "/history"), signal),
  });
}

/** The Jira issues behind an item's number; `version` (its last sync time) re-reads them after each sync. */
export function useItemIssues(kind: MeasuredKind, id: string, version: string | null, enabled: boolean) {
  return useQuery<IssuesResponse, ApiError>({
    queryKey: [...queryKeys.issues(kind, id), version],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<IssuesResponse>(itemPath(kind, id, "/issues"), signal),
    enabled,
  });
}

/** Records a manual check-in (key results without a data source). */
export function useCheckIn() {
  const invalidate = useInvalidateOkrs();
  return useMutation<CheckIn, ApiError, { id: string; value: number; note?: string }>({
    mutationFn: ({ id, value, note }) =>
      api.post<CheckIn>(itemPath("key-results", id, "/check-ins"), { value, note }),
    onSuccess: invalidate,
  });
}
