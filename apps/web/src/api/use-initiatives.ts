import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import type { EpicChoice, Initiative, LinkedEpic } from "./portfolio-types";
import { queryKeys } from "./query-keys";
import type { RequestBody } from "./schema";
import type { Page } from "./types";

/** The `{id}` path parameter of an initiative's (or a portfolio's) routes. */
function byId(id: string) {
  return { params: { path: { id } } };
}

/** What a new initiative needs. */
export type NewInitiative = RequestBody<"/api/v1/portfolios/{id}/initiatives", "post">;

/** The portfolio's initiatives with their progress (first 200). */
export function useInitiatives(portfolioId: string) {
  return useQuery<Initiative[], ApiError>({
    queryKey: queryKeys.initiatives(portfolioId),
    queryFn: async ({ signal }) =>
      (
        await answer(
          client.GET("/api/v1/portfolios/{id}/initiatives", {
            params: { path: { id: portfolioId }, query: { limit: 200 } },
            signal,
          }),
        )
      ).items,
  });
}

/** Adds an initiative. */
export function useCreateInitiative(portfolioId: string) {
  const queryClient = useQueryClient();
  return useMutation<Initiative, ApiError, NewInitiative>({
    mutationFn: (input) =>
      answer(client.POST("/api/v1/portfolios/{id}/initiatives", { ...byId(portfolioId), body: input })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.initiatives(portfolioId) });
    },
  });
}

/** One initiative. */
export function useInitiative(id: string) {
  return useQuery<Initiative, ApiError>({
    queryKey: queryKeys.initiative(id),
    queryFn: ({ signal }) => answer(client.GET("/api/v1/initiatives/{id}", { ...byId(id), signal })),
  });
}

/** Edits an initiative. */
export function useUpdateInitiative(id: string) {
  const queryClient = useQueryClient();
  return useMutation<Initiative, ApiError, Partial<NewInitiative>>({
    mutationFn: (input) => answer(client.PATCH("/api/v1/initiatives/{id}", { ...byId(id), body: input })),
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
    mutationFn: async () => {
      await answer(client.DELETE("/api/v1/initiatives/{id}", byId(id)));
    },
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
      (await answer(client.GET("/api/v1/initiatives/{id}/epics", { ...byId(id), signal }))).items,
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
      answer(
        client.GET("/api/v1/portfolios/{id}/jira/epics", {
          params: {
            path: { id: portfolioId },
            query: { query: query || undefined, cursor: (pageParam as string | null) ?? undefined },
          },
          signal,
        }),
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
    answer(client.POST("/api/v1/initiatives/{id}/epics", { ...byId(id), body: { key } })),
  );
}

/** Unlinks an epic from the initiative. */
export function useUnlinkEpic(id: string) {
  return useEpicMutation<{ key: string }>(id, ({ key }) =>
    answer(client.DELETE("/api/v1/initiatives/{id}/epics/{key}", { params: { path: { id, key } } })),
  );
}
