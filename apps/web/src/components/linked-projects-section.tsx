import { MAX_LINKED_PROJECTS } from "@goalpost/domain";
import {
  ActionIcon,
  Anchor,
  Avatar,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus, IconX } from "@tabler/icons-react";
import { useState } from "react";
import type { Portfolio } from "../api/portfolio-types";
import { useLinkedProjects, useUnlinkProject } from "../api/use-portfolio-jira";
import { formatDateTime } from "../lib/format-date";
import { notifyError, notifySuccess } from "../lib/notify";
import { CascadeConfirmModal } from "./cascade-confirm-modal";
import { ErrorAlert } from "./error-alert";
import { LinkProjectsModal } from "./link-projects-modal";
import { PermissionGate } from "./permission-gate";

/** The linked projects: icon, name, key (to Jira), unlink ⨉ with the cascade shown first; "+ Link Projects". */
export function LinkedProjectsSection({ portfolio }: { portfolio: Portfolio }) {
  const projects = useLinkedProjects(portfolio.id, true);
  const unlink = useUnlinkProject(portfolio.id);
  const [linkOpened, linkDialog] = useDisclosure(false);
  const [unlinking, setUnlinking] = useState<string | null>(null);
  const permission = portfolio.permissions["jira.projects.link"];
  const items = projects.data ?? [];
  const full = items.length >= MAX_LINKED_PROJECTS;

  const confirmUnlink = async () => {
    if (!unlinking) return;
    try {
      await unlink.mutateAsync({ key: unlinking });
      notifySuccess(`${unlinking} is no longer linked to this portfolio.`, "Project unlinked");
    } catch (error) {
      notifyError(error, "Couldn't unlink the project");
    }
    setUnlinking(null);
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} fz="md">
          Linked Projects ({items.length}/{MAX_LINKED_PROJECTS})
        </Title>
        <PermissionGate
          permission={
            permission.allowed && full
              ? { allowed: false, reason: `A portfolio links at most ${MAX_LINKED_PROJECTS} Jira projects.` }
              : permission
          }
        >
          {(disabled) => (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={linkDialog.open}
              disabled={disabled}
            >
              Link Projects
            </Button>
          )}
        </PermissionGate>
      </Group>
      {projects.isError && <ErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />}
      {projects.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No Jira projects linked yet.
        </Text>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="lg">
          <Table verticalSpacing="xs" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50} />
                <Table.Th>Name</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((project) => (
                <Table.Tr key={project.key} data-testid={`project-${project.key}`}>
                  <Table.Td>
                    <Avatar
                      src={project.avatarUrl}
                      size={24}
                      radius="sm"
                      name={project.name}
                      color="initials"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm">{project.name}</Text>
                      {!project.accessible && (
                        <Tooltip
                          label={`The API token cannot see this project since ${formatDateTime(project.inaccessibleSince)}: its epics are not refreshed.`}
                          multiline
                          w={280}
                        >
                          <Badge color="orange" variant="light" size="sm">
                            Not visible to the token
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={project.url} target="_blank" rel="noreferrer" size="sm">
                      {project.key}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <PermissionGate permission={permission}>
                      {(disabled) => (
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Unlink ${project.key}`}
                          onClick={() => setUnlinking(project.key)}
                          disabled={disabled}
                        >
                          <IconX size={16} />
                        </ActionIcon>
                      )}
                    </PermissionGate>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <LinkProjectsModal
        portfolioId={portfolio.id}
        linkedKeys={items.map((p) => p.key)}
        opened={linkOpened}
        onClose={linkDialog.close}
      />
      <CascadeConfirmModal
        portfolioId={portfolio.id}
        projectKey={unlinking}
        opened={unlinking !== null}
        loading={unlink.isPending}
        onConfirm={() => void confirmUnlink()}
        onClose={() => setUnlinking(null)}
      />
    </Stack>
  );
}
