import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiError } from "./api-error";
import { api } from "./client";
import { queryKeys } from "./query-keys";

/** How quickly a connection follows Jira: a webhook (seconds), the change probe (a minute), or hourly. */
export type LiveSpeed = "webhook" | "probe" | "hourly";

/** `GET /jira/connections/:id/webhook`: what a Jira admin registers, and how it has been doing. */
export interface JiraWebhook {
  url: string;
  secret: string;
  events: string[];
  jqlFilter: string | null;
  lastDeliveryAt: string | null;
  deliveries24h: number;
  refused24h: number;
  speed: LiveSpeed;
}

function webhookPath(connectionId: string, rest = ""): string {
  return `/api/v1/jira/connections/${encodeURIComponent(connectionId)}/webhook${rest}`;
}

/** A connection's inbound webhook (those who manage the connection). */
export function useJiraWebhook(connectionId: string, enabled = true) {
  return useQuery<JiraWebhook, ApiError>({
    enabled,
    queryKey: queryKeys.jiraWebhook(connectionId),
    queryFn: ({ signal }) => api.get<JiraWebhook>(webhookPath(connectionId), signal),
    staleTime: 30_000,
  });
}

/** A new URL and secret for the webhook; the old ones stop working. */
export function useRotateJiraWebhook(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation<JiraWebhook, ApiError, void>({
    mutationFn: () => api.post<JiraWebhook>(webhookPath(connectionId, "/rotate")),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.jiraWebhook(connectionId), data),
  });
}
