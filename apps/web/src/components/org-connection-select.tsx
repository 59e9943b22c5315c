import { Group, Loader, NativeSelect, Text } from "@mantine/core";
import { useJiraConnections } from "../api/use-jira-connections";
import { ErrorAlert } from "./error-alert";

/** Props of {@link OrgConnectionSelect}. */
export interface OrgConnectionSelectProps {
  orgId: string;
  value: string;
  onChange: (connectionId: string) => void;
  error?: string | undefined;
}

/**
 * Picks one of the organisation's Jira connections the manager may use (the server lists only those its
 * sharing rules allow), for a portfolio that reads Jira through it instead of credentials of its own.
 */
export function OrgConnectionSelect({ orgId, value, onChange, error }: OrgConnectionSelectProps) {
  const connections = useJiraConnections(orgId);
  if (connections.isPending) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Loading Jira connections…
        </Text>
      </Group>
    );
  }
  if (connections.isError) {
    return <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />;
  }
  if (connections.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No organisation connection is shared with you. Use this portfolio's own connection, or ask whoever
        manages your organisation's Jira connections to share one.
      </Text>
    );
  }
  return (
    <NativeSelect
      label="Organisation connection"
      description="Epics are read with this connection's account; its managers keep its token."
      data={[
        { value: "", label: "Choose a connection…" },
        ...connections.data.map((connection) => ({
          value: connection.id,
          label: `${connection.name} — ${connection.baseUrl}`,
        })),
      ]}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
