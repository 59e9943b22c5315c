import {
  Anchor,
  Badge,
  Group,
  NativeSelect,
  Pagination,
  Skeleton,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconCircleCheck, IconCircleDashed, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import type { ItemState, JiraDataSource, Measure } from "../api/okr-types";
import { useItemIssues } from "../api/use-measured-items";
import { formatRelative } from "../lib/format-date";
import { countOf, formatValue } from "../lib/format-progress";
import { arrangeIssues, ISSUES_PER_PAGE, type IssueSort } from "../lib/issue-table";
import type { MeasuredKind } from "../lib/measured-kind";
import { ErrorAlert } from "./error-alert";

/** A Jira-measured item: a key result, or an objective with its own data source. */
interface MeasuredItem {
  id: string;
  measure: Measure | null;
  dataSource: JiraDataSource | null;
  state: Pick<ItemState, "syncedAt">;
}

/** "Why this number": the Jira issues behind an item, what each contributes, done or not. */
export function IssueBreakdown({ item, kind }: { item: MeasuredItem; kind: MeasuredKind }) {
  const issues = useItemIssues(kind, item.id, item.state.syncedAt, item.dataSource !== null);
  const metric = item.dataSource?.metric ?? null;
  const measure = item.measure ?? { kind: "percent" as const };
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<IssueSort>("key");
  const [page, setPage] = useState(1);
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
  const tracked = items.filter((issue) => issue.value !== null).length;
  const arranged = arrangeIssues(items, search, sort);
  const pages = Math.max(1, Math.ceil(arranged.length / ISSUES_PER_PAGE));
  const current = Math.min(page, pages);
  const shown = arranged.slice((current - 1) * ISSUES_PER_PAGE, current * ISSUES_PER_PAGE);
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {items.length} matching {items.length === 1 ? "issue" : "issues"}, {done} done
        {issues.data.syncedAt && ` (read from Jira ${formatRelative(issues.data.syncedAt)})`}.
      </Text>
      {metric === "progress" && (
        <Text size="sm" mb="xs">
          Progress averages only the {countOf(tracked, "issue")} with time tracking
          {tracked < items.length &&
            `; ${countOf(items.length - tracked, "issue")} without tracked time ${items.length - tracked === 1 ? "is" : "are"} left out`}
          .
        </Text>
      )}
      <Group gap="sm" mb="xs" align="flex-end" wrap="wrap">
        <TextInput
          label="Search issues"
          placeholder="Key or summary"
          leftSection={<IconSearch size={14} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: "1 1 12rem" }}
        />
        <NativeSelect
          label="Sort by"
          value={sort}
          onChange={(event) => setSort(event.currentTarget.value as IssueSort)}
          data={[
            { value: "key", label: "Key" },
            { value: "status", label: "Status (not done first)" },
            { value: "contribution", label: "Contribution (largest first)" },
          ]}
        />
      </Group>
      {arranged.length === 0 && (
        <Text size="sm" c="dimmed">
          No issue matches "{search}".
        </Text>
      )}
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
            {shown.map((issue) => (
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
                <Table.Td ta="right">
                  {metric === "progress" && issue.value === null ? (
                    <Text span size="sm" c="dimmed">
                      no time tracked (left out)
                    </Text>
                  ) : (
                    formatValue(issue.value, measure, metric)
                  )}
                </Table.Td>
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
      {pages > 1 && (
        <Group justify="space-between" mt="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            {(current - 1) * ISSUES_PER_PAGE + 1}–{(current - 1) * ISSUES_PER_PAGE + shown.length} of{" "}
            {arranged.length}
          </Text>
          <Pagination total={pages} value={current} onChange={setPage} size="sm" aria-label="Issue pages" />
        </Group>
      )}
    </>
  );
}
