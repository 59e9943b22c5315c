import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconLink, IconPencil, IconTrash } from "@tabler/icons-react";
import { Link, useNavigate, useParams } from "react-router";
import {
  useDeleteInitiative,
  useInitiative,
  useInitiativeEpics,
  useUpdateInitiative,
} from "../api/use-initiatives";
import { useJiraConfig } from "../api/use-portfolio-jira";
import { usePortfolioMembers } from "../api/use-portfolios";
import { ConfirmModal } from "../components/confirm-modal";
import { ErrorAlert } from "../components/error-alert";
import { InitiativeFormModal } from "../components/initiative-form-modal";
import { LinkEpicModal } from "../components/link-epic-modal";
import { LinkedEpicRow } from "../components/linked-epic-row";
import { PermissionGate } from "../components/permission-gate";
import { ProgressSummary } from "../components/progress-summary";
import { formatDate } from "../lib/format-date";
import { notifyError } from "../lib/notify";
import { INITIATIVE_STATUS } from "../lib/portfolio-labels";
import { portfolioPath } from "../lib/portfolio-paths";
import { usePageTitle } from "../lib/use-page-title";
import { usePortfolioContext } from "./portfolio-layout";

/** `/portfolios/:portfolioId/initiatives/:initiativeId`: the initiative, its progress and its linked epics. */
export function InitiativePage() {
  const portfolio = usePortfolioContext();
  const { initiativeId = "" } = useParams();
  const initiative = useInitiative(initiativeId);
  const epics = useInitiativeEpics(initiativeId);
  const jira = useJiraConfig(portfolio.id);
  const [linkOpened, link] = useDisclosure(false);
  const [editOpened, edit] = useDisclosure(false);
  const [deleteOpened, del] = useDisclosure(false);
  const members = usePortfolioMembers(portfolio.id);
  const update = useUpdateInitiative(initiativeId);
  const remove = useDeleteInitiative(initiativeId, portfolio.id);
  const navigate = useNavigate();
  usePageTitle(initiative.data?.title ?? "Initiative", portfolio.name);

  if (initiative.isError)
    return <ErrorAlert error={initiative.error} onRetry={() => void initiative.refetch()} />;
  if (initiative.isPending) return <Skeleton h={160} radius="lg" />;
  const data = initiative.data;
  const canLink = portfolio.permissions["jira.epics.link"];
  const linkPermission =
    canLink.allowed && jira.data === null
      ? { allowed: false, reason: "Configure the Jira integration in Settings → Integrations first." }
      : canLink;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={portfolioPath(portfolio.id)} size="sm" w="fit-content">
        ← All initiatives
      </Anchor>
      <Paper withBorder radius="lg" p="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={6}>
            <Group gap="sm">
              <Title order={2} fz="xl">
                {data.title}
              </Title>
              <Badge variant="light" color={INITIATIVE_STATUS[data.status].color}>
                {INITIATIVE_STATUS[data.status].label}
              </Badge>
            </Group>
            {data.description && <Text c="dimmed">{data.description}</Text>}
            <SimpleGrid cols={3} spacing="xl" mt="xs">
              <Text size="sm">
                <Text span c="dimmed">
                  Owner{" "}
                </Text>
                {data.owner?.name ?? "—"}
              </Text>
              <Text size="sm">
                <Text span c="dimmed">
                  Start{" "}
                </Text>
                {formatDate(data.startDate)}
              </Text>
              <Text size="sm">
                <Text span c="dimmed">
                  Due{" "}
                </Text>
                {formatDate(data.dueDate)}
              </Text>
            </SimpleGrid>
          </Stack>
          <Stack gap="sm" align="flex-end">
            <ProgressSummary progress={data.progress} label={data.title} />
            <PermissionGate permission={portfolio.permissions["initiatives.edit"]}>
              {(disabled) => (
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPencil size={14} />}
                    onClick={edit.open}
                    disabled={disabled}
                  >
                    Edit
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconTrash size={14} />}
                    onClick={del.open}
                    disabled={disabled}
                  >
                    Delete
                  </Button>
                </Group>
              )}
            </PermissionGate>
          </Stack>
        </Group>
      </Paper>
      <InitiativeFormModal
        title="Edit initiative"
        submitLabel="Save"
        members={members.data ?? []}
        initiative={data}
        opened={editOpened}
        onClose={edit.close}
        onSubmit={(values) => update.mutateAsync(values)}
      />
      <ConfirmModal
        opened={deleteOpened}
        title={`Delete "${data.title}"?`}
        message="The initiative and its epic links are deleted. Nothing changes in Jira."
        confirmLabel="Delete"
        loading={remove.isPending}
        onConfirm={() =>
          void remove
            .mutateAsync(undefined)
            .then(() => navigate(portfolioPath(portfolio.id)))
            .catch((error: unknown) => notifyError(error, "Couldn't delete the initiative"))
        }
        onClose={del.close}
      />
      <Group justify="space-between">
        <Title order={3} fz="lg">
          Linked epics
        </Title>
        <PermissionGate permission={linkPermission}>
          {(disabled) => (
            <Button leftSection={<IconLink size={16} />} onClick={link.open} disabled={disabled}>
              Link epic
            </Button>
          )}
        </PermissionGate>
      </Group>
      {epics.isError && <ErrorAlert error={epics.error} onRetry={() => void epics.refetch()} />}
      {epics.isSuccess && epics.data.length === 0 && (
        <Text c="dimmed" size="sm">
          No epics linked yet. Link the Jira epics that deliver this initiative: their progress rolls up here.
        </Text>
      )}
      {epics.isSuccess && epics.data.length > 0 && (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Summary</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th w={240}>Progress</Table.Th>
                  <Table.Th>Last sync</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {epics.data.map((epic) => (
                  <LinkedEpicRow key={epic.key} epic={epic} permission={canLink} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <LinkEpicModal
        portfolioId={portfolio.id}
        initiativeId={initiativeId}
        linkedKeys={(epics.data ?? []).map((e) => e.key)}
        opened={linkOpened}
        onClose={link.close}
      />
    </Stack>
  );
}
