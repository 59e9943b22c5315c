import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { Portfolio } from "../api/portfolio-types";
import { useCreatePortfolio } from "../api/use-portfolios";
import { notifyError } from "../lib/notify";
import { requireText } from "../lib/validation";

/** Props of {@link CreatePortfolioModal}. */
export interface CreatePortfolioModalProps {
  orgId: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (portfolio: Portfolio) => void;
}

/** Asks for a new portfolio's name and description. */
export function CreatePortfolioModal({ orgId, opened, onClose, onCreated }: CreatePortfolioModalProps) {
  const create = useCreatePortfolio(orgId);
  const form = useForm({
    initialValues: { name: "", description: "" },
    validate: { name: requireText("Give the portfolio a name") },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      const portfolio = await create.mutateAsync({
        name: values.name.trim(),
        description: values.description,
      });
      form.reset();
      onCreated(portfolio);
    } catch (error) {
      notifyError(error, "Couldn't create the portfolio");
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title="New portfolio" centered>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Name" data-autofocus {...form.getInputProps("name")} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create portfolio
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
