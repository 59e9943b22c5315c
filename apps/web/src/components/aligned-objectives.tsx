import { Anchor, Group, Stack } from "@mantine/core";
import { Link } from "react-router";
import type { ObjectiveListItem } from "../api/okr-types";
import { objectivePath } from "../lib/org-paths";
import { PageSection } from "./page-section";
import { StatusProgress } from "./status-progress";

/** The objectives aligned to an objective, each with its progress, on the objective's page. */
export function AlignedObjectives({
  orgId,
  objectives,
}: {
  orgId: string;
  objectives: readonly ObjectiveListItem[];
}) {
  return (
    <PageSection id="aligned-heading" title="Aligned objectives">
      <Stack gap="sm">
        {objectives.map((child) => (
          <Group key={child.id} justify="space-between" wrap="nowrap" gap="md">
            <Anchor
              component={Link}
              to={objectivePath(orgId, child.id)}
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
    </PageSection>
  );
}
