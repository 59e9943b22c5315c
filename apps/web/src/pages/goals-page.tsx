import {
  Box,
  Button,
  Container,
  Group,
  List,
  Menu,
  NativeSelect,
  Paper,
  Skeleton,
  Stack,
  Text,
} from "@mantine/core";
import {
  IconCalendarEvent,
  IconCalendarPlus,
  IconChevronDown,
  IconDownload,
  IconHierarchy,
  IconPencil,
  IconPlus,
  IconTarget,
  IconTrash,
} from "@tabler/icons-react";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useObjectivePages } from "../api/use-objectives";
import { useDeletePeriod, usePeriods } from "../api/use-periods";
import { ConfirmModal } from "../components/confirm-modal";
import { ErrorAlert } from "../components/error-alert";
import { MeasuredItemFormModal } from "../components/measured-item-form-modal";
import { ObjectiveCard } from "../components/objective-card";
import { OkrFilters } from "../components/okr-filters";
import { OkrSummaryBar } from "../components/okr-summary-bar";
import { PageHeader } from "../components/page-header";
import { PeriodFormModal } from "../components/period-form-modal";
import { StatusMessage } from "../components/status-message";
import { alignmentTree } from "../lib/alignment-tree";
import { countOf } from "../lib/format-progress";
import { notifyError, notifySuccess } from "../lib/notify";
import type { OkrFilters as Filters } from "../lib/okr-summary";
import { orgPath } from "../lib/org-paths";
import { pickCurrentPeriodId } from "../lib/quarters";
import { useOkrScope } from "../lib/use-okr-scope";
import { useOrg } from "../lib/use-org";
import { usePageTitle } from "../lib/use-page-title";

