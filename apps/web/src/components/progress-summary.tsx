import { Group, Progress, Stack, Text } from "@mantine/core";
import type { Progress as ProgressData } from "../api/portfolio-types";
import { formatPercent } from "../lib/portfolio-labels";

/** Props of {@link ProgressSummary}. */
export interface ProgressSummaryProps {
  progress: ProgressData;
  label: string;
}

/** Progress bar with done / all children, and story points where present. */
export function ProgressSummary({ progress, label }: ProgressSummaryProps) {
  const { byCount, byStoryPoints } = progress;
  return (
    <Stack gap={4} miw={200}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {formatPercent(byCount.progress)}
        </Text>
        <Text size="xs" c="dimmed">
          {byCount.done}/{byCount.total} issues done
        </Text>
      </Group>
      <Progress
        value={byCount.progress ?? 0}
        size="md"
        radius="xl"
        color={byCount.progress !== null && byCount.progress >= 100 ? "teal" : "indigo"}
        aria-label={`${label}: ${formatPercent(byCount.progress)} complete`}
      />
      {byStoryPoints && (
        <Text size="xs" c="dimmed">
          {formatPercent(byStoryPoints.progress)} of story points ({byStoryPoints.done}/{byStoryPoints.total})
        </Text>
      )}
    </Stack>
  );
}
