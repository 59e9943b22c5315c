import { MAX_LINKED_PROJECTS } from "@goalpost/domain";
import { Button, Group, Modal, Skeleton, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useAvailableProjects, useLinkProjects } from "../api/use-portfolio-jira";
import { useTypingPause } from "../lib/typing-pause";
import { ErrorAlert } from "./error-alert";
import { JiraErrorAlert } from "./jira-error-alert";
import { ProjectPicker } from "./project-picker";

/** Props of {@link LinkProjectsModal}. */
export interface LinkProjectsModalProps {
  portfolioId: string;
  linkedKeys: string[];
  opened: boolean;
  onClose: () => void;
}

/** "+ Link Projects": search the projects the token can see, select several (up to the limit), Done. */
export function LinkProjectsModal({ portfolioId, linkedKeys, opened, onClose }: LinkProjectsModalProps) {
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query, useTypingPause(300));
  const [selected, setSelected] = useState<string[]>([]);
  const available = useAvailableProjects(portfolioId, debounced.trim(), opened);
  const link = useLinkProjects(portfolioId);
  const close = () => {
    setSelected([]);
    setQuery("");
    link.reset();
    onClose();
  };
  const done = async () => {
    if (selected.length === 0) return close();
    try {
      await link.mutateAsync({ keys: selected });
      close();
    } catch {
      // shown below
    }
  };
  return (
    <Modal opened={opened} onClose={close} title="Link Jira projects" centered size="lg">
      <Stack>
        {available.isError && <ErrorAlert error={available.error} />}
        {available.isPending && <Skeleton h={160} />}
        {available.data && (
          <ProjectPicker
            projects={available.data}
            selected={selected}
            onChange={setSelected}
            maxSelectable={Math.max(0, MAX_LINKED_PROJECTS - linkedKeys.length)}
            linkedKeys={linkedKeys}
            query={query}
            onQueryChange={setQuery}
          />
        )}
        {link.isError && <JiraErrorAlert error={link.error} title="Couldn't link the projects" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => void done()} loading={link.isPending}>
            Done
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
