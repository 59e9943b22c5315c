import { ActionIcon, Anchor, Group, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconX } from "@tabler/icons-react";
import type { LinkedEpic, Permission } from "../api/portfolio-types";
import { useUnlinkEpic } from "../api/use-initiatives";
import { formatDateTime, formatRelative } from "../lib/format-date";
import { notifyError } from "../lib/notify";
import { ConfirmModal } from "./confirm-modal";
import { JiraStatusBadge } from "./jira-status-badge";
import { PermissionGate } from "./permission-gate";
import { ProgressSummary } from "./progress-summary";
import { StaleBadge } from "./stale-badge";

/** One linked epic: key (to Jira), summary, status, progress, counts, last sync, unlink. */
export function LinkedEpicRow({ epic, permission }: { epic: LinkedEpic; permission: Permission }) {
  const unlink = useUnlinkEpic(epic.initiativeId);
  const [confirmOpened, confirm] = useDisclosure(false);
  const handleUnlink = async () => {
    try {
      await unlink.mutateAsync({ key: epic.key });
      confirm.close();
    } catch (error) {
      confirm.close();
      notifyError(error, "Couldn't unlink the epic");
    }
  };
  return (
    <Table.Tr data-testid={`epic-${epic.key}`}>
      <Table.Td>
        <Anchor href={epic.url} target="_blank" rel="noreferrer" fw={600}>
          {epic.key}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{epic.summary}</Text>
      </Table.Td>
      <Table.Td>
        <JiraStatusBadge status={epic.status} />
      </Table.Td>
      <Table.Td>
        <ProgressSummary progress={epic.progress} label={epic.key} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={formatDateTime(epic.syncedAt, "never")}>
            <Text size="xs" c="dimmed">
              {formatRelative(epic.syncedAt)}
            </Text>
          </Tooltip>
          {epic.stale && <StaleBadge stale={epic.stale} />}
        </Group>
      </Table.Td>
      <Table.Td>
        <PermissionGate permission={permission}>
          {(disabled) => (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Unlink ${epic.key}`}
              onClick={confirm.open}
              disabled={disabled}
            >
              <IconX size={16} />
            </ActionIcon>
          )}
        </PermissionGate>
        <ConfirmModal
          opened={confirmOpened}
          title={`Unlink ${epic.key}?`}
          message="The epic stays in Jira; it no longer counts towards this initiative's progress."
          confirmLabel="Unlink"
          loading={unlink.isPending}
          onConfirm={() => void handleUnlink()}
          onClose={confirm.close}
        />
      </Table.Td>
    </Table.Tr>
  );
}
