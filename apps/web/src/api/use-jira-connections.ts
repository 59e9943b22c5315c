import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api, apiRequest, withQuery } from "./client";
import type {
  ConnectionFields,
  ConnectionTestResult,
  JiraConnection,
  JiraConnectionPatch,
  JiraIntegration,
  JqlCheck,
  JqlCheckRequest,
  NewJiraConnection,
} from "./jira-types";
import { queryKeys } from "./query-keys";
import type { Page } from "./types";

/** Enough for every connection an organisation realistically has, in one request. */
const CONNECTIONS_LIMIT = 200;

function connectionPath(connectionId: string, rest = ""): string {
  return `/api/v1/jira/connections/${encodeURIComponent(connectionId)}${rest}`;
}

/** Whether the organisation's Jira integration is on. */
export function useJiraIntegration(orgId: string) {
  return useQuery<JiraIntegration, ApiError>({
    queryKey: queryKeys.jiraIntegration(orgId),
    queryFn: ({ signal }) =>
      api.get<JiraIntegration>(`/api/v1/orgs/${encodeURIComponent(orgId)}/integrations/jira`, signal),
    staleTime: 60_000,
  });
}

/** Switches the organisation's Jira integration on or off (admins). */
export function useSetJiraIntegration(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<JiraIntegration, ApiError, JiraIntegration>({
    mutationFn: (input) =>
      api.put<JiraIntegration>(`/api/v1/orgs/${encodeURIComponent(orgId)}/integrations/jira`, input),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.jiraIntegration(orgId), data),
  });
}

/** The Jira connections the caller may use (admins: all of the organisation's). */
export function useJiraConnections(orgId: string, enabled = true) {
  return useQuery<JiraConnection[], ApiError>({
    enabled,
    queryKey: queryKeys.jiraConnections(orgId),
    queryFn: async ({ signal }) => {
      const path = withQuery(`/api/v1/orgs/${encodeURIComponent(orgId)}/jira/connections`, {
        limit: CONNECTIONS_LIMIT,
      });
      return (await api.get<Page<JiraConnection>>(path, signal)).items;
    },
    staleTime: 60_000,
  });
}

/** Creates a connection; the server tests the credentials against Jira first. */
export function useCreateJiraConnection(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<JiraConnection, ApiError, NewJiraConnection>({
    mutationFn: (input) =>
      api.post<JiraConnection>(`/api/v1/orgs/${encodeURIComponent(orgId)}/jira/connections`, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.jiraConnections(orgId) });
    },
  });
}

/** Renames a connection, rotates its token, re-points or re-shares it (tested against Jira first). */
export function useUpdateJiraConnection(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<JiraConnection, ApiError, { id: string; patch: JiraConnectionPatch }>({
    mutationFn: ({ id, patch }) => api.patch<JiraConnection>(connectionPath(id), patch),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.jiraConnections(orgId) });
    },
  });
}

/** Deletes a connection (items reading it keep their last value and say so). */
export function useDeleteJiraConnection(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { id: string }>({
    mutationFn: ({ id }) => api.delete(connectionPath(id)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.jiraConnections(orgId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.okrs });
    },
  });
}

/** Tests a connection against Jira now; a test that works heals a broken connection, so the lists are re-read. */
export function useTestJiraConnection() {
  const queryClient = useQueryClient();
  return useMutation<ConnectionTestResult, ApiError, { id: string }>({
    mutationFn: ({ id }) => api.post<ConnectionTestResult>(connectionPath(id, "/test")),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[2] === "jira-connections" });
    },
  });
}

/** The story-point and numeric custom fields a connection's site offers as metrics. */
export function useConnectionFields(connectionId: string | null) {
  return useQuery<ConnectionFields, ApiError>({
    queryKey: queryKeys.jiraFields(connectionId ?? ""),
    queryFn: ({ signal }) => api.get<ConnectionFields>(connectionPath(connectionId ?? "", "/fields"), signal),
    enabled: connectionId !== null,
    staleTime: 5 * 60_000,
  });
}

/** Re-reads a connection's fields from Jira instead of the daily cache (a custom field was just added). */
export function useRereadConnectionFields(connectionId: string | null) {
  const queryClient = useQueryClient();
  return useMutation<ConnectionFields, ApiError, void>({
    mutationFn: () =>
      api.get<ConnectionFields>(
        withQuery(connectionPath(connectionId ?? "", "/fields"), { refresh: "true" }),
      ),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.jiraFields(connectionId ?? ""), data),
  });
}

/**
 * Jira's verdict on a query through `connectionId` (valid, messages, match count, preview, and with a metric
 * the value it would give). Disabled while either is empty; pass an already debounced request. Each
 * distinct request is asked once and cached.
 */
export function useJqlCheck(connectionId: string | null, request: JqlCheckRequest) {
  const body = { ...request, jql: request.jql.trim() };
  return useQuery<JqlCheck, ApiError>({
    queryKey: ["jira-connections", connectionId, "jql-check", body],
    queryFn: ({ signal }) =>
      apiRequest<JqlCheck>(connectionPath(connectionId ?? "", "/jql/check"), {
        method: "POST",
        body,
        signal,
      }),
    enabled: connectionId !== null && body.jql !== "",
    staleTime: 30_000,
    retry: false,
  });
}
