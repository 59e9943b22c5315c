import { ActionIcon, Group, Text } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import type { ItemState } from "../api/okr-types";
import { formatDateTime, formatRelative } from "../lib/format-date";
import { StaleBadge } from "./stale-badge";

/** Props of {@link SyncInfo}. */
export interface SyncInfoProps {
  /** The item's title, to name the refresh button. */
  label: string;
  state: ItemState;
  refreshing: boolean;
  onRefresh: () => void;
}

/** Last sync time, the stale badge (reason, Jira's message, since when), and the refresh button. */
export function SyncInfo({ label, state, refreshing, onRefresh }: SyncInfoProps) {
  return (
    <Group gap={6} wrap="nowrap">
      {state.stale && <StaleBadge stale={state.stale} />}
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
