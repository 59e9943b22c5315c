import { List, Text } from "@mantine/core";
import type { CascadePreview } from "../api/portfolio-types";

/** Which epics on which initiatives a change would detach. */
export function CascadeList({ preview }: { preview: CascadePreview }) {
  if (preview.epics.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No epics are linked from {preview.projects.length === 1 ? "this project" : "these projects"}: no
        initiative is affected.
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" mb={4}>
        These epics will be unlinked from their initiatives:
      </Text>
      <List size="sm" spacing={2} data-testid="cascade-epics">
        {preview.epics.map((epic) => (
          <List.Item key={`${epic.initiativeId}-${epic.key}`}>
            <Text span fw={600} size="sm">
              {epic.key}
            </Text>{" "}
            {epic.summary} — on <em>{epic.initiativeTitle}</em>
          </List.Item>
        ))}
      </List>
    </>
  );
}
