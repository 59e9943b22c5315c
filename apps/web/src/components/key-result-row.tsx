import { Anchor, Box, Flex, Group, Menu, Modal, Stack, Text } from "@mantine/core";
import { IconWriting } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { KeyResultListItem } from "../api/okr-types";
import { describeValue } from "../lib/format-progress";
import { type OkrScope, ownerName } from "../lib/okr-scope";
import { keyResultPath } from "../lib/org-paths";
import { CheckInForm } from "./check-in-form";
import { ItemActions } from "./item-actions";
import { ItemSyncInfo } from "./item-sync-info";
import { StatusProgress } from "./status-progress";

/** Props of {@link KeyResultRow}. */
export interface KeyResultRowProps {
  scope: OkrScope;
  keyResult: KeyResultListItem;
}

/** A key result inside its objective: title, owner, value, coloured bar, sync state and actions. */
export function KeyResultRow({ scope, keyResult }: KeyResultRowProps) {
  const [checkingIn, setCheckingIn] = useState(false);
  const linked = keyResult.dataSource !== null;
  const detail = describeValue(keyResult);
  const entry = { kind: "key-results", item: keyResult } as const;

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
              {detail && ` · ${detail}`}
            </Text>
          </Stack>
          <Stack gap={4} style={{ flex: "1 1 55%", minWidth: 0 }}>
            <StatusProgress label={keyResult.title} state={keyResult.state} isJiraLinked={linked} size="sm" />
            {linked && (
              <Group justify="flex-end">
                <ItemSyncInfo entry={entry} />
              </Group>
            )}
          </Stack>
        </Flex>
        {keyResult.canEdit ? (
          <ItemActions scope={scope} entry={entry}>
            {!linked && (
              <Menu.Item leftSection={<IconWriting size={16} />} onClick={() => setCheckingIn(true)}>
                Check in
              </Menu.Item>
            )}
          </ItemActions>
        ) : (
          <span style={{ width: 28 }} />
        )}
      </Group>
      {checkingIn && (
        <Modal opened onClose={() => setCheckingIn(false)} title={`Check in: ${keyResult.title}`}>
          <CheckInForm keyResult={keyResult} onDone={() => setCheckingIn(false)} />
        </Modal>
      )}
    </Box>
  );
}
