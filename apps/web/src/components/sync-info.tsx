import { ActionIcon, Badge, Group, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import type { ItemState } from "../api/okr-types";
import { formatDateTime, formatRelative } from "../lib/format-date";

/** Props of {@link SyncInfo}. */
export interface SyncInfoProps {
  /** The item's title, to name the refresh button. */
  label: string;
  state: ItemState;
  refreshing: boolean;
  onRefresh: () => void;
}

/** Last sync time, a "Stale" badge whose tooltip gives the reason, and the refresh button. */
export function SyncInfo({ label, state, refreshing, onRefresh }: SyncInfoProps) {
  return (
    <Group gap={6} wrap="nowrap">
      {state.stale && (
        <Tooltip
          label={state.stale.message}
          multiline
          w={280}
          withArrow
          events={{ hover: true, focus: true, touch: true }}
        >
          <Badge
            color="yellow"
            variant="light"
            leftSection={<IconAlertTriangle size={12} />}
            tabIndex={0}
            aria-label={`Stale: ${state.stale.message}`}
          >
            Stale
          </Badge>
        </Tooltip>
      )}
      <Text
        size="xs"
        c="dimmed"
        style={{ whiteSpace: "nowrap" }}
        title={formatDateTime(state.syncedAt, "Never synced")}
      >
        {state.syncedAt
          ? `Synced ${formatRelative(state.syncedAt)}`
          : state.stale
            ? "Never synced"
            : "Reading Jira…"}
      </Text>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="sm"
        onClick={onRefresh}
        loading={refreshing}
        aria-label={`Refresh ${label} from Jira`}
        title="Refresh from Jira now"
      >
        <IconRefresh size={16} />
      </ActionIcon>
    </Group>
  );
}
