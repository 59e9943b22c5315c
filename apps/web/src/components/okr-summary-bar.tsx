import { Group, Paper, SimpleGrid, Text, UnstyledButton } from "@mantine/core";
import type { ProgressStatus, StatusSummary } from "../api/okr-types";
import { countOf } from "../lib/format-progress";
import { STATUS_LABELS, STATUS_ORDER, statusColor } from "../lib/status-meta";

/** Props of {@link OkrSummaryBar}. */
export interface OkrSummaryBarProps {
  /** The period's objectives by status, from the goals list (its owner filter applied). */
  summary: StatusSummary | undefined;
  /** The status the list is filtered by, if any. */
  selected: ProgressStatus | null;
  /** Filters the list by a status (or clears the filter when it is already selected). */
  onSelect: (status: ProgressStatus | null) => void;
}

/**
 * The organisation's summary for a period: how many objectives have each status. Each
 * count is a toggle that filters the list by its status.
 */
export function OkrSummaryBar({ summary, selected, onSelect }: OkrSummaryBarProps) {
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
              aria-label={`${countOf(summary?.[status] ?? 0, "objective")} ${STATUS_LABELS[status].toLowerCase()}`}
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
                    {summary?.[status] ?? 0}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {summary?.[status] === 1 ? "objective" : "objectives"}
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
