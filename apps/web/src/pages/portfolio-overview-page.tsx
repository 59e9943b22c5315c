import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAlertTriangle, IconPlus, IconRefresh, IconTargetArrow } from "@tabler/icons-react";
import { Link } from "react-router";
import { useCreateInitiative, useInitiatives } from "../api/use-initiatives";
import { useJiraConfig, useRefreshJira } from "../api/use-portfolio-jira";
import { usePortfolioMembers } from "../api/use-portfolios";
import { ErrorAlert } from "../components/error-alert";
import { InitiativeFormModal } from "../components/initiative-form-modal";
import { PermissionGate } from "../components/permission-gate";
import { ProgressSummary } from "../components/progress-summary";
import { StatusMessage } from "../components/status-message";
import { formatDate, formatDateTime, formatRelative } from "../lib/format-date";
import { notifyError, notifySuccess } from "../lib/notify";
import { INITIATIVE_STATUS } from "../lib/portfolio-labels";
import { initiativePath } from "../lib/portfolio-paths";
import { usePortfolioContext } from "./portfolio-layout";

/** `/portfolios/:portfolioId`: the initiatives with progress rolled up from their Jira epics. */
export function PortfolioOverviewPage() {
  const portfolio = usePortfolioContext();
  const initiatives = useInitiatives(portfolio.id);
  const members = usePortfolioMembers(portfolio.id);
  const jira = useJiraConfig(portfolio.id);
  const refresh = useRefreshJira(portfolio.id);
  const createInitiative = useCreateInitiative(portfolio.id);
  const [createOpened, create] = useDisclosure(false);

  const handleRefresh = async () => {
    try {
      const card = await refresh.mutateAsync(undefined);
      if (card.error) notifyError(new Error(card.error.message), "Jira could not be read");
      else notifySuccess("Progress re-read from Jira.");
    } catch (error) {
      notifyError(error, "Couldn't refresh from Jira");
    }
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2} fz="lg">
          Initiatives
        </Title>
        <Group gap="xs">
          {jira.data && (
            <Tooltip label={`Last synced ${formatDateTime(jira.data.lastSyncAt, "never")}`}>
              <Text size="xs" c="dimmed">
                Last sync: {formatRelative(jira.data.lastSyncAt, new Date(), "not yet")}
              </Text>
            </Tooltip>
          )}
          {jira.data && (
            <PermissionGate permission={portfolio.permissions["jira.refresh"]}>
              {(disabled) => (
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconRefresh size={14} />}
                  onClick={() => void handleRefresh()}
                  loading={refresh.isPending}
                  disabled={disabled}
                >
                  Refresh from Jira
                </Button>
              )}
            </PermissionGate>
          )}
          <PermissionGate permission={portfolio.permissions["initiatives.edit"]}>
            {(disabled) => (
              <Button
                size="xs"
                leftSection={<IconPlus size={14} />}
                onClick={create.open}
                disabled={disabled}
              >
                New initiative
              </Button>
            )}
          </PermissionGate>
        </Group>
      </Group>
      {jira.data?.error && (
        <ErrorAlert
          title={
            jira.data.health === "unhealthy" ? "Jira integration unhealthy" : "Progress may be out of date"
          }
          error={new Error(`${jira.data.error.message} (since ${formatDateTime(jira.data.error.since)})`)}
        />
      )}
      {initiatives.isError && (
        <ErrorAlert error={initiatives.error} onRetry={() => void initiatives.refetch()} />
      )}
      {initiatives.isPending && <Skeleton h={120} radius="lg" />}
      {initiatives.isSuccess && initiatives.data.length === 0 && (
        <Paper withBorder radius="lg" p="xl">
          <StatusMessage
            icon={<IconTargetArrow size={28} />}
            title="No initiatives yet"
            description="Add an initiative, then link the Jira epics that deliver it: its progress rolls up from them."
          />
        </Paper>
      )}
      {initiatives.isSuccess && initiatives.data.length > 0 && (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="md" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Initiative</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th w={260}>Progress</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {initiatives.data.map((initiative) => (
                  <Table.Tr key={initiative.id}>
                    <Table.Td>
                      <Anchor component={Link} to={initiativePath(portfolio.id, initiative.id)} fw={600}>
                        {initiative.title}
                      </Anchor>
                      <Group gap={6} mt={2}>
                        <Text size="xs" c="dimmed">
                          {initiative.epicCount} {initiative.epicCount === 1 ? "epic" : "epics"}
                        </Text>
                        {initiative.hasStaleEpics && (
                          <Tooltip label="Some epics could not be refreshed: last good values shown">
                            <IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" />
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={INITIATIVE_STATUS[initiative.status].color}>
                        {INITIATIVE_STATUS[initiative.status].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{initiative.owner?.name ?? "—"}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(initiative.dueDate)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <ProgressSummary progress={initiative.progress} label={initiative.title} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <InitiativeFormModal
        title="New initiative"
        submitLabel="Add initiative"
        members={members.data ?? []}
        opened={createOpened}
        onClose={create.close}
        onSubmit={(values) => createInitiative.mutateAsync(values)}
      />
    </Stack>
  );
}
