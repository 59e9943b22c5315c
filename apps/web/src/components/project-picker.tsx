import { Avatar, Checkbox, Group, ScrollArea, Stack, Text, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import type { JiraProject } from "../api/portfolio-types";

/** Props of {@link ProjectPicker}. */
export interface ProjectPickerProps {
  projects: JiraProject[];
  selected: string[];
  onChange: (keys: string[]) => void;
  /** How many may be selected in all (the limit minus what is linked already). */
  maxSelectable: number;
  /** Keys shown as already linked (checked and fixed). */
  linkedKeys?: string[];
  query: string;
  onQueryChange: (query: string) => void;
}

/** Searchable multi-select of Jira projects that stops at the limit, saying so. */
export function ProjectPicker({
  projects,
  selected,
  onChange,
  maxSelectable,
  linkedKeys = [],
  query,
  onQueryChange,
}: ProjectPickerProps) {
  const full = selected.length >= maxSelectable;
  const toggle = (key: string, checked: boolean) =>
    onChange(checked ? [...selected, key] : selected.filter((k) => k !== key));
  return (
    <Stack gap="sm">
      <TextInput
        placeholder="Search projects by name or key"
        aria-label="Search projects"
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => onQueryChange(event.currentTarget.value)}
      />
      <Text size="sm" c={full ? "orange" : "dimmed"} data-testid="project-count">
        {selected.length} selected — you can link up to {maxSelectable + linkedKeys.length} projects per
        portfolio
        {full ? " (limit reached)" : ""}.
      </Text>
      <ScrollArea.Autosize mah={300}>
        <Stack gap={6}>
          {projects.length === 0 && (
            <Text size="sm" c="dimmed">
              No projects match. Only projects the API token can see are listed.
            </Text>
          )}
          {projects.map((project) => {
            const linked = linkedKeys.includes(project.key);
            const checked = linked || selected.includes(project.key);
            return (
              <Checkbox
                key={project.key}
                checked={checked}
                disabled={linked || (!checked && full)}
                onChange={(event) => toggle(project.key, event.currentTarget.checked)}
                aria-label={`${project.name} (${project.key})`}
                label={
                  <Group gap="xs" wrap="nowrap">
                    <Avatar
                      src={project.avatarUrl}
                      size={20}
                      radius="sm"
                      name={project.name}
                      color="initials"
                    />
                    <Text size="sm">{project.name}</Text>
                    <Text size="xs" c="dimmed">
                      {project.key}
                      {linked ? " · linked" : ""}
                    </Text>
                  </Group>
                }
              />
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}
