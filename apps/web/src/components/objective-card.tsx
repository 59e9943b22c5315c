import { Anchor, Badge, Box, Button, Group, Menu, Paper, Stack, Text, Title } from "@mantine/core";
import { IconPlus, IconSitemap } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import type { ObjectiveListItem, Period } from "../api/okr-types";
import { describeValue } from "../lib/format-progress";
import { type OkrScope, ownerName } from "../lib/okr-scope";
import { objectivePath } from "../lib/org-paths";
import { ItemActions } from "./item-actions";
import { ItemSyncInfo } from "./item-sync-info";
import { KeyResultList } from "./key-result-list";
import { MeasuredItemFormModal } from "./measured-item-form-modal";
import { StatusProgress } from "./status-progress";

/** Props of {@link ObjectiveCard}. */
export interface ObjectiveCardProps {
  scope: OkrScope;
  /** An item of the goals list (its parent named by `parentTitle`). */
  objective: ObjectiveListItem;
  periods: Period[];
}

/** An objective with its progress, owner, alignment and key results, and its actions. */
export function ObjectiveCard({ scope, objective, periods }: ObjectiveCardProps) {
  const [addingKeyResult, setAddingKeyResult] = useState(false);
  const linked = objective.dataSource !== null;
  const canEdit = objective.canEdit;
  const parentTitle = objective.parentId ? objective.parentTitle : null;
  const headingId = `objective-${objective.id}`;
  const detail = linked ? describeValue(objective) : "";
  const entry = { kind: "objectives", item: objective } as const;

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
            <ItemActions scope={scope} entry={entry} periods={periods}>
              <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => setAddingKeyResult(true)}>
                Add key result
              </Menu.Item>
            </ItemActions>
          )}
        </Group>
        <StatusProgress label={objective.title} state={objective.state} isJiraLinked={linked} />
        {linked && (
          <Group justify="flex-end">
            <ItemSyncInfo entry={entry} />
          </Group>
        )}
      </Stack>
      {objective.keyResults.length > 0 && <KeyResultList scope={scope} objective={objective} />}
      {canEdit && (
        <Box px="md" py="xs" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAddingKeyResult(true)}
            aria-label={`Add key result to ${objective.title}`}
          >
            Add key result
          </Button>
        </Box>
      )}
      {addingKeyResult && (
        <MeasuredItemFormModal
          scope={scope}
          target={{ kind: "key-results", objectiveId: objective.id }}
          onClose={() => setAddingKeyResult(false)}
        />
      )}
    </Paper>
  );
}
