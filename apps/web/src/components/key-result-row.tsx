import { ActionIcon, Anchor, Box, Flex, Group, Menu, Modal, Stack, Text } from "@mantine/core";
import { IconDots, IconPencil, IconTrash, IconWriting } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { KeyResultListItem } from "../api/okr-types";
import { useDeleteKeyResult, useRefreshKeyResult } from "../api/use-key-results";
import { describeValue } from "../lib/format-progress";
import { notifyError, notifySuccess } from "../lib/notify";
import { type OkrScope, ownerName } from "../lib/okr-scope";
import { keyResultPath } from "../lib/org-paths";
import { CheckInForm } from "./check-in-form";
import { ConfirmModal } from "./confirm-modal";
import { KeyResultFormModal } from "./key-result-form-modal";
import { StatusProgress } from "./status-progress";
import { SyncInfo } from "./sync-info";

/** Props of {@link KeyResultRow}. */
export interface KeyResultRowProps {
  scope: OkrScope;
  keyResult: KeyResultListItem;
}

/** A key result inside its objective: title, owner, value, coloured bar, sync state and actions. */
export function KeyResultRow({ scope, keyResult }: KeyResultRowProps) {
  const [dialog, setDialog] = useState<"edit" | "delete" | "check-in" | null>(null);
  const refresh = useRefreshKeyResult();
  const remove = useDeleteKeyResult();
  const linked = keyResult.dataSource !== null;
  const canEdit = keyResult.canEdit !== false;
  const close = () => setDialog(null);

  const doRefresh = () =>
    refresh.mutate(
      { id: keyResult.id },
      { onError: (error) => notifyError(error, "Couldn't refresh from Jira") },
    );

  return (
    <Box py="sm" px="md" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        {/* Title beside the bar on wide screens, above it on narrow ones. */}
        <Flex direction={{ base: "column", sm: "row" }} gap="sm" style={{ flex: 1, minWidth: 0 }}>
          <Stack gap={2} style={{ minWidth: 0, flex: "1 1 40%" }}>
            <Anchor
              component={Link}
              to={keyResultPath(scope.orgId, keyResult.id)}
              fw={500}
              size="sm"
              c="var(--mantine-color-text)"
            >
              {keyResult.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {ownerName(scope, keyResult.ownerId)}
              {describeValue(keyResult) && ` · ${describeValue(keyResult)}`}
            </Text>
          </Stack>
          <Stack gap={4} style={{ flex: "1 1 55%", minWidth: 0 }}>
            <StatusProgress label={keyResult.title} state={keyResult.state} isJiraLinked={linked} size="sm" />
            {linked && (
              <Group justify="flex-end">
                <SyncInfo
                  label={keyResult.title}
                  state={keyResult.state}
                  refreshing={refresh.isPending}
                  onRefresh={doRefresh}
                />
              </Group>
            )}
          </Stack>
        </Flex>
        {canEdit ? (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${keyResult.title}`}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog("edit")}>
                Edit key result
              </Menu.Item>
              {!linked && (
                <Menu.Item leftSection={<IconWriting size={16} />} onClick={() => setDialog("check-in")}>
                  Check in
                </Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDialog("delete")}
              >
                Delete key result
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ) : (
          <span style={{ width: 28 }} />
        )}
      </Group>
      {dialog === "edit" && (
        <KeyResultFormModal
          orgId={scope.orgId}
          orgName={scope.orgName}
          isAdmin={scope.isAdmin}
          currentUserId={scope.currentUserId}
          objectiveId={keyResult.objectiveId}
          keyResult={keyResult}
          onClose={close}
        />
      )}
      {dialog === "check-in" && (
        <Modal opened onClose={close} title={`Check in: ${keyResult.title}`}>
          <CheckInForm keyResult={keyResult} onDone={close} />
        </Modal>
      )}
      <ConfirmModal
        opened={dialog === "delete"}
        title="Delete key result?"
        message={`"${keyResult.title}" and its history will be deleted. This cannot be undone.`}
        confirmLabel="Delete key result"
        loading={remove.isPending}
        onClose={close}
        onConfirm={() =>
          remove.mutate(
            { id: keyResult.id },
            {
              onSuccess: () => {
                notifySuccess("Key result deleted.");
                close();
              },
              onError: (error) => notifyError(error, "Couldn't delete the key result"),
            },
          )
        }
      />
    </Box>
  );
}
