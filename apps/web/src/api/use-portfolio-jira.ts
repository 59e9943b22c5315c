import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { REFRESHING_REREAD_MS } from "../lib/pending-sync";
import { type ApiError, isApiStatus } from "./api-error";
import { answer, client } from "./client";
import type {
  CascadePreview,
  CheckedCredentials,
  JiraConfig,
  JiraProject,
  LinkedProject,
  PortfolioJiraChoice,
} from "./portfolio-types";
import { queryKeys } from "./query-keys";

/** The `{id}` path parameter of the portfolio's Jira routes. */
function byId(id: string) {
  return { params: { path: { id } } };
}

/** The portfolio's Jira card, or null when Jira is not configured (404). */
export function useJiraConfig(portfolioId: string) {
  return useQuery<JiraConfig | null, ApiError>({
    queryKey: queryKeys.portfolioJira(portfolioId),
    queryFn: async ({ signal }) => {
      try {
        return await answer(client.GET("/api/v1/portfolios/{id}/jira", { ...byId(portfolioId), signal }));
      } catch (error) {
        if (isApiStatus(error, 404)) return null;
        throw error;
      }
    },
  });
}

/** Linked projects (only asked once Jira is configured). */
export function useLinkedProjects(portfolioId: string, enabled: boolean) {
  return useQuery<LinkedProject[], ApiError>({
    queryKey: queryKeys.linkedProjects(portfolioId),
    enabled,
    queryFn: async ({ signal }) =>
      (await answer(client.GET("/api/v1/portfolios/{id}/jira/projects", { ...byId(portfolioId), signal })))
        .items,
  });
}

/** Projects the saved token can see matching `query`. */
export function useAvailableProjects(portfolioId: string, query: string, enabled: boolean) {
  return useQuery<(JiraProject & { linked: boolean })[], ApiError>({
    queryKey: [...queryKeys.portfolioJira(portfolioId), "available", query],
    enabled,
    queryFn: async ({ signal }) =>
      (
        await answer(
          client.GET("/api/v1/portfolios/{id}/jira/available-projects", {
            params: { path: { id: portfolioId }, query: { query } },
            signal,
          }),
        )
      ).items,
  });
}

/** What deleting the configuration, or unlinking `projectKey`, would detach. */
export function useCascadePreview(portfolioId: string, projectKey: string | null, enabled: boolean) {
  return useQuery<CascadePreview, ApiError>({
    queryKey: [...queryKeys.portfolioJira(portfolioId), "preview", projectKey],
    enabled,
    staleTime: 0,
    queryFn: ({ signal }) =>
      answer(
        projectKey === null
          ? client.GET("/api/v1/portfolios/{id}/jira/delete-preview", { ...byId(portfolioId), signal })
          : client.GET("/api/v1/portfolios/{id}/jira/projects/{key}/unlink-preview", {
              params: { path: { id: portfolioId, key: projectKey } },
              signal,
            }),
      ),
  });
}

/** Everything Jira-related of the portfolio is refetched after a change (cascades touch epics too). */
function useInvalidateJira(portfolioId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.portfolio(portfolioId) }),
      queryClient.invalidateQueries({ queryKey: ["initiatives"] }),
    ]);
  };
}

/** Checks credentials (or an organisation connection) against Jira without saving (wizard step 2). */
export function useCheckJiraCredentials(portfolioId: string) {
  return useMutation<CheckedCredentials, ApiError, PortfolioJiraChoice>({
    mutationFn: (input) =>
      answer(client.POST("/api/v1/portfolios/{id}/jira/check", { ...byId(portfolioId), body: input })),
  });
}

/** Saves (creates or edits) the configuration, optionally linking projects. */
export function useSaveJiraConfig(portfolioId: string) {
  const invalidate = useInvalidateJira(portfolioId);
  return useMutation<JiraConfig, ApiError, PortfolioJiraChoice & { projectKeys?: string[] }>({
    mutationFn: (input) =>
      answer(client.PUT("/api/v1/portfolios/{id}/jira", { ...byId(portfolioId), body: input })),
    onSuccess: invalidate,
  });
}

/** Deletes the configuration (cascades to projects and epics). */
export function useDeleteJiraConfig(portfolioId: string) {
  const invalidate = useInvalidateJira(portfolioId);
  return useMutation<void, ApiError, undefined>({
    mutationFn: async () => {
      await answer(client.DELETE("/api/v1/portfolios/{id}/jira", byId(portfolioId)));
    },
    onSuccess: invalidate,
  });
}

/** Links projects. */
export function useLinkProjects(portfolioId: string) {
  const invalidate = useInvalidateJira(portfolioId);
  return useMutation<unknown, ApiError, { keys: string[] }>({
    mutationFn: (input) =>
      answer(client.POST("/api/v1/portfolios/{id}/jira/projects", { ...byId(portfolioId), body: input })),
    onSuccess: invalidate,
  });
}

/** Unlinks a project (cascades to its epics). */
export function useUnlinkProject(portfolioId: string) {
  const invalidate = useInvalidateJira(portfolioId);
  return useMutation<void, ApiError, { key: string }>({
    mutationFn: async ({ key }) => {
      await answer(
        client.DELETE("/api/v1/portfolios/{id}/jira/projects/{key}", {
          params: { path: { id: portfolioId, key } },
        }),
      );
    },
    onSuccess: invalidate,
  });
}

/** Re-reads the epics from Jira now. */
export function useRefreshJira(portfolioId: string) {
  const invalidate = useInvalidateJira(portfolioId);
  return useMutation<JiraConfig & { refreshing?: boolean }, ApiError, undefined>({
    mutationFn: () => answer(client.POST("/api/v1/portfolios/{id}/jira/refresh", byId(portfolioId))),
    onSuccess: async (config) => {
      if (config.refreshing) {
        notifications.show({
          color: "blue",
          title: "Still reading Jira",
          message: "Jira is slow to answer. The epics here update by themselves when it does.",
          autoClose: 8000,
        });
        for (const delay of REFRESHING_REREAD_MS) setTimeout(() => void invalidate(), delay);
      }
      await invalidate();
    },
  });
}
