import { Group, Paper, SimpleGrid, Text } from "@mantine/core";
import type { Objective } from "../api/okr-types";
import { countOf } from "../lib/format-progress";
import { summariseStatuses } from "../lib/okr-summary";
import { STATUS_LABELS, STATUS_ORDER, statusColor } from "../lib/status-meta";

/** The organisation's summary for a period: how many objectives (and key results) have each status. */
export function OkrSummaryBar({ objectives }: { objectives: Objective[] }) {
  const counts = summariseStatuses(objectives);
  return (
    <section aria-label="Summary">
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {STATUS_ORDER.map((status) => (
          <Paper
            key={status}
            withBorder
            radius="md"
            p="sm"
            style={{ borderLeft: `4px solid var(--mantine-color-${statusColor(status)}-filled)` }}
          >
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {STATUS_LABELS[status]}
            </Text>
            <Group gap={6} align="baseline">
              <Text
                fz={24}
                fw={700}
                aria-label={`${countOf(counts.objectives[status], "objective")} ${STATUS_LABELS[status].toLowerCase()}`}
              >
                {counts.objectives[status]}
              </Text>
              <Text size="xs" c="dimmed">
                {counts.objectives[status] === 1 ? "objective" : "objectives"} ·{" "}
                {countOf(counts.keyResults[status], "key result")}
              </Text>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
