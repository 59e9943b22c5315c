import {
  Anchor,
  Breadcrumbs,
  Button,
  Container,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import type { Objective } from "../api/okr-types";
import { useMeasuredHistory } from "../api/use-measured-items";
import { usePeriods } from "../api/use-periods";
import { describeValue, formatPercent, formatValue } from "../lib/format-progress";
import { editTarget } from "../lib/measured-item-form";
import { KIND_WORDS, type MeasuredPageEntry } from "../lib/measured-kind";
import { metricLabel } from "../lib/metric-options";
import { ownerName } from "../lib/okr-scope";
import { objectivePath, orgPath } from "../lib/org-paths";
import { useOkrScope } from "../lib/use-okr-scope";
import { CheckInList } from "./check-in-list";
import { ErrorAlert } from "./error-alert";
import { ForecastLine } from "./forecast-line";
import { IssueBreakdown } from "./issue-breakdown";
import { ItemSyncInfo } from "./item-sync-info";
import { MeasuredItemFormModal } from "./measured-item-form-modal";
import { PageSection } from "./page-section";
import { ProgressChart } from "./progress-chart";
import { StatusProgress } from "./status-progress";

/** Props of {@link MeasuredItemLayout}. */
export interface MeasuredItemLayoutProps {
  entry: MeasuredPageEntry;
  /** The breadcrumb after "Goals": a key result's objective, an objective's parent (none: omitted). */
  parent: Pick<Objective, "id" | "title"> | null;
  /** An objective's alignment choices in its edit form (omitted: fetched when the form opens). */
  candidates?: readonly Pick<Objective, "id" | "title">[];
  /** The kind's own sections, after the chart (check in; key results and aligned objectives). */
  sections?: ReactNode;
  /** The kind's own sections at the end (a key result's comments). */
  footer?: ReactNode;
}

/**
 * The page of a measured item (a key result, or an objective): header, progress and status, Jira sync and
 * refresh, progress over time with the forecast, "why this number", the check-ins, and its edit form.
 */
export function MeasuredItemLayout({ entry, parent, candidates, sections, footer }: MeasuredItemLayoutProps) {
  const scope = useOkrScope();
  const { kind, item } = entry;
  const words = KIND_WORDS[kind];
  const periods = usePeriods(scope.orgId);
  const history = useMeasuredHistory(kind, item.id, item.state.syncedAt);
  const [editing, setEditing] = useState(false);
  const linked = item.dataSource !== null;
  const metric = item.dataSource?.metric ?? null;
  const period = periods.data?.find((candidate) => candidate.id === item.periodId);
  const forecast = history.data?.forecast ?? item.forecast ?? null;
  const forecastNote = history.data ? history.data.forecastNote : item.forecastNote;
  const measure = item.measure;
  const detail = describeValue(item);
  const source = item.dataSource
    ? ` · ${metricLabel(item.dataSource.metric)}`
    : kind === "objectives"
      ? " · rolls up its key results"
      : "";
  const description = entry.kind === "objectives" ? entry.item.description : "";
  const hasHistory = kind === "key-results" || linked || (history.data?.items.length ?? 0) > 0;

  return (
    <Container size="lg" p={0}>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={orgPath(scope.orgId)} size="sm">
          Goals
        </Anchor>
        {parent && (
          <Anchor component={Link} to={objectivePath(scope.orgId, parent.id)} size="sm">
            {parent.title}
          </Anchor>
        )}
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="lg">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            {item.title}
          </Title>
          <Text c="dimmed" size="sm">
            {ownerName(scope, item.ownerId)}
            {period && ` · ${period.name}`}
            {source}
            {detail && ` · ${detail}`}
          </Text>
          {description && (
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {description}
            </Text>
          )}
        </Stack>
        {item.canEdit && (
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            Edit {words.noun}
          </Button>
        )}
      </Group>
      <Stack gap="lg">
        <Paper withBorder radius="lg" p="md">
          <StatusProgress label={item.title} state={item.state} isJiraLinked={linked} size="lg" />
          <Group justify="space-between" mt="xs">
            <Text size="sm" c="dimmed">
              Expected by now: {formatPercent(item.state.expected)}
            </Text>
            {linked && <ItemSyncInfo entry={entry} />}
          </Group>
          {item.dataSource && (
            <Text size="xs" c="dimmed" mt="xs" ff="monospace">
              JQL: {item.dataSource.jql}
            </Text>
          )}
        </Paper>
        <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="chart-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="lg" id="chart-heading">
              Progress over time
            </Title>
            <ForecastLine
              forecast={forecast}
              note={forecastNote}
              valueText={measure ? (value) => formatValue(value, measure, metric) : undefined}
            />
          </Group>
          {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
          {period && history.data ? (
            <ProgressChart history={history.data.items} period={period} forecast={forecast} />
          ) : (
            !history.isError && <Skeleton h={260} />
          )}
        </Paper>
        {sections}
        {linked && (
          <PageSection id="why-heading" title="Why this number">
            <IssueBreakdown item={item} kind={kind} />
          </PageSection>
        )}
        {hasHistory && (
          <PageSection id="history-heading" title="Check-ins">
            {history.data && <CheckInList items={history.data.items} measure={measure} metric={metric} />}
          </PageSection>
        )}
        {footer}
      </Stack>
      {editing && (kind === "key-results" || periods.data) && (
        <MeasuredItemFormModal
          scope={scope}
          target={editTarget(entry, periods.data ?? [], candidates)}
          onClose={() => setEditing(false)}
        />
      )}
    </Container>
  );
}
