import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { answer, client } from "./client";
import { queryKeys } from "./query-keys";
import type { Schemas } from "./schema";

/** How quickly a connection follows Jira: a webhook (seconds), the change probe (a minute), or hourly. */
export type LiveSpeed = JiraWebhook["speed"];

/** `GET /jira/connections/:id/webhook`: what a Jira admin registers, and how it has been doing. */
export type JiraWebhook = Schemas["JiraWebhook"];

/** A connection's inbound webhook (those who manage the connection). */
export function useJiraWebhook(connectionId: string, enabled = true) {
  return useQuery<JiraWebhook, ApiError>({
    enabled,
    queryKey: queryKeys.jiraWebhook(connectionId),
    queryFn: ({ signal }) =>
      answer(
        client.GET("/api/v1/jira/connections/{id}/webhook", {
          params: { path: { id: connectionId } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });
}

/** A new URL and secret for the webhook; the old ones stop working. */
export function useRotateJiraWebhook(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation<JiraWebhook, ApiError, void>({
    mutationFn: () =>
      answer(
        client.POST("/api/v1/jira/connections/{id}/webhook/rotate", {
          params: { path: { id: connectionId } },
        }),
      ),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.jiraWebhook(connectionId), data),
  });
}
