import { Alert, Anchor, Button, Group, Loader, NativeSelect, Paper, Text } from "@mantine/core";
import { IconBrandJira, IconPlugConnected } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useJiraConnections, useJiraIntegration, useSetJiraIntegration } from "../api/use-jira-connections";
import { orgPath } from "../lib/org-paths";
import { ErrorAlert } from "./error-alert";
import { JiraConnectionForm } from "./jira-connection-form";

/** Props of {@link ConnectionChoice}. */
export interface ConnectionChoiceProps {
  orgId: string;
  orgName: string;
  isAdmin: boolean;
  value: string | null;
  onChange: (connectionId: string | null) => void;
  error?: string;
}

/**
 * Which Jira connection an item reads: chosen automatically when the user can use exactly one, a picker
 * when several, and a prompt to create one when none is created or shared (or to switch the
 * organisation's integration on, for admins).
 */
export function ConnectionChoice({ orgId, orgName, isAdmin, value, onChange, error }: ConnectionChoiceProps) {
  const integration = useJiraIntegration(orgId);
  const connections = useJiraConnections(orgId);
  const switchOn = useSetJiraIntegration(orgId);
  const [creating, setCreating] = useState(false);
  const items = connections.data ?? [];
  const only = items.length === 1 ? items[0] : undefined;

  // Chosen automatically only when nothing is chosen yet: an item that already reads a connection the user
  // cannot use keeps it until they pick another one on purpose.
  useEffect(() => {
    if (only && value === null) onChange(only.id);
  }, [only, value, onChange]);
  const unusable =
    value !== null && connections.isSuccess && !items.some((connection) => connection.id === value);

  if (integration.data?.enabled === false) {
    return (
      <Alert
        color="yellow"
        variant="light"
        title="Jira is switched off"
        icon={<IconPlugConnected size={18} />}
      >
        <Text size="sm">The Jira integration is off for {orgName}, so nothing can be linked to Jira.</Text>
        {isAdmin ? (
          <Button
            mt="sm"
            size="xs"
            onClick={() => switchOn.mutate({ enabled: true })}
            loading={switchOn.isPending}
          >
            Switch the Jira integration on
          </Button>
        ) : (
          <Text size="sm" mt={4}>
            Ask an admin to switch it on.
          </Text>
        )}
      </Alert>
    );
  }
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
    return (
      <ErrorAlert
        error={connections.error}
        title="Couldn't load the Jira connections"
        onRetry={() => void connections.refetch()}
      />
    );
  }
  if (items.length === 0 || creating) {
    return (
      <Paper withBorder radius="md" p="md">
        {creating ? (
          <JiraConnectionForm
            orgId={orgId}
            orgName={orgName}
            onSaved={(connection) => {
              setCreating(false);
              onChange(connection.id);
            }}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <>
            <Text fw={600} size="sm">
              No Jira connection yet
            </Text>
            <Text size="sm" c="dimmed" mt={4}>
              Nobody has created a Jira connection or shared one with you. Create one with your Jira site's
              address and an API token{isAdmin ? "" : ", or ask an admin to share theirs"}.
            </Text>
            <Group gap="sm" mt="sm">
              <Button size="xs" leftSection={<IconBrandJira size={16} />} onClick={() => setCreating(true)}>
                Create a Jira connection
              </Button>
              <Anchor component={Link} to={orgPath(orgId, "jira")} size="xs" target="_blank">
                Manage Jira connections
              </Anchor>
            </Group>
          </>
        )}
        {error && !creating && (
          <Text size="xs" c="red" mt="xs">
            {error}
          </Text>
        )}
      </Paper>
    );
  }
  if (only && !unusable) {
    return (
      <Group gap="xs" wrap="nowrap">
        <IconBrandJira size={18} color="var(--mantine-color-blue-filled)" aria-hidden />
        <Text size="sm">
          Jira connection: <b>{only.name}</b>{" "}
          <Text span size="sm" c="dimmed">
            (the only one you can use)
          </Text>
        </Text>
      </Group>
    );
  }
  return (
    <NativeSelect
      label="Jira connection"
      description={
        unusable
          ? "It reads a connection that is not shared with you; it keeps it unless you choose another one."
          : undefined
      }
      data={[
        {
          value: unusable ? (value ?? "") : "",
          label: unusable ? "A connection not shared with you" : "Choose a connection…",
          disabled: true,
        },
        ...items.map((connection) => ({ value: connection.id, label: connection.name })),
      ]}
      value={value ?? ""}
      onChange={(event) => onChange(event.currentTarget.value || null)}
      error={error}
    />
  );
}
