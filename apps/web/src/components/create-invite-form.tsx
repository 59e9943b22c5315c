import { Button, Group, NativeSelect, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconLink } from "@tabler/icons-react";
import type { CreatedInvite, Role } from "../api/types";
import { useCreateInvite } from "../api/use-invites";
import { splitFormError } from "../lib/form-errors";
import { notifyError } from "../lib/notify";
import { validateEmail } from "../lib/validation";

/** Props of {@link CreateInviteForm}. */
export interface CreateInviteFormProps {
  orgId: string;
  onCreated: (invite: CreatedInvite) => void;
}

/** Inline form: role and optional email → a new invite link. */
export function CreateInviteForm({ orgId, onCreated }: CreateInviteFormProps) {
  const createInvite = useCreateInvite(orgId);
  const form = useForm({
    initialValues: { role: "member" as Role, email: "" },
    validate: { email: (value) => (value.trim() ? validateEmail(value) : null) },
  });

  const submit = form.onSubmit(async (values) => {
    const email = values.email.trim();
    try {
      const invite = await createInvite.mutateAsync(
        email ? { role: values.role, email } : { role: values.role },
      );
      form.setFieldValue("email", "");
      onCreated(invite);
    } catch (error) {
      const split = splitFormError(error, ["role", "email"]);
      form.setErrors(split.fields);
      if (split.formMessage) notifyError(new Error(split.formMessage), "Couldn't create the invite");
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label="Role"
          data={[
            { value: "member", label: "Member" },
            { value: "admin", label: "Admin" },
          ]}
          w={140}
          {...form.getInputProps("role")}
        />
        <TextInput
          label="Email (optional)"
          placeholder="teammate@example.com"
          type="email"
          style={{ flex: 1, minWidth: 220 }}
          {...form.getInputProps("email")}
        />
        <Button type="submit" leftSection={<IconLink size={16} />} loading={createInvite.isPending}>
          Create invite link
        </Button>
      </Group>
    </form>
  );
}
