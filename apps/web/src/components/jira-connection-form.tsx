import { Alert, Button, Group, MultiSelect, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { ConnectionSharing, JiraConnection, JiraDeployment } from "../api/jira-types";
import { useCreateJiraConnection, useUpdateJiraConnection } from "../api/use-jira-connections";
import { useMemberDirectory } from "../api/use-member-directory";
import { splitFormError } from "../lib/form-errors";
import { requireText, validateEmail } from "../lib/validation";
import { JiraCredentialFields } from "./jira-credential-fields";

/** Props of {@link JiraConnectionForm}. */
export interface JiraConnectionFormProps {
  orgId: string;
  orgName: string;
  /** The connection to edit; absent to create one. */
  connection?: JiraConnection;
  onSaved: (connection: JiraConnection) => void;
  onCancel?: () => void;
}

const FIELDS = [
  "name",
  "baseUrl",
  "deployment",
  "email",
  "apiToken",
  "personalAccessToken",
  "sharing.userIds",
] as const;

/**
 * Creates or edits a Jira connection: name, site address, the kind of Jira (Cloud: account email and API token;
 * Data Center / Server: a personal access token — tokens are write-only: on edit, empty keeps the current one)
 * and who may use it. The server tests the credentials against Jira first (and says when the site is the
 * other kind of Jira). The kind is chosen when creating; an existing connection keeps its kind.
 * Not a `<form>`: it is also shown inside the key result form, and forms cannot nest.
 */
export function JiraConnectionForm({
  orgId,
  orgName,
  connection,
  onSaved,
  onCancel,
}: JiraConnectionFormProps) {
  const create = useCreateJiraConnection(orgId);
  const update = useUpdateJiraConnection(orgId);
  const members = useMemberDirectory(orgId);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: connection?.name ?? "",
      baseUrl: connection?.baseUrl ?? "",
      deployment: connection?.deployment ?? ("cloud" as JiraDeployment),
      email: connection?.email ?? "",
      apiToken: "",
      personalAccessToken: "",
      sharing: connection?.sharing.kind ?? ("org" as ConnectionSharing["kind"]),
      userIds: connection?.sharing.kind === "members" ? connection.sharing.userIds : ([] as string[]),
    },
    validate: {
      name: requireText("Name the connection"),
      baseUrl: (value) =>
        /^https?:\/\/\S+$/.test(value.trim())
          ? null
          : "Enter the site's address, e.g. https://acme.atlassian.net",
      email: (value, values) => (values.deployment === "cloud" ? validateEmail(value) : null),
      apiToken: (value, values) =>
        values.deployment !== "cloud" || connection || value ? null : "Paste an API token",
      personalAccessToken: (value, values) =>
        values.deployment !== "dataCenter" || connection || value ? null : "Paste a personal access token",
      userIds: (value, values) =>
        values.sharing === "members" && value.length === 0 ? "Choose at least one member" : null,
    },
  });
  const saving = create.isPending || update.isPending;

  const submit = async () => {
    if (form.validate().hasErrors) return;
    setFormMessage(null);
    const values = form.getValues();
    const sharing: ConnectionSharing =
      values.sharing === "members" ? { kind: "members", userIds: values.userIds } : { kind: values.sharing };
    const common = { name: values.name.trim(), baseUrl: values.baseUrl.trim(), sharing };
    const cloud = values.deployment === "cloud";
    try {
      const saved = connection
        ? await update.mutateAsync({
            id: connection.id,
            patch: {
              ...common,
              ...(cloud ? { email: values.email.trim() } : {}),
              ...(cloud && values.apiToken ? { apiToken: values.apiToken } : {}),
              ...(!cloud && values.personalAccessToken
                ? { personalAccessToken: values.personalAccessToken }
                : {}),
            },
          })
        : await create.mutateAsync(
            cloud
              ? { ...common, deployment: "cloud", email: values.email.trim(), apiToken: values.apiToken }
              : { ...common, deployment: "dataCenter", personalAccessToken: values.personalAccessToken },
          );
      onSaved(saved);
    } catch (error) {
      const split = splitFormError(error, FIELDS);
      const { "sharing.userIds": userIds, ...rest } = split.fields;
      form.setErrors(userIds ? { ...rest, userIds } : rest);
      setFormMessage(split.formMessage);
    }
  };

  return (
    <Stack gap="sm" role="group" aria-label={connection ? `Edit ${connection.name}` : "New Jira connection"}>
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
      <JiraCredentialFields
        form={form}
        lockDeployment={connection !== undefined}
        keepsToken={connection !== undefined}
      />
      <NativeSelect
        label="Who can use it"
        data={[
          { value: "org", label: `Everyone in ${orgName}` },
          { value: "members", label: "Chosen members" },
          { value: "private", label: "Only its creator (and admins)" },
        ]}
        {...form.getInputProps("sharing")}
      />
      {form.getValues().sharing === "members" && (
        <MultiSelect
          label="Members who can use it"
          data={(members.data ?? []).map((member) => ({ value: member.userId, label: member.name }))}
          searchable
          {...form.getInputProps("userIds")}
        />
      )}
      <Group justify="flex-end" gap="sm">
        {onCancel && (
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        )}
        <Button onClick={() => void submit()} loading={saving}>
          {connection ? "Test and save changes" : "Test and save connection"}
        </Button>
      </Group>
    </Stack>
  );
}
