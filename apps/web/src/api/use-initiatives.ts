import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api, withQuery } from "./client";
import type { EpicChoice, Initiative, InitiativeStatus, LinkedEpic } from "./portfolio-types";
import { queryKeys } from "./query-keys";
import type { Page } from "./types";

const enc = encodeURIComponent;

/** What a new initiative needs. */
export interface NewInitiative {
  title: string;
  description: string;
  ownerId: string | null;
  status: InitiativeStatus;
  startDate: string | null;
  dueDate: string | null;
}

/** The portfolio's initiatives with their progress (first 200). */
export function useInitiatives(portfolioId: string) {
  return useQuery<Initiative[], ApiError>({
    queryKey: queryKeys.initiatives(portfolioId),
    queryFn: async ({ signal }) =>
      (
        await api.get<Page<Initiative>>(
          `/api/v1/portfolios/${enc(portfolioId)}/initiatives?limit=200`,
          signal,
        )
      ).items,
  });
}

/** Adds an initiative. */
export function useCreateInitiative(portfolioId: string) {
  const queryClient = useQueryClient();
  return useMutation<Initiative, ApiError, NewInitiative>({
    mutationFn: (input) => api.post<Initiative>(`/api/v1/portfolios/${enc(portfolioId)}/initiatives`, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.initiatives(portfolioId) });
    },
  });
}

/** One initiative. */
export function useInitiative(id: string) {
  return useQuery<Initiative, ApiError>({
    queryKey: queryKeys.initiative(id),
    queryFn: ({ signal }) => api.get<Initiative>(`/api/v1/initiatives/${enc(id)}`, signal),
  });
}

/** Edits an initiative. */
export function useUpdateInitiative(id: string) {
  const queryClient = useQueryClient();
  return useMutation<Initiative, ApiError, Partial<NewInitiative>>({
    mutationFn: (input) => api.patch<Initiative>(`/api/v1/initiatives/${enc(id)}`, input),
    onSuccess: async (initiative) => {
      queryClient.setQueryData(queryKeys.initiative(id), initiative);
      await queryClient.invalidateQueries({ queryKey: queryKeys.initiatives(initiative.portfolioId) });
    },
  });
}

/** Deletes an initiative (its epic links go with it; Jira is untouched). */
export function useDeleteInitiative(id: string, portfolioId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, undefined>({
    mutationFn: () => api.delete(`/api/v1/initiatives/${enc(id)}`),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.initiative(id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.initiatives(portfolioId) });
    },
  });
}

/** The initiative's linked epics with their progress. */
export function useInitiativeEpics(id: string) {
  return useQuery<LinkedEpic[], ApiError>({
    queryKey: queryKeys.initiativeEpics(id),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: LinkedEpic[] }>(`/api/v1/initiatives/${enc(id)}/epics`, signal)).items,
  });
}

/**
 * Epics of the linked projects matching `query` (key, project key or summary; all without one), for the
 * picker, a page at a time (`fetchNextPage` while `hasNextPage`).
 */
export function useEpicChoices(portfolioId: string, query: string, enabled: boolean) {
  return useInfiniteQuery<Page<EpicChoice>, ApiError>({
    queryKey: ["portfolios", portfolioId, "jira", "epics", query],
    enabled,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<EpicChoice>>(
        withQuery(`/api/v1/portfolios/${enc(portfolioId)}/jira/epics`, {
          query,
          cursor: pageParam as string | null,
        }),
        signal,
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

function useEpicMutation<Vars>(id: string, call: (vars: Vars) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, Vars>({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.initiativeEpics(id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.initiative(id) }),
        queryClient.invalidateQueries({ queryKey: ["portfolios"] }),
      ]);
    },
  });
}

/** Links an epic to the initiative. */
export function useLinkEpic(id: string) {
  return useEpicMutation<{ key: string }>(id, ({ key }) =>
    api.post<LinkedEpic>(`/api/v1/initiatives/${enc(id)}/epics`, { key }),
  );
}

/** Unlinks an epic from the initiative. */
export function useUnlinkEpic(id: string) {
  return useEpicMutation<{ key: string }>(id, ({ key }) =>
    api.delete(`/api/v1/initiatives/${enc(id)}/epics/${enc(key)}`),
  );
}
