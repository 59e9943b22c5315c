import { Badge, Table, Text, Tooltip } from "@mantine/core";
import { IconBrandJira } from "@tabler/icons-react";
import type { CheckIn, Measure, Metric } from "../api/okr-types";
import { formatDateTime, formatRelative } from "../lib/format-date";
import { formatPercent, formatValue } from "../lib/format-progress";

/** Props of {@link CheckInList}. */
export interface CheckInListProps {
  items: CheckIn[];
  measure: Measure | null;
  metric: Metric | null;
}

/** The history of an item, newest first: who ("Jira" or a person), the value and progress, when. */
export function CheckInList({ items, measure, metric }: CheckInListProps) {
  const newestFirst = [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  if (newestFirst.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No check-ins yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing="xs" aria-label="Check-ins">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Who</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Progress</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Note</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst.map((checkIn) => (
            <Table.Tr key={checkIn.id}>
              <Table.Td>
                {checkIn.source === "jira" ? (
                  <Badge variant="light" color="blue" leftSection={<IconBrandJira size={12} />} tt="none">
                    Jira
                  </Badge>
                ) : checkIn.source === "rollup" ? (
                  <Badge variant="light" color="gray" tt="none">
                    Key results
                  </Badge>
                ) : (
                  <Text size="sm">{checkIn.author?.name ?? "Former member"}</Text>
                )}
              </Table.Td>
              <Table.Td>{formatValue(checkIn.value, measure, metric)}</Table.Td>
              <Table.Td>{formatPercent(checkIn.progress)}</Table.Td>
              <Table.Td>
                <Tooltip label={formatDateTime(checkIn.createdAt)} withArrow>
                  <Text size="sm" span>
                    {formatRelative(checkIn.createdAt)}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {checkIn.note ?? ""}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
