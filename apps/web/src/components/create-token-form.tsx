import { Button, Group, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import type { CreatedApiToken } from "../api/types";
import { useCreateToken } from "../api/use-tokens";
import { splitFormError } from "../lib/form-errors";
import { notifyError } from "../lib/notify";
import { requireText } from "../lib/validation";

/** Inline form creating a personal API token from a name. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const createToken = useCreateToken();
  const form = useForm({
    initialValues: { name: "" },
    validate: { name: requireText("Give the token a name") },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      const token = await createToken.mutateAsync({ name: values.name.trim() });
      form.reset();
      onCreated(token);
    } catch (error) {
      const split = splitFormError(error, ["name"]);
      form.setErrors(split.fields);
      if (split.formMessage) notifyError(new Error(split.formMessage), "Couldn't create the token");
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput
          label="Token name"
          placeholder="CI pipeline"
          style={{ flex: 1, minWidth: 220 }}
          maxLength={100}
          {...form.getInputProps("name")}
        />
        <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={createToken.isPending}>
          Create token
        </Button>
      </Group>
    </form>
  );
}
