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
import { IconBrandJira, IconPencil } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { isApiStatus } from "../api/api-error";
import { useKeyResult, useKeyResultHistory, useRefreshKeyResult } from "../api/use-key-results";
import { useMe } from "../api/use-me";
import { useMemberDirectory } from "../api/use-member-directory";
import { useObjective } from "../api/use-objectives";
import { usePeriods } from "../api/use-periods";
import { CheckInForm } from "../components/check-in-form";
import { CheckInList } from "../components/check-in-list";
import { CommentThread } from "../components/comment-thread";
import { ErrorAlert } from "../components/error-alert";
import { ForecastLine } from "../components/forecast-line";
import { IssueBreakdown } from "../components/issue-breakdown";
import { KeyResultFormModal } from "../components/key-result-form-modal";
import { ProgressChart } from "../components/progress-chart";
import { StatusMessage } from "../components/status-message";
import { StatusProgress } from "../components/status-progress";
import { SyncInfo } from "../components/sync-info";
import { describeValue, formatPercent, formatValue } from "../lib/format-progress";
import { metricLabel } from "../lib/metric-options";
import { notifyError } from "../lib/notify";
import { objectivePath, orgPath } from "../lib/org-paths";
import { useOrg } from "../lib/use-org";
import { usePageTitle } from "../lib/use-page-title";

/** `/o/:orgId/goals/key-results/:keyResultId`: progress over time, forecast, check-ins and "why this number". */
export function KeyResultPage() {
  const org = useOrg();
  const { keyResultId = "" } = useParams();
  const keyResult = useKeyResult(keyResultId);
  usePageTitle(keyResult.data?.title ?? "Key result", org.name);

  if (keyResult.isPending) return <Skeleton h={320} radius="lg" />;
  if (keyResult.isError) {
    if (isApiStatus(keyResult.error, 404)) {
      return (
        <StatusMessage
          icon={<IconBrandJira size={28} />}
          title="Key result not found"
          description="It was deleted, or it belongs to another organisation."
          action={
            <Button component={Link} to={orgPath(org.id)} variant="light">
              Back to goals
            </Button>
          }
        />
      );
    }
    return <ErrorAlert error={keyResult.error} onRetry={() => void keyResult.refetch()} />;
  }
  return <KeyResultDetails keyResultId={keyResultId} />;
}

function KeyResultDetails({ keyResultId }: { keyResultId: string }) {
  const org = useOrg();
  const { data: me } = useMe();
  const members = useMemberDirectory(org.id);
  const { data: keyResult } = useKeyResult(keyResultId);
  const objective = useObjective(keyResult?.objectiveId ?? "");
  const periods = usePeriods(org.id);
  const history = useKeyResultHistory(keyResultId, keyResult?.state.syncedAt ?? null);
  const refresh = useRefreshKeyResult();
  const [editing, setEditing] = useState(false);
  if (!keyResult) return null;

  const linked = keyResult.dataSource !== null;
  const canEdit = keyResult.canEdit !== false;
  const periodId = keyResult.periodId ?? objective.data?.periodId;
  const period = periods.data?.find((candidate) => candidate.id === periodId);
  const metric = keyResult.dataSource?.metric ?? null;
  const owner = members.data?.find((member) => member.userId === keyResult.ownerId)?.name ?? "No owner";
  const forecast = history.data?.forecast ?? keyResult.forecast ?? null;
  const forecastNote = history.data ? history.data.forecastNote : keyResult.forecastNote;

  return (
    <Container size="lg" p={0}>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to={orgPath(org.id)} size="sm">
          Goals
        </Anchor>
        <Anchor component={Link} to={objectivePath(org.id, keyResult.objectiveId)} size="sm">
          {objective.data?.title ?? "Objective"}
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="lg">
        <Stack gap={4}>
          <Title order={1} fz={26}>
            {keyResult.title}
          </Title>
          <Text c="dimmed" size="sm">
            {owner}
            {period && ` · ${period.name}`}
            {keyResult.dataSource && ` · ${metricLabel(keyResult.dataSource.metric)}`}
            {describeValue(keyResult) && ` · ${describeValue(keyResult)}`}
          </Text>
        </Stack>
        {canEdit && (
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            Edit key result
          </Button>
        )}
      </Group>
      <Stack gap="lg">
        <Paper withBorder radius="lg" p="md">
          <StatusProgress label={keyResult.title} state={keyResult.state} isJiraLinked={linked} size="lg" />
          <Group justify="space-between" mt="xs">
            <Text size="sm" c="dimmed">
              Expected by now: {formatPercent(keyResult.state.expected)}
            </Text>
            {linked && (
              <SyncInfo
                label={keyResult.title}
                state={keyResult.state}
                refreshing={refresh.isPending}
                onRefresh={() =>
                  refresh.mutate(
                    { id: keyResult.id },
                    { onError: (error) => notifyError(error, "Couldn't refresh from Jira") },
                  )
                }
              />
            )}
          </Group>
          {keyResult.dataSource && (
            <Text size="xs" c="dimmed" mt="xs" ff="monospace">
              JQL: {keyResult.dataSource.jql}
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
              valueText={(value) => formatValue(value, keyResult.measure, metric)}
            />
          </Group>
          {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
          {period && history.data ? (
            <ProgressChart history={history.data.items} period={period} forecast={forecast} />
          ) : (
            !history.isError && <Skeleton h={260} />
          )}
        </Paper>
        {!linked && canEdit && (
          <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="check-in-heading">
            <Title order={2} fz="lg" id="check-in-heading" mb="sm">
              Check in
            </Title>
            <CheckInForm keyResult={keyResult} />
          </Paper>
        )}
        {linked && (
          <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="why-heading">
            <Title order={2} fz="lg" id="why-heading" mb="sm">
              Why this number
            </Title>
            <IssueBreakdown item={keyResult} />
          </Paper>
        )}
        <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="history-heading">
          <Title order={2} fz="lg" id="history-heading" mb="sm">
            Check-ins
          </Title>
          {history.data && (
            <CheckInList items={history.data.items} measure={keyResult.measure} metric={metric} />
          )}
        </Paper>
        <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="comments-heading">
          <Title order={2} fz="lg" id="comments-heading" mb="sm">
            Comments
          </Title>
          <CommentThread
            keyResultId={keyResult.id}
            checkIns={history.data?.items ?? []}
            canComment={canEdit}
          />
        </Paper>
      </Stack>
      {editing && (
        <KeyResultFormModal
          orgId={org.id}
          orgName={org.name}
          isAdmin={org.role === "admin"}
          currentUserId={me?.user.id ?? ""}
          objectiveId={keyResult.objectiveId}
          keyResult={keyResult}
          onClose={() => setEditing(false)}
        />
      )}
    </Container>
  );
}
