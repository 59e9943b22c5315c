import { Badge, Group, Progress, Text, Tooltip } from "@mantine/core";
import { IconBrandJira } from "@tabler/icons-react";
import type { ItemState } from "../api/okr-types";
import { barValue, formatPercent } from "../lib/format-progress";
import { STATUS_LABELS, statusColor } from "../lib/status-meta";

/** Props of {@link StatusProgress}. */
export interface StatusProgressProps {
  /** What the bar measures, for screen readers ("Ship feature Email Campaigns"). */
  label: string;
  state: ItemState;
  /** Shows the Jira icon beside the bar. */
  isJiraLinked: boolean;
  size?: "sm" | "md" | "lg";
}

/**
 * A progress bar coloured by status (green on track/achieved, orange behind, red at risk, grey not started),
 * the percentage, the status badge and the Jira icon for Jira-linked items.
 */
export function StatusProgress({ label, state, isJiraLinked, size = "md" }: StatusProgressProps) {
  const color = statusColor(state.status);
  const percent = formatPercent(state.progress);
  const noData = state.progress === null;
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Progress.Root
        size={size}
        radius="xl"
        style={{ flex: 1, minWidth: 80 }}
        role="progressbar"
        aria-label={`${label} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(barValue(state.progress))}
        aria-valuetext={`${percent}, ${STATUS_LABELS[state.status]}`}
      >
        <Progress.Section value={barValue(state.progress)} color={color} withAria={false} />
      </Progress.Root>
      {/* Tooltips are mounted only where they say something: a list renders hundreds of these bars. */}
      {noData ? (
        <Tooltip
          label={state.noDataMessage ?? "No data yet"}
          withArrow
          events={{ hover: true, focus: true, touch: true }}
        >
          <Text size="sm" fw={600} w={64} ta="right" c="dimmed" tabIndex={0}>
            {percent}
          </Text>
        </Tooltip>
      ) : (
        <Text size="sm" fw={600} w={48} ta="right">
          {percent}
        </Text>
      )}
      {isJiraLinked ? (
        <span title="Progress comes from Jira" style={{ display: "inline-flex" }}>
          <IconBrandJira
            size={18}
            stroke={1.7}
            color="var(--mantine-color-blue-filled)"
            aria-label="Linked to Jira"
            role="img"
          />
        </span>
      ) : (
        <span style={{ width: 18 }} />
      )}
      <Badge color={color} variant="light" w={112} style={{ flexShrink: 0 }}>
        {STATUS_LABELS[state.status]}
      </Badge>
    </Group>
  );
}
