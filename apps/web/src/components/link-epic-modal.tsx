import { Button, Group, Modal, Radio, ScrollArea, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useEpicChoices, useLinkEpic } from "../api/use-initiatives";
import { useTypingPause } from "../lib/typing-pause";
import { ErrorAlert } from "./error-alert";
import { JiraStatusBadge } from "./jira-status-badge";

/** Props of {@link LinkEpicModal}. */
export interface LinkEpicModalProps {
  portfolioId: string;
  initiativeId: string;
  linkedKeys: string[];
  opened: boolean;
  onClose: () => void;
}

/** Picker of the linked projects' epics, searched by key, project key or summary, paged; links the chosen one. */
export function LinkEpicModal({
  portfolioId,
  initiativeId,
  linkedKeys,
  opened,
  onClose,
}: LinkEpicModalProps) {
  const [query, setQuery] = useState("");
  const [debounced] = useDebouncedValue(query, useTypingPause(300));
  const [selected, setSelected] = useState<string | null>(null);
  const choices = useEpicChoices(portfolioId, debounced.trim(), opened);
  const link = useLinkEpic(initiativeId);
  const available = (choices.data?.pages ?? [])
    .flatMap((page) => page.items)
    .filter((epic) => !linkedKeys.includes(epic.key));

  const close = () => {
    setSelected(null);
    setQuery("");
    link.reset();
    onClose();
  };
  const submit = async () => {
    if (!selected) return;
    try {
      await link.mutateAsync({ key: selected });
      close();
    } catch {
      // shown below
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Link a Jira epic" centered size="lg">
      <Stack>
        <TextInput
          label="Search epics of the linked projects"
          placeholder="Key (AE-786), project key (AE) or words of the summary"
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          data-autofocus
        />
        {choices.isError && <ErrorAlert error={choices.error} />}
        {choices.isFetching && !choices.data && <Skeleton h={120} />}
        {choices.isSuccess && available.length === 0 && (
          <Text size="sm" c="dimmed">
            No epics match. Only epics of the portfolio's linked Jira projects can be linked.
          </Text>
        )}
        <ScrollArea.Autosize mah={320}>
          <Radio.Group value={selected} onChange={setSelected} aria-label="Epics">
            <Stack gap="xs">
              {available.map((epic) => (
                <Radio
                  key={epic.key}
                  value={epic.key}
                  label={
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" fw={600}>
                        {epic.key}
                      </Text>
                      <Text size="sm" lineClamp={1}>
                        {epic.summary}
                      </Text>
                      <JiraStatusBadge status={epic.status} />
                    </Group>
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
          {choices.hasNextPage && (
            <Button
              variant="subtle"
              mt="xs"
              onClick={() => void choices.fetchNextPage()}
              loading={choices.isFetchingNextPage}
            >
              Show more epics
            </Button>
          )}
        </ScrollArea.Autosize>
        {link.isError && <ErrorAlert title="Couldn't link the epic" error={link.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} disabled={!selected} loading={link.isPending}>
            Link epic
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
