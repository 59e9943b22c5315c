import { Badge, Button, Group, Modal, Paper, Stack, Text } from "@mantine/core";
import {
  IconAlertTriangle,
  IconBrandJira,
  IconPencil,
  IconPlugConnected,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import type { JiraConnection, JiraDeployment } from "../api/jira-types";
import { useDeleteJiraConnection, useTestJiraConnection } from "../api/use-jira-connections";
import { formatRelative } from "../lib/format-date";
import { notifyError, notifySuccess } from "../lib/notify";
import { ConfirmModal } from "./confirm-modal";
import { JiraConnectionForm } from "./jira-connection-form";
import { JiraLiveUpdates } from "./jira-live-updates";
import { StaleBadge } from "./stale-badge";

/** Props of {@link JiraConnectionCard}. */
export interface JiraConnectionCardProps {
  orgId: string;
  orgName: string;
  connection: JiraConnection;
  /** Member names by id, for "shared with". */
  people: ReadonlyMap<string, string>;
  /** Whether the org's Jira integration is on: off, no sync is due ("syncs paused"). */
  integrationEnabled?: boolean;
}

function sharingLabel(
  connection: JiraConnection,
  orgName: string,
  people: ReadonlyMap<string, string>,
): string {
  const { sharing } = connection;
  if (sharing.kind === "org") return `Everyone in ${orgName}`;
  if (sharing.kind === "private") return "Only its creator (and admins)";
  const names = sharing.userIds.map((id) => people.get(id) ?? "a former member");
  return `Shared with ${names.join(", ")}`;
}

/** How the kind of Jira reads: Cloud, or Data Center (which covers Server too). */
export function deploymentLabel(deployment: JiraDeployment | undefined): string {
  return deployment === "dataCenter" ? "Jira Data Center / Server" : "Jira Cloud";
}

/** A Jira connection: site, account, sharing, sync health, and (for who may) test, edit and delete. */
export function JiraConnectionCard({
  orgId,
  orgName,
  connection,
  people,
  integrationEnabled = true,
}: JiraConnectionCardProps) {
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const test = useTestJiraConnection();
  const remove = useDeleteJiraConnection(orgId);
  const sync = connection.sync;
  const close = () => setDialog(null);
  const headingId = `connection-${connection.id}`;

  return (
    <Paper withBorder radius="lg" p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0, flex: "1 1 18rem" }}>
          <IconBrandJira size={28} color="var(--mantine-color-blue-filled)" aria-hidden />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} id={headingId}>
              {connection.name}
            </Text>
            <Text size="sm" c="dimmed">
              <span style={{ overflowWrap: "anywhere" }}>{connection.baseUrl}</span>
              {` · ${deploymentLabel(connection.deployment)}`}
              {connection.serverTitle && ` · ${connection.serverTitle}`}
            </Text>
            <Text size="sm" c="dimmed">
              As {connection.account?.displayName ?? (connection.email || "its token's user")}
              {connection.email && ` (${connection.email})`} · {sharingLabel(connection, orgName, people)}
            </Text>
            {sync && (
              <Group gap="xs" mt={4}>
                {sync.broken && (
                  <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} />}>
                    Needs attention
                  </Badge>
                )}
                {sync.error && (
                  <StaleBadge
                    stale={sync.error}
                    nextTryAt={sync.broken ? null : sync.nextDueAt}
                    severity={sync.broken ? "error" : "warning"}
                  />
                )}
                <Text size="xs" c="dimmed">
                  {sync.lastSyncedAt ? `Last sync ${formatRelative(sync.lastSyncedAt)}` : "No sync yet"}
                  {!integrationEnabled
                    ? " · syncs paused (the Jira integration is off)"
                    : sync.nextDueAt && !sync.broken && ` · next ${formatRelative(sync.nextDueAt)}`}
                </Text>
              </Group>
            )}
          </Stack>
        </Group>
        {connection.canManage && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlugConnected size={14} />}
              loading={test.isPending}
              aria-label={`Test ${connection.name}`}
              onClick={() =>
                test.mutate(
                  { id: connection.id },
                  {
                    onSuccess: (result) =>
                      notifySuccess(
                        `Jira accepted the token of ${result.account.displayName}. The site is ${deploymentLabel(result.deployment)}.`,
                        "Connection works",
                      ),
                    onError: (error) => notifyError(error, "Jira refused the connection"),
                  },
                )
              }
            >
              Test
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} />}
              aria-label={`Edit ${connection.name}`}
              onClick={() => setDialog("edit")}
            >
              Edit
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              aria-label={`Delete ${connection.name}`}
              onClick={() => setDialog("delete")}
            >
              Delete
            </Button>
          </Group>
        )}
      </Group>
      {connection.canManage && (
        <JiraLiveUpdates
          connectionId={connection.id}
          connectionName={connection.name}
          deployment={connection.deployment}
        />
      )}
      {dialog === "edit" && (
        <Modal opened onClose={close} title={`Edit ${connection.name}`} size="lg">
          <JiraConnectionForm
            orgId={orgId}
            orgName={orgName}
            connection={connection}
            onSaved={() => {
              notifySuccess("Connection saved.");
              close();
            }}
            onCancel={close}
          />
        </Modal>
      )}
      <ConfirmModal
        opened={dialog === "delete"}
        title="Delete connection?"
        message={`Goals reading "${connection.name}" keep their last value and say the connection is gone until they are linked to another one.`}
        confirmLabel="Delete connection"
        loading={remove.isPending}
        onClose={close}
        onConfirm={() =>
          remove.mutate(
            { id: connection.id },
            {
              onSuccess: () => {
                notifySuccess("Connection deleted.");
                close();
              },
              onError: (error) => notifyError(error, "Couldn't delete the connection"),
            },
          )
        }
      />
    </Paper>
  );
}
