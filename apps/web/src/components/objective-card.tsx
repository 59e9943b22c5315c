import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconDots, IconPencil, IconPlus, IconSitemap, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { ObjectiveListItem, Period } from "../api/okr-types";
import { useDeleteObjective, useRefreshObjective } from "../api/use-objectives";
import { describeValue } from "../lib/format-progress";
import { notifyError, notifySuccess } from "../lib/notify";
import { type OkrScope, ownerName } from "../lib/okr-scope";
import { objectivePath } from "../lib/org-paths";
import { ConfirmModal } from "./confirm-modal";
import { KeyResultFormModal } from "./key-result-form-modal";
import { KeyResultRow } from "./key-result-row";
import { ObjectiveFormModal } from "./objective-form-modal";
import { StatusProgress } from "./status-progress";
import { SyncInfo } from "./sync-info";

/** Props of {@link ObjectiveCard}. */
export interface ObjectiveCardProps {
  scope: OkrScope;
  /** An item of the goals list (its parent named by `parentTitle`). */
  objective: ObjectiveListItem;
  periods: Period[];
}

/** An objective with its progress, owner, alignment and key results, and its actions. */
export function ObjectiveCard({ scope, objective, periods }: ObjectiveCardProps) {
  const [dialog, setDialog] = useState<"edit" | "delete" | "add-kr" | null>(null);
  const refresh = useRefreshObjective();
  const remove = useDeleteObjective();
  const close = () => setDialog(null);
  const linked = objective.dataSource !== null;
  const canEdit = objective.canEdit !== false;
  const parentTitle = objective.parentId ? objective.parentTitle : null;
  const headingId = `objective-${objective.id}`;
  const detail = linked ? describeValue(objective) : "";

  return (
    <Paper withBorder radius="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="sm" p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} fz="lg" id={headingId}>
              <Anchor
                component={Link}
                to={objectivePath(scope.orgId, objective.id)}
                c="var(--mantine-color-text)"
                inherit
              >
                {objective.title}
              </Anchor>
            </Title>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {ownerName(scope, objective.ownerId)}
                {detail && ` · ${detail}`}
              </Text>
              {parentTitle && (
                <Badge variant="default" size="sm" leftSection={<IconSitemap size={12} />} tt="none">
                  Aligns to {parentTitle}
                </Badge>
              )}
            </Group>
            {objective.description && (
              <Text size="sm" mt={4} style={{ whiteSpace: "pre-wrap" }}>
                {objective.description}
              </Text>
            )}
          </Stack>
          {canEdit && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${objective.title}`}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog("edit")}>
                  Edit objective
                </Menu.Item>
                <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => setDialog("add-kr")}>
                  Add key result
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={16} />}
                  onClick={() => setDialog("delete")}
                >
                  Delete objective
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <StatusProgress label={objective.title} state={objective.state} isJiraLinked={linked} />
        {linked && (
          <Group justify="flex-end">
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
          </Group>
        )}
      </Stack>
      {objective.keyResults.length > 0 && (
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
      {canEdit && (
        <Box px="md" py="xs" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setDialog("add-kr")}
            aria-label={`Add key result to ${objective.title}`}
          >
            Add key result
          </Button>
        </Box>
      )}
      {dialog === "edit" && (
        <ObjectiveFormModal
          orgId={scope.orgId}
          orgName={scope.orgName}
          isAdmin={scope.isAdmin}
          currentUserId={scope.currentUserId}
          periods={periods}
          periodId={objective.periodId}
          objective={objective}
          onClose={close}
        />
      )}
      {dialog === "add-kr" && (
        <KeyResultFormModal
          orgId={scope.orgId}
          orgName={scope.orgName}
          isAdmin={scope.isAdmin}
          currentUserId={scope.currentUserId}
          objectiveId={objective.id}
          onClose={close}
        />
      )}
      <ConfirmModal
        opened={dialog === "delete"}
        title="Delete objective?"
        message={`"${objective.title}", its ${objective.keyResults.length} key result(s) and their history will be deleted. This cannot be undone.`}
        confirmLabel="Delete objective"
        loading={remove.isPending}
        onClose={close}
        onConfirm={() =>
          remove.mutate(
            { id: objective.id },
            {
              onSuccess: () => {
                notifySuccess("Objective deleted.");
                close();
              },
              onError: (error) => notifyError(error, "Couldn't delete the objective"),
            },
          )
        }
      />
    </Paper>
  );
}
