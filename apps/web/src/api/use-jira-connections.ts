import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
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

/** Enough for every connection an organisation realistically has, in one request. */
const CONNECTIONS_LIMIT = 200;

/** The `{id}` path parameter of a connection's routes. */
function byId(id: string) {
  return { params: { path: { id } } };
}

/** Whether the organisation's Jira integration is on. */
export function useJiraIntegration(orgId: string) {
  return useQuery<JiraIntegration, ApiError>({
    queryKey: queryKeys.jiraIntegration(orgId),
    queryFn: ({ signal }) =>
      answer(client.GET("/api/v1/orgs/{orgId}/integrations/jira", { params: { path: { orgId } }, signal })),
    staleTime: 60_000,
  });
}

/** Switches the organisation's Jira integration on or off (admins). */
export function useSetJiraIntegration(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<JiraIntegration, ApiError, JiraIntegration>({
    mutationFn: (input) =>
      answer(
        client.PUT("/api/v1/orgs/{orgId}/integrations/jira", { params: { path: { orgId } }, body: input }),
      ),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.jiraIntegration(orgId), data),
  });
}

/** The Jira connections the caller may use (admins: all of the organisation's). */
export function useJiraConnections(orgId: string, enabled = true) {
  return useQuery<JiraConnection[], ApiError>({
    enabled,
    queryKey: queryKeys.jiraConnections(orgId),
    queryFn: async ({ signal }) => {
      const page = await answer(
        client.GET("/api/v1/orgs/{orgId}/jira/connections", {
          params: { path: { orgId }, query: { limit: CONNECTIONS_LIMIT } },
          signal,
        }),
      );
      return page.items;
    },
    staleTime: 60_000,
  });
}

/** Creates a connection; the server tests the credentials against Jira first. */
export function useCreateJiraConnection(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<JiraConnection, ApiError, NewJiraConnection>({
    mutationFn: (input) =>
      answer(
        client.POST("/api/v1/orgs/{orgId}/jira/connections", { params: { path: { orgId } }, body: input }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.jiraConnections(orgId) });
    },
  });
}

/** Renames a connection, rotates its token, re-points or re-shares it (tested against Jira first). */
export function useUpdateJiraConnection(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<JiraConnection, ApiError, { id: string; patch: JiraConnectionPatch }>({
    mutationFn: ({ id, patch }) =>
      answer(client.PATCH("/api/v1/jira/connections/{id}", { ...byId(id), body: patch })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.jiraConnections(orgId) });
    },
  });
}

/** Deletes a connection (items reading it keep their last value and say so). */
export function useDeleteJiraConnection(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { id: string }>({
    mutationFn: async ({ id }) => {
      await answer(client.DELETE("/api/v1/jira/connections/{id}", byId(id)));
    },
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
    mutationFn: ({ id }) => answer(client.POST("/api/v1/jira/connections/{id}/test", byId(id))),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[2] === "jira-connections" });
    },
  });
}

/** The story-point and numeric custom fields a connection's site offers as metrics. */
export function useConnectionFields(connectionId: string | null) {
  return useQuery<ConnectionFields, ApiError>({
    queryKey: queryKeys.jiraFields(connectionId ?? ""),
    queryFn: ({ signal }) =>
      answer(client.GET("/api/v1/jira/connections/{id}/fields", { ...byId(connectionId ?? ""), signal })),
    enabled: connectionId !== null,
    staleTime: 5 * 60_000,
  });
}

/** Re-reads a connection's fields from Jira instead of the daily cache (a custom field was just added). */
export function useRereadConnectionFields(connectionId: string | null) {
  const queryClient = useQueryClient();
  return useMutation<ConnectionFields, ApiError, void>({
    mutationFn: () =>
      answer(
        client.GET("/api/v1/jira/connections/{id}/fields", {
          params: { path: { id: connectionId ?? "" }, query: { refresh: "true" } },
        }),
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
      answer(
        client.POST("/api/v1/jira/connections/{id}/jql/check", { ...byId(connectionId ?? ""), body, signal }),
      ),
    enabled: connectionId !== null && body.jql !== "",
    staleTime: 30_000,
    retry: false,
  });
}
