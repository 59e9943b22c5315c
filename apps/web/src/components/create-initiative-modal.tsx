import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { InitiativeStatus, PortfolioMember } from "../api/portfolio-types";
import { useCreateInitiative } from "../api/use-initiatives";
import { splitFormError } from "../lib/form-errors";
import { notifyError } from "../lib/notify";
import { INITIATIVE_STATUS } from "../lib/portfolio-labels";
import { requireText } from "../lib/validation";

/** Props of {@link CreateInitiativeModal}. */
export interface CreateInitiativeModalProps {
  portfolioId: string;
  members: PortfolioMember[];
  opened: boolean;
  onClose: () => void;
}

/** Title, description, owner, status and dates of a new initiative. */
export function CreateInitiativeModal({ portfolioId, members, opened, onClose }: CreateInitiativeModalProps) {
  const create = useCreateInitiative(portfolioId);
  const form = useForm({
    initialValues: {
      title: "",
      description: "",
      ownerId: "",
      status: "proposed" as InitiativeStatus,
      startDate: "",
      dueDate: "",
    },
    validate: { title: requireText("Give the initiative a title") },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await create.mutateAsync({
        title: values.title.trim(),
        description: values.description,
        ownerId: values.ownerId || null,
        status: values.status,
        startDate: values.startDate || null,
        dueDate: values.dueDate || null,
      });
      form.reset();
      onClose();
    } catch (error) {
      const { fields, formMessage } = splitFormError(error, Object.keys(form.values));
      form.setErrors(fields);
      if (formMessage) notifyError(new Error(formMessage), "Couldn't add the initiative");
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title="New initiative" centered size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label="Title" data-autofocus {...form.getInputProps("title")} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps("description")} />
          <SimpleGrid cols={2}>
            <NativeSelect
              label="Owner"
              data={[
                { value: "", label: "No owner" },
                ...members.map((m) => ({ value: m.userId, label: m.name })),
              ]}
              {...form.getInputProps("ownerId")}
            />
            <NativeSelect
              label="Status"
              data={Object.entries(INITIATIVE_STATUS).map(([value, { label }]) => ({ value, label }))}
              {...form.getInputProps("status")}
            />
            <TextInput label="Start date" type="date" {...form.getInputProps("startDate")} />
            <TextInput label="Due date" type="date" {...form.getInputProps("dueDate")} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add initiative
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
