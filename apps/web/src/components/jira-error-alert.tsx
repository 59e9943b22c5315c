import { Alert, List, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { ApiError, errorMessage } from "../api/api-error";

/** Jira's own messages carried by an API error (`details.jira`), if any. */
export function jiraMessages(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const messages = error.details?.jira;
  return Array.isArray(messages) ? messages.filter((m): m is string => typeof m === "string") : [];
}

/** A failed Jira check: our explanation, then what Jira itself said. */
export function JiraErrorAlert({ error, title = "Jira said no" }: { error: unknown; title?: string }) {
  const messages = jiraMessages(error);
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={18} />} role="alert">
      <Text size="sm">{errorMessage(error)}</Text>
      {messages.length > 0 && (
        <List size="sm" mt={6} data-testid="jira-messages">
          {messages.map((message) => (
            <List.Item key={message}>Jira: {message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
