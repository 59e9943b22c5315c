import { Alert, Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { OrgMembership } from "../api/types";
import { useCreateOrg } from "../api/use-me";
import { splitFormError } from "../lib/form-errors";
import { notifySuccess } from "../lib/notify";

/** Props of {@link CreateOrgForm}. */
export interface CreateOrgFormProps {
  onCreated: (org: OrgMembership) => void;
  onCancel?: () => void;
}

/** Form with an organisation name; creates the org and reports it to the caller. */
export function CreateOrgForm({ onCreated, onCancel }: CreateOrgFormProps) {
  const createOrg = useCreateOrg();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: "" },
    validate: { name: (value) => (value.trim() ? null : "Give your organisation a name") },
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const org = await createOrg.mutateAsync({ name: values.name.trim() });
      notifySuccess(`${org.name} is ready.`, "Organisation created");
      form.reset();
      onCreated(org);
    } catch (error) {
      const split = splitFormError(error, ["name"]);
      form.setErrors(split.fields);
      setFormError(split.formMessage);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" variant="light">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Organisation name"
          placeholder="Acme Inc."
          data-autofocus
          {...form.getInputProps("name")}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={createOrg.isPending}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={createOrg.isPending}>
            Create organisation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
