import {
  type InfiniteData,
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useMemo } from "react";
import type { MeasuredInputOf, MeasuredItemOf, MeasuredKind } from "../lib/measured-kind";
import { notifyRefreshed } from "../lib/notify";
import {
  isItemAwaitingSync,
  rereadWhileRefreshing,
  SYNC_POLL_LIMIT,
  SYNC_POLL_MS,
} from "../lib/pending-sync";
import type { ApiError } from "./api-error";
import { answer, byId, client } from "./client";
import type { CheckIn, HistoryResponse, IssuesResponse, ObjectiveListItem } from "./okr-types";
import { queryKeys } from "./query-keys";
import { type ObjectivePage, useInvalidateOkrs } from "./use-objectives";

/** The API's calls for one kind of item, typed by the generated client. */
interface ItemCalls<K extends MeasuredKind> {
  read(id: string, signal: AbortSignal): Promise<MeasuredItemOf[K]>;
  /** `parentId`: a key result's objective, an objective's organisation. */
  create(parentId: string, input: MeasuredInputOf[K]): Promise<MeasuredItemOf[K]>;
  update(id: string, input: MeasuredInputOf[K]): Promise<MeasuredItemOf[K]>;
  remove(id: string): Promise<unknown>;
  refresh(id: string): Promise<MeasuredItemOf[K]>;
  history(id: string, signal: AbortSignal): Promise<HistoryResponse>;
  issues(id: string, signal: AbortSignal): Promise<IssuesResponse>;
}

/** Each kind's routes (openapi-fetch checks the paths, bodies and answers against the API document). */
const CALLS: { [K in MeasuredKind]: ItemCalls<K> } = {
  "key-results": {
    read: (id, signal) => answer(client.GET("/api/v1/key-results/{id}", { ...byId(id), signal })),
    create: (objectiveId, body) =>
      answer(client.POST("/api/v1/objectives/{id}/key-results", { ...byId(objectiveId), body })),
    update: (id, body) => answer(client.PATCH("/api/v1/key-results/{id}", { ...byId(id), body })),
    remove: (id) => answer(client.DELETE("/api/v1/key-results/{id}", byId(id))),
    refresh: (id) => answer(client.POST("/api/v1/key-results/{id}/refresh", byId(id))),
    history: (id, signal) => answer(client.GET("/api/v1/key-results/{id}/history", { ...byId(id), signal })),
    issues: (id, signal) => answer(client.GET("/api/v1/key-results/{id}/issues", { ...byId(id), signal })),
  },
  objectives: {
    read: (id, signal) => answer(client.GET("/api/v1/objectives/{id}", { ...byId(id), signal })),
    create: (orgId, body) =>
      answer(client.POST("/api/v1/orgs/{orgId}/objectives", { params: { path: { orgId } }, body })),
    update: (id, body) => answer(client.PATCH("/api/v1/objectives/{id}", { ...byId(id), body })),
    remove: (id) => answer(client.DELETE("/api/v1/objectives/{id}", byId(id))),
    refresh: (id) => answer(client.POST("/api/v1/objectives/{id}/refresh", byId(id))),
    history: (id, signal) => answer(client.GET("/api/v1/objectives/{id}/history", { ...byId(id), signal })),
    issues: (id, signal) => answer(client.GET("/api/v1/objectives/{id}/issues", { ...byId(id), signal })),
  },
};

/**
 * One key result, or one objective with its key results. A Jira-linked item not read yet is polled until
 * its first value. `staleTime`: a view that only names the item may keep a copy the app already holds.
 */
export function useMeasuredItem<K extends MeasuredKind>(kind: K, id: string, staleTime = 0) {
  const calls: ItemCalls<K> = CALLS[kind];
  return useQuery<MeasuredItemOf[K], ApiError>({
    queryKey: queryKeys.item(kind, id),
    queryFn: ({ signal }) => calls.read(id, signal),
    enabled: id !== "",
    staleTime,
    refetchInterval: (query) =>
      query.state.data &&
      isItemAwaitingSync(query.state.data) &&
      query.state.dataUpdateCount < SYNC_POLL_LIMIT
        ? SYNC_POLL_MS
        : false,
  });
}

/** The objective `id` from a goals list already read (the goals page's, or a period's), if one shows it. */
function findListedObjective(queryClient: QueryClient, id: string): ObjectiveListItem | undefined {
  const lists = queryClient.getQueriesData<ObjectiveListItem[] | InfiniteData<ObjectivePage>>({
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
 * The title of an objective a view only names (a key result's breadcrumb): from a goals list the app
 * already holds, else from the objective's own copy, read from the API only when the app holds neither.
 */
export function useObjectiveTitle(id: string): string | undefined {
  const queryClient = useQueryClient();
  const listed = useMemo(() => findListedObjective(queryClient, id), [queryClient, id]);
  const own = useMeasuredItem("objectives", listed ? "" : id, Number.POSITIVE_INFINITY);
  return listed?.title ?? own.data?.title;
}

/** Variables of {@link useSaveMeasuredItem}: `id` to edit, else `parentId` (objective, or org) to create. */
export type SaveMeasuredItem<K extends MeasuredKind> =
  | { id: string; input: MeasuredInputOf[K] }
  | { parentId: string; input: MeasuredInputOf[K] };

/** Creates or edits an item (a changed JQL, metric or connection is recomputed by the server). */
export function useSaveMeasuredItem<K extends MeasuredKind>(kind: K) {
  const invalidate = useInvalidateOkrs();
  const calls: ItemCalls<K> = CALLS[kind];
  return useMutation<MeasuredItemOf[K], ApiError, SaveMeasuredItem<K>>({
    mutationFn: (save) =>
      "id" in save ? calls.update(save.id, save.input) : calls.create(save.parentId, save.input),
    onSuccess: invalidate,
  });
}

/** Deletes an item (an objective with its key results). */
export function useDeleteMeasuredItem(kind: MeasuredKind) {
  const invalidate = useInvalidateOkrs();
  return useMutation<void, ApiError, { id: string }>({
    mutationFn: async ({ id }) => {
      await CALLS[kind].remove(id);
    },
    onSuccess: invalidate,
  });
}

/** Re-reads an item's Jira query now and says its new state. */
export function useRefreshMeasuredItem<K extends MeasuredKind>(kind: K) {
  const invalidate = useInvalidateOkrs();
  const calls: ItemCalls<K> = CALLS[kind];
  return useMutation<MeasuredItemOf[K], ApiError, { id: string }>({
    mutationFn: ({ id }) => calls.refresh(id),
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
    queryFn: ({ signal }) => CALLS[kind].history(id, signal),
  });
}

/** The Jira issues behind an item's number; `version` (its last sync time) re-reads them after each sync. */
export function useItemIssues(kind: MeasuredKind, id: string, version: string | null, enabled: boolean) {
  return useQuery<IssuesResponse, ApiError>({
    queryKey: [...queryKeys.issues(kind, id), version],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => CALLS[kind].issues(id, signal),
    enabled,
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