/** `/o/:orgId/goals`: a period's objectives and key results, with filters and the organisation's summary. */
export function GoalsPage() {
  const org = useOrg();
  usePageTitle("Goals", org.name);
  const periods = usePeriods(org.id);
  const [searchParams, setSearchParams] = useSearchParams();
  const [dialog, setDialog] = useState<"period" | "edit-period" | "delete-period" | "objective" | null>(null);
  const deletePeriod = useDeletePeriod(org.id);
  const [filters, setFilters] = useState<Filters>({ ownerId: null, status: null });

  const periodList = periods.data ?? [];
  const requested = searchParams.get("period");
  const periodId =
    requested && periodList.some((period) => period.id === requested)
      ? requested
      : pickCurrentPeriodId(periodList, new Date());
  const period = periodList.find((candidate) => candidate.id === periodId);
  const objectives = useObjectivePages(org.id, periodId, filters);

  const scope = useOkrScope();

  const selectPeriod = (id: string) => setSearchParams({ period: id }, { replace: true });
  // The server filters and pages (20 objectives a page): what is shown is exactly what was asked for.
  const loaded = objectives.data?.pages.flatMap((page) => page.items) ?? [];
  const shown = alignmentTree(loaded);
  const summary = objectives.data?.pages[0]?.summary;
  const total = summary?.total ?? 0;
  const matching = summary ? (filters.status ? summary[filters.status] : summary.total) : 0;
  const filtering = filters.ownerId !== null || filters.status !== null;

  const actions = periodList.length > 0 && (
    <Group gap="sm" align="flex-end">
      <NativeSelect
        label="Period"
        data={periodList.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
        value={periodId ?? ""}
        onChange={(event) => selectPeriod(event.currentTarget.value)}
        w={160}
      />
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconCalendarEvent size={16} />}
            rightSection={<IconChevronDown size={14} />}
          >
            Periods
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconCalendarPlus size={16} />} onClick={() => setDialog("period")}>
            New period
          </Menu.Item>
          {scope.isAdmin && period && (
            <>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog("edit-period")}>
                Edit {period.name}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDialog("delete-period")}
              >
                Delete {period.name}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {periodId && (
        <Button
          component="a"
          variant="default"
          leftSection={<IconDownload size={16} />}
          href={`/api/v1/orgs/${encodeURIComponent(org.id)}/periods/${encodeURIComponent(periodId)}/export.csv`}
          download
        >
          Export CSV
        </Button>
      )}
      {periodId && (
        <Button
          component={Link}
          variant="default"
          leftSection={<IconHierarchy size={16} />}
          to={`${orgPath(org.id, "goals")}/alignment?period=${encodeURIComponent(periodId)}`}
        >
          Alignment
        </Button>
      )}
      <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog("objective")}>
        New objective
      </Button>
    </Group>
  );

  return (
    <Container size="lg" p={0}>
      <PageHeader
        title="Goals"
        description={`Objectives and key results for ${org.name}.`}
        actions={actions}
      />
      {periods.isError && <ErrorAlert error={periods.error} onRetry={() => void periods.refetch()} />}
      {periods.isPending && <Skeleton h={160} radius="lg" />}
      {periods.isSuccess && periodList.length === 0 && (
        <Paper withBorder radius="lg" p="xl">
          <StatusMessage
            icon={<IconTarget size={30} />}
            title="No goals yet"
            description={
              "Goals are your organisation's objectives, each measured by key results. Their progress comes straight from Jira: link a key result to a Jira issue or JQL query and Goalpost keeps it up to date as work gets done."
            }
            details={
              <List size="sm" mt="md" ta="left" spacing={4} c="dimmed">
                <List.Item>See every objective with its owner and status at a glance</List.Item>
                <List.Item>Track key results with progress computed from Jira</List.Item>
                <List.Item>Spot goals that are at risk before the quarter ends</List.Item>
              </List>
            }
            action={
              <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setDialog("period")}>
                Create a period to start
              </Button>
            }
          />
        </Paper>
      )}
      {period && (
        <Stack gap="lg">
          {objectives.isError && (
            <ErrorAlert error={objectives.error} onRetry={() => void objectives.refetch()} />
          )}
          {objectives.isPending && <Skeleton h={200} radius="lg" />}
          {objectives.isSuccess && !filtering && total === 0 && (
            <Paper withBorder radius="lg" p="xl">
              <StatusMessage
                icon={<IconTarget size={30} />}
                title={`No objectives in ${period.name}`}
                description="Add an objective, then measure it with key results linked to Jira or checked in by hand."
                action={
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog("objective")}>
                    Create an objective
                  </Button>
                }
              />
            </Paper>
          )}
          {objectives.isSuccess && (filtering || total > 0) && (
            <>
              <OkrSummaryBar
                summary={summary}
                selected={filters.status}
                onSelect={(status) => setFilters({ ...filters, status })}
              />
              <Group justify="space-between" align="flex-end">
                <OkrFilters orgId={org.id} value={filters} onChange={setFilters} />
                <Text size="sm" c="dimmed">
                  {filters.status !== null
                    ? `${matching} of ${countOf(total, "objective")}`
                    : countOf(total, "objective")}
                </Text>
              </Group>
              {shown.length === 0 && (
                <Text c="dimmed" ta="center" py="lg">
                  No objective matches these filters.
                </Text>
              )}
              <Stack gap="md" component="section" aria-label="Objectives">
                {shown.map(({ item, depth }) => (
                  <Box key={item.id} ml={{ base: Math.min(depth, 4) * 12, sm: Math.min(depth, 4) * 32 }}>
                    <ObjectiveCard scope={scope} objective={item} periods={periodList} />
                  </Box>
                ))}
              </Stack>
              {objectives.hasNextPage && (
                <Group justify="center">
                  <Button
                    variant="default"
                    loading={objectives.isFetchingNextPage}
                    onClick={() => void objectives.fetchNextPage()}
                  >
                    Show more objectives ({Math.max(matching - loaded.length, 0)} more)
                  </Button>
                </Group>
              )}
            </>
          )}
        </Stack>
      )}
      {(dialog === "period" || (dialog === "edit-period" && period)) && (
        <PeriodFormModal
          orgId={org.id}
          existing={periodList}
          period={dialog === "edit-period" ? period : undefined}
          onSaved={(saved) => {
            setDialog(null);
            selectPeriod(saved.id);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      <ConfirmModal
        opened={dialog === "delete-period" && period !== undefined}
        title={`Delete ${period?.name ?? "period"}?`}
        message={`Its ${countOf(total, "objective")}, their key results and all their history will be deleted. This cannot be undone.`}
        confirmLabel="Delete period"
        loading={deletePeriod.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() =>
          period &&
          deletePeriod.mutate(
            { id: period.id },
            {
              onSuccess: () => {
                notifySuccess(`${period.name} deleted.`);
                setDialog(null);
                setSearchParams({}, { replace: true });
              },
              onError: (error) => notifyError(error, "Couldn't delete the period"),
            },
          )
        }
      />
      {dialog === "objective" && periodId && (
        <MeasuredItemFormModal
          scope={scope}
          target={{ kind: "objectives", periods: periodList, periodId }}
          onClose={() => setDialog(null)}
        />
      )}
    </Container>
  );
}
