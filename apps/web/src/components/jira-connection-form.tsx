import { Alert, Button, Group, NativeSelect, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { ConnectionSharing, JiraConnection } from "../api/jira-types";
import { useCreateJiraConnection } from "../api/use-jira-connections";
import { splitFormError } from "../lib/form-errors";
import { requireText, validateEmail } from "../lib/validation";

/** Props of {@link JiraConnectionForm}. */
export interface JiraConnectionFormProps {
  orgId: string;
  orgName: string;
  onCreated: (connection: JiraConnection) => void;
  onCancel?: () => void;
}

const FIELDS = ["name", "baseUrl", "email", "apiToken"] as const;

/**
 * Creates a Jira connection (name, site address, email and API token; the server tests them against Jira
 * first). Not a `<form>`: it is shown inside the key result form, and forms cannot nest.
 */
export function JiraConnectionForm({ orgId, orgName, onCreated, onCancel }: JiraConnectionFormProps) {
  const create = useCreateJiraConnection(orgId);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: "", baseUrl: "", email: "", apiToken: "", sharing: "org" as "org" | "private" },
    validate: {
      name: requireText("Name the connection"),
      baseUrl: (value) =>
        /^https?:\/\/\S+$/.test(value.trim())
          ? null
          : "Enter the site's address, e.g. https://acme.atlassian.net",
      email: validateEmail,
      apiToken: requireText("Paste an API token"),
    },
  });

  const submit = async () => {
    if (form.validate().hasErrors) return;
    setFormMessage(null);
    const values = form.getValues();
    const sharing: ConnectionSharing = { kind: values.sharing };
    try {
      const connection = await create.mutateAsync({
        name: values.name.trim(),
        baseUrl: values.baseUrl.trim(),
        email: values.email.trim(),
        apiToken: values.apiToken,
        sharing,
      });
      onCreated(connection);
    } catch (error) {
      const split = splitFormError(error, FIELDS);
      form.setErrors(split.fields);
      setFormMessage(split.formMessage);
    }
  };

  return (
    <Stack gap="sm" role="group" aria-label="New Jira connection">
      {formMessage && (
        <Alert color="red" variant="light" role="alert">
          {formMessage}
        </Alert>
      )}
      <TextInput label="Connection name" placeholder="Acme Jira" {...form.getInputProps("name")} />
      <TextInput
        label="Jira site address"
        placeholder="https://acme.atlassian.net"
        {...form.getInputProps("baseUrl")}
      />
      <Group grow align="flex-start">
        <TextInput label="Jira account email" type="email" {...form.getInputProps("email")} />
        <PasswordInput
          label="Jira API token"
          description="Create one at id.atlassian.com → Security → API tokens"
          {...form.getInputProps("apiToken")}
        />
      </Group>
      <NativeSelect
        label="Who can use it"
        data={[
          { value: "org", label: `Everyone in ${orgName}` },
          { value: "private", label: "Only me (and admins)" },
        ]}
        {...form.getInputProps("sharing")}
      />
      <Group justify="flex-end" gap="sm">
        {onCancel && (
          <Button variant="default" onClick={onCancel} disabled={create.isPending}>
            Cancel
          </Button>
        )}
        <Button onClick={() => void submit()} loading={create.isPending}>
          Test and save connection
        </Button>
      </Group>
    </Stack>
  );
}
