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
import { IconPencil, IconTarget } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { isApiStatus } from "../api/api-error";
import type { Objective } from "../api/okr-types";
import { useObjective, useObjectiveHistory, useObjectives, useRefreshObjective } from "../api/use-objectives";
import { usePeriods } from "../api/use-periods";
import { CheckInList } from "../components/check-in-list";
import { ErrorAlert } from "../components/error-alert";
import { ForecastLine } from "../components/forecast-line";
import { IssueBreakdown } from "../components/issue-breakdown";
import { KeyResultRow } from "../components/key-result-row";
import { ObjectiveFormModal } from "../components/objective-form-modal";
import { ProgressChart } from "../components/progress-chart";
import { StatusMessage } from "../components/status-message";
import { StatusProgress } from "../components/status-progress";
import { SyncInfo } from "../components/sync-info";
import { describeValue, formatPercent, formatValue } from "../lib/format-progress";
import { metricLabel } from "../lib/metric-options";
import { notifyError } from "../lib/notify";
import { ownerName } from "../lib/okr-scope";
import { objectivePath, orgPath } from "../lib/org-paths";
import { useOkrScope } from "../lib/use-okr-scope";
import { useOrg } from "../lib/use-org";
import { usePageTitle } from "../lib/use-page-title";

/** `/o/:orgId/goals/objectives/:objectiveId`: an objective's progress over time, history and key results. */
export function ObjectivePage() {
  const org = useOrg();
  const { objectiveId = "" } = useParams();
  const objective = useObjective(objectiveId);
  usePageTitle(objective.data?.title ?? "Objective", org.name);
  if (objective.isPending) return <Skeleton h={320} radius="lg" />;
  if (objective.isError) {
    if (isApiStatus(objective.error, 404)) {
      return (
        <StatusMessage
          icon={<IconTarget size={28} />}
          title="Objective not found"
          description="It was deleted, or it belongs to another organisation."
          action={
            <Button component={Link} to={orgPath(org.id)} variant="light">
              Back to goals
            </Button>
          }
        />
      );
    }
    return <ErrorAlert error={objective.error} onRetry={() => void objective.refetch()} />;
  }
  return <ObjectiveDetails objective={objective.data} />;
}

function ObjectiveDetails({ objective }: { objective: Objective }) {
  const scope = useOkrScope();
  const periods = usePeriods(scope.orgId);
  const siblings = useObjectives(scope.orgId, objective.periodId);
  const history = useObjectiveHistory(objective.id, objective.state.syncedAt);
  const refresh = useRefreshObjective();
  const [editing, setEditing] = useState(false);
  const period = periods.data?.find((candidate) => candidate.id === objective.periodId);
  const linked = objective.dataSource !== null;
  const canEdit = objective.canEdit !== false;
  const metric = objective.dataSource?.metric ?? null;
  const forecast = history.data?.forecast ?? objective.forecast ?? null;
  const forecastNote = history.data ? history.data.forecastNote : objective.forecastNote;
  const all = siblings.data ?? [];
  const parent = all.find((candidate) => candidate.id === objective.parentId);
  const children = all.filter((candidate) => candidate.parentId === objective.id);
  const detail = describeValue(objective);

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
            {objective.title}
          </Title>
          <Text c="dimmed" size="sm">
            {ownerName(scope, objective.ownerId)}
            {period && ` · ${period.name}`}
            {objective.dataSource
              ? ` · ${metricLabel(objective.dataSource.metric)}`
              : " · rolls up its key results"}
            {detail && ` · ${detail}`}
          </Text>
          {objective.description && (
            <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
              {objective.description}
            </Text>
          )}
        </Stack>
        {canEdit && (
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            Edit objective
          </Button>
        )}
      </Group>
      <Stack gap="lg">
        <Paper withBorder radius="lg" p="md">
          <StatusProgress label={objective.title} state={objective.state} isJiraLinked={linked} size="lg" />
          <Group justify="space-between" mt="xs">
            <Text size="sm" c="dimmed">
              Expected by now: {formatPercent(objective.state.expected)}
            </Text>
            {linked && (
              <SyncInfo
                label={objective.title}
                state={objective.state}
                refreshing={refresh.isPending}
                onRefresh={() =>
                  refresh.mutate(
                    { id: objective.id },
                    { onError: (error) => notifyError(error, "Couldn't refresh from Jira") },
                  )
                }
              />
            )}
          </Group>
          {objective.dataSource && (
            <Text size="xs" c="dimmed" mt="xs" ff="monospace">
              JQL: {objective.dataSource.jql}
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
              valueText={linked ? (value) => formatValue(value, objective.measure, metric) : undefined}
            />
          </Group>
          {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
          {period && history.data ? (
            <ProgressChart history={history.data.items} period={period} forecast={forecast} />
          ) : (
            !history.isError && <Skeleton h={260} />
          )}
        </Paper>
        <Paper withBorder radius="lg" component="section" aria-labelledby="krs-heading">
          <Title order={2} fz="lg" id="krs-heading" p="md">
            Key results
          </Title>
          {objective.keyResults.length === 0 ? (
            <Text size="sm" c="dimmed" px="md" pb="md">
              No key results yet.
            </Text>
          ) : (
            <ul
              aria-label={`Key results of ${objective.title}`}
              style={{ listStyle: "none", margin: 0, padding: 0 }}
            >
              {objective.keyResults.map((keyResult) => (
                <li key={keyResult.id}>
                  <KeyResultRow scope={scope} keyResult={keyResult} />
                </li>
              ))}
            </ul>
          )}
        </Paper>
        {children.length > 0 && (
          <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="aligned-heading">
            <Title order={2} fz="lg" id="aligned-heading" mb="sm">
              Aligned objectives
            </Title>
            <Stack gap="sm">
              {children.map((child) => (
                <Group key={child.id} justify="space-between" wrap="nowrap" gap="md">
                  <Anchor
                    component={Link}
                    to={objectivePath(scope.orgId, child.id)}
                    size="sm"
                    style={{ flex: "1 1 40%" }}
                  >
                    {child.title}
                  </Anchor>
                  <div style={{ flex: "1 1 50%" }}>
                    <StatusProgress
                      label={child.title}
                      state={child.state}
                      isJiraLinked={child.dataSource !== null}
                      size="sm"
                    />
                  </div>
                </Group>
              ))}
            </Stack>
          </Paper>
        )}
        {linked && (
          <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="why-heading">
            <Title order={2} fz="lg" id="why-heading" mb="sm">
              Why this number
            </Title>
            <IssueBreakdown item={objective} kind="objectives" />
          </Paper>
        )}
        {(linked || (history.data?.items.length ?? 0) > 0) && (
          <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="history-heading">
            <Title order={2} fz="lg" id="history-heading" mb="sm">
              Check-ins
            </Title>
            {history.data && (
              <CheckInList items={history.data.items} measure={objective.measure} metric={metric} />
            )}
          </Paper>
        )}
      </Stack>
      {editing && periods.data && (
        <ObjectiveFormModal
          orgId={scope.orgId}
          orgName={scope.orgName}
          isAdmin={scope.isAdmin}
          currentUserId={scope.currentUserId}
          periods={periods.data}
          periodId={objective.periodId}
          candidates={all}
          objective={objective}
          onClose={() => setEditing(false)}
        />
      )}
    </Container>
  );
}
