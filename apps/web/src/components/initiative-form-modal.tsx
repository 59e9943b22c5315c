import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import type { Initiative, InitiativeStatus, PortfolioMember } from "../api/portfolio-types";
import type { NewInitiative } from "../api/use-initiatives";
import { splitFormError } from "../lib/form-errors";
import { notifyError } from "../lib/notify";
import { INITIATIVE_STATUS } from "../lib/portfolio-labels";
import { requireText } from "../lib/validation";

/** Props of {@link InitiativeFormModal}. */
export interface InitiativeFormModalProps {
  title: string;
  submitLabel: string;
  members: PortfolioMember[];
  /** The initiative being edited; absent for a new one. */
  initiative?: Initiative;
  opened: boolean;
  onClose: () => void;
  onSubmit: (values: NewInitiative) => Promise<unknown>;
}

function initialValues(initiative?: Initiative) {
  return {
    title: initiative?.title ?? "",
    description: initiative?.description ?? "",
    ownerId: initiative?.owner?.id ?? "",
    status: initiative?.status ?? ("proposed" as InitiativeStatus),
    startDate: initiative?.startDate ?? "",
    dueDate: initiative?.dueDate ?? "",
  };
}

/** Title, description, owner, status and dates of an initiative, new or edited; server errors by field. */
export function InitiativeFormModal({
  title,
  submitLabel,
  members,
  initiative,
  opened,
  onClose,
  onSubmit,
}: InitiativeFormModalProps) {
  const form = useForm({
    initialValues: initialValues(initiative),
    validate: { title: requireText("Give the initiative a title") },
  });
  const { setValues } = form;
  useEffect(() => {
    if (opened) setValues(initialValues(initiative));
  }, [opened, initiative, setValues]);

  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit({
        title: values.title.trim(),
        description: values.description,
        ownerId: values.ownerId || null,
        status: values.status,
        startDate: values.startDate || null,
        dueDate: values.dueDate || null,
      });
      onClose();
    } catch (error) {
      const { fields, formMessage } = splitFormError(error, Object.keys(form.values));
      form.setErrors(fields);
      if (formMessage) notifyError(new Error(formMessage), "Couldn't save the initiative");
    }
  });
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="lg">
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
            <Button type="submit" loading={form.submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
