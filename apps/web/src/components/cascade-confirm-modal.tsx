import { Button, Group, Modal, Skeleton, Stack, Text } from "@mantine/core";
import { useCascadePreview } from "../api/use-portfolio-jira";
import { CascadeList } from "./cascade-list";
import { ErrorAlert } from "./error-alert";

/** Props of {@link CascadeConfirmModal}. */
export interface CascadeConfirmModalProps {
  portfolioId: string;
  /** The project to unlink; null: the whole configuration is deleted. */
  projectKey: string | null;
  opened: boolean;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Confirms an unlink or a deletion, showing first which epics on which initiatives it detaches. */
export function CascadeConfirmModal({
  portfolioId,
  projectKey,
  opened,
  loading,
  onConfirm,
  onClose,
}: CascadeConfirmModalProps) {
  const preview = useCascadePreview(portfolioId, projectKey, opened);
  const deleting = projectKey === null;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={deleting ? "Delete the Jira configuration?" : `Unlink project ${projectKey}?`}
      centered
      size="lg"
    >
      <Stack>
        <Text size="sm">
          {deleting
            ? "All linked Jira projects will be unlinked from this portfolio, and so will their epics from your initiatives."
            : "If epics of this project are linked to initiatives, they will be unlinked from them automatically."}{" "}
          Nothing changes in Jira.
        </Text>
        {deleting && preview.data && (
          <Text size="sm">
            Projects to unlink: {preview.data.projects.map((p) => p.key).join(", ") || "none"}
          </Text>
        )}
        {preview.isPending && <Skeleton h={60} />}
        {preview.isError && <ErrorAlert error={preview.error} />}
        {preview.data && <CascadeList preview={preview.data} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button color="red" onClick={onConfirm} loading={loading} disabled={!preview.data}>
            {deleting ? "Delete" : "Unlink"}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
