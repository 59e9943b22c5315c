import { ActionIcon, Button, Code, CopyButton, Group, List, Stack, Text, Tooltip } from "@mantine/core";
import { IconCheck, IconCopy, IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import type { JiraDeployment } from "../api/jira-types";
import { useJiraWebhook, useRotateJiraWebhook } from "../api/use-jira-webhook";
import { formatRelative } from "../lib/format-date";
import { notifyError, notifySuccess } from "../lib/notify";
import { ConfirmModal } from "./confirm-modal";
import { LiveSpeedBadge } from "./live-speeds";

function Copyable({ label, value }: { label: string; value: string }) {
  return (
    <Group gap={4} wrap="nowrap" align="center" miw={0}>
      <Code style={{ overflowWrap: "anywhere", minWidth: 0 }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? "Copied" : `Copy ${label}`} withArrow>
            <ActionIcon variant="subtle" onClick={copy} aria-label={`Copy ${label}`}>
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * A connection's live updates, for those who manage it: which speed it is on, and the steps (with copy
 * buttons) a Jira admin follows to register its webhook; the webhook's health; rotating its URL and secret.
 */
export function JiraLiveUpdates({
  connectionId,
  connectionName,
  deployment,
}: {
  connectionId: string;
  connectionName: string;
  deployment: JiraDeployment;
}) {
  const [open, setOpen] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const webhook = useJiraWebhook(connectionId);
  const rotate = useRotateJiraWebhook(connectionId);
  if (!webhook.data) return null;
  const hook = webhook.data;
  return (
    <Stack gap={6} mt="xs">
      <Group gap="xs">
        <LiveSpeedBadge speed={hook.speed} />
        <Text size="xs" c="dimmed">
          {hook.lastDeliveryAt
            ? `Last webhook delivery ${formatRelative(hook.lastDeliveryAt)} · ${hook.deliveries24h} in 24 h`
            : "No webhook delivery yet"}
          {hook.refused24h > 0 && ` · ${hook.refused24h} refused in 24 h (wrong secret or URL?)`}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? "Hide webhook setup" : "Set up a webhook"}
        </Button>
      </Group>
      {open && (
        <Stack gap={6} aria-label={`Webhook setup for ${connectionName}`}>
          <Text size="sm">
            For changes within seconds, a Jira administrator registers this webhook once (Goalpost's token
            cannot register it itself):
          </Text>
          <List type="ordered" size="sm" spacing={6}>
            <List.Item>
              {deployment === "dataCenter"
                ? "In Jira: Administration (⚙) → System → WebHooks (under Advanced) → Create a WebHook."
                : "In Jira: Settings (⚙) → System → WebHooks → Create a WebHook."}
            </List.Item>
            <List.Item>
              URL: <Copyable label="webhook URL" value={hook.url} />
            </List.Item>
            <List.Item>
              Secret: <Copyable label="webhook secret" value={hook.secret} />
            </List.Item>
            <List.Item>Events: Issue created, Issue updated, Issue deleted.</List.Item>
            <List.Item>
              JQL filter:{" "}
              {hook.jqlFilter ? (
                <Copyable label="JQL filter" value={hook.jqlFilter} />
              ) : (
                <Text span size="sm" c="dimmed">
                  none needed yet (no goal reads this connection)
                </Text>
              )}
            </List.Item>
          </List>
          <Group>
            <Button
              size="compact-xs"
              variant="default"
              leftSection={<IconRefresh size={12} />}
              onClick={() => setConfirmRotate(true)}
            >
              New URL and secret
            </Button>
          </Group>
        </Stack>
      )}
      <ConfirmModal
        opened={confirmRotate}
        title="Replace the webhook's URL and secret?"
        message="Jira's current webhook stops working until it is updated with the new URL and secret."
        confirmLabel="Replace"
        loading={rotate.isPending}
        onClose={() => setConfirmRotate(false)}
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: () => {
              setConfirmRotate(false);
              notifySuccess("Update the webhook in Jira with the new URL and secret.", "Webhook replaced");
            },
            onError: (error) => notifyError(error, "Couldn't replace the webhook"),
          })
        }
      />
    </Stack>
  );
}
