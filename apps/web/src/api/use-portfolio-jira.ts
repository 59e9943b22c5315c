import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { REFRESHING_REREAD_MS } from "../lib/pending-sync";
import { type ApiError, isApiStatus } from "./api-error";
import { api } from "./client";
import type {
  CascadePreview,
  CheckedCredentials,
  JiraConfig,
  JiraProject,
  LinkedProject,
  PortfolioJiraChoice,
} from "./portfolio-types";
import { queryKeys } from "./query-keys";

const enc = encodeURIComponent;
const jiraPath = (id: string) => `/api/v1/portfolios/${enc(id)}/jira`;

/** The portfolio's Jira card, or null when Jira is not configured (404). */
export function useJiraConfig(portfolioId: string) {
  return useQuery<JiraConfig | null, ApiError>({
    queryKey: queryKeys.portfolioJira(portfolioId),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<JiraConfig>(jiraPath(portfolioId), signal);
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
      (await api.get<{ items: LinkedProject[] }>(`${jiraPath(portfolioId)}/projects`, signal)).items,
  });
}

/** Projects the saved token can see matching `query`. */
export function useAvailableProjects(portfolioId: string, query: string, enabled: boolean) {
  return useQuery<(JiraProject & { linked: boolean })[], ApiError>({
    queryKey: [...queryKeys.portfolioJira(portfolioId), "available", query],
    enabled,
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: (JiraProject & { linked: boolean })[] }>(
          `${jiraPath(portfolioId)}/available-projects?query=${enc(query)}`,
          signal,
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
      api.get<CascadePreview>(
        projectKey === null
          ? `${jiraPath(portfolioId)}/delete-preview`
          : `${jiraPath(portfolioId)}/projects/${enc(projectKey)}/unlink-preview`,
        signal,
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
    mutationFn: (input) => api.post<CheckedCredentials>(`${jiraPath(portfolioId)}/check`, input),
  });
}

/** Saves (creates or edits) the configuration, optionally linking projects. */
export function useSaveJiraConfig(portfolioId: string) {
  const invalidate = useInvalidateJira(portfolioId);
  return useMutation<JiraConfig, ApiError, PortfolioJiraChoice & { projectKeys?: string[] }>({
    mutationFn: (input) => api.put<JiraConfig>(jiraPath(portfolioId), input),
    onSuccess: invalidate,
  });
}

/** Deletes the configuration (cascades to projects and epics). */
export function useDeleteJiraConfig(portfolioId: string) {
  const invalidate = useInvalidateJira(portfolioId);
  return useMutation<void, ApiError, undefined>({
    mutationFn: () => api.delete(jiraPath(portfolioId)),
    onSuccess: invalidate,
  });
}

/** Links projects. */
export function useLinkProjects(portfolioId: string) {
  const invalidate = useInvalidateJira(portfolioId);
  return useMutation<unknown, ApiError, { keys: string[] }>({
    mutationFn: (input) => api.post(`${jiraPath(portfolioId)}/projects`, input),
    onSuccess: invalidate,
  });
}

/** Unlinks a project (cascades to its epics). */
export function useUnlinkProject(portfolioId: string) {
  const invalidate = useInvalidateJira(portfolioId);
  return useMutation<void, ApiError, { key: string }>({
    mutationFn: ({ key }) => api.delete(`${jiraPath(portfolioId)}/projects/${enc(key)}`),
    onSuccess: invalidate,
  });
}

/** Re-reads the epics from Jira now. */
export function useRefreshJira(portfolioId: string) {
  const invalidate = useInvalidateJira(portfolioId);
  return useMutation<JiraConfig & { refreshing?: boolean }, ApiError, undefined>({
    mutationFn: () => api.post<JiraConfig & { refreshing?: boolean }>(`${jiraPath(portfolioId)}/refresh`),
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
