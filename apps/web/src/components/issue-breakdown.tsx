import { Anchor, Badge, Skeleton, Table, Text } from "@mantine/core";
import { IconCircleCheck, IconCircleDashed } from "@tabler/icons-react";
import type { KeyResult } from "../api/okr-types";
import { useKeyResultIssues } from "../api/use-key-results";
import { formatRelative } from "../lib/format-date";
import { formatValue } from "../lib/format-progress";
import { ErrorAlert } from "./error-alert";

/** "Why this number": the Jira issues behind a key result, what each contributes, done or not. */
export function IssueBreakdown({ keyResult }: { keyResult: KeyResult }) {
  const issues = useKeyResultIssues(keyResult.id, keyResult.state.syncedAt, keyResult.dataSource !== null);
  const metric = keyResult.dataSource?.metric ?? null;
  if (issues.isPending) return <Skeleton h={120} />;
  if (issues.isError) return <ErrorAlert error={issues.error} onRetry={() => void issues.refetch()} />;
  const items = issues.data.items;
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The query matches no issues (as of the last sync).
      </Text>
    );
  }
  const done = items.filter((issue) => issue.done).length;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {items.length} matching {items.length === 1 ? "issue" : "issues"}, {done} done
        {issues.data.syncedAt && ` (read from Jira ${formatRelative(issues.data.syncedAt)})`}.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label="Jira issues behind this number" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Key</Table.Th>
              <Table.Th>Summary</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Contributes</Table.Th>
              <Table.Th>Done</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((issue) => (
              <Table.Tr key={issue.key}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Anchor href={issue.url} target="_blank" rel="noreferrer" size="sm" ff="monospace">
                    {issue.key}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {issue.summary}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={issue.done ? "green" : "gray"} tt="none">
                    {issue.statusName}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatValue(issue.value, keyResult.measure, metric)}</Table.Td>
                <Table.Td>
                  {issue.done ? (
                    <IconCircleCheck
                      size={18}
                      color="var(--mantine-color-green-filled)"
                      aria-label="Done"
                      role="img"
                    />
                  ) : (
                    <IconCircleDashed
                      size={18}
                      color="var(--mantine-color-dimmed)"
                      aria-label="Not done"
                      role="img"
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
