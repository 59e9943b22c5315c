import { Group, Paper, SimpleGrid, Text, UnstyledButton } from "@mantine/core";
import type { Objective, ProgressStatus } from "../api/okr-types";
import { countOf } from "../lib/format-progress";
import { summariseStatuses } from "../lib/okr-summary";
import { STATUS_LABELS, STATUS_ORDER, statusColor } from "../lib/status-meta";

/** Props of {@link OkrSummaryBar}. */
export interface OkrSummaryBarProps {
  objectives: Objective[];
  /** The status the list is filtered by, if any. */
  selected: ProgressStatus | null;
  /** Filters the list by a status (or clears the filter when it is already selected). */
  onSelect: (status: ProgressStatus | null) => void;
}

/**
 * The organisation's summary for a period: how many objectives (and key results) have each status. Each
 * count is a toggle that filters the list by its status.
 */
export function OkrSummaryBar({ objectives, selected, onSelect }: OkrSummaryBarProps) {
  const counts = summariseStatuses(objectives);
  return (
    <section aria-label="Summary">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {STATUS_ORDER.map((status) => {
          const isSelected = selected === status;
          const colour = statusColor(status);
          return (
            <UnstyledButton
              key={status}
              onClick={() => onSelect(isSelected ? null : status)}
              aria-pressed={isSelected}
              aria-label={`${countOf(counts.objectives[status], "objective")} ${STATUS_LABELS[status].toLowerCase()}, ${countOf(counts.keyResults[status], "key result")}`}
            >
              <Paper
                withBorder
                radius="md"
                p="sm"
                bg={isSelected ? `var(--mantine-color-${colour}-light)` : undefined}
                style={{ borderLeft: `4px solid var(--mantine-color-${colour}-filled)` }}
              >
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                  {STATUS_LABELS[status]}
                </Text>
                <Group gap={6} align="baseline">
                  <Text fz={24} fw={700}>
                    {counts.objectives[status]}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {counts.objectives[status] === 1 ? "objective" : "objectives"} ·{" "}
                    {countOf(counts.keyResults[status], "key result")}
                  </Text>
                </Group>
              </Paper>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
