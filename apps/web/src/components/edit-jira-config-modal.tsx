import { Button, Group, Modal, PasswordInput, Radio, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import type { JiraConfig } from "../api/portfolio-types";
import { useSaveJiraConfig } from "../api/use-portfolio-jira";
import { notifySuccess } from "../lib/notify";
import { requireText, validateEmail } from "../lib/validation";
import { JiraErrorAlert } from "./jira-error-alert";
import { OrgConnectionSelect } from "./org-connection-select";

/** Props of {@link EditJiraConfigModal}. */
export interface EditJiraConfigModalProps {
  portfolioId: string;
  /** The portfolio's organisation, whose connections may be picked instead. */
  orgId: string;
  config: JiraConfig;
  opened: boolean;
  onClose: () => void;
}

/**
 * Edits the configuration: the portfolio's own connection (rotate the token, change URL or account) or another
 * organisation connection; re-checked against Jira on save. Moving from an organisation connection to the
 * portfolio's own needs a token (an organisation connection's token is never reused).
 */
export function EditJiraConfigModal({
  portfolioId,
  orgId,
  config,
  opened,
  onClose,
}: EditJiraConfigModalProps) {
  const save = useSaveJiraConfig(portfolioId);
  const initialKind: string = config.connection?.kind ?? "portfolio";
  const wasOwn = initialKind === "portfolio";
  const initialConnectionId = wasOwn ? "" : (config.connection?.id ?? "");
  const initial = {
    kind: initialKind,
    baseUrl: config.baseUrl,
    email: config.email,
    apiToken: "",
    connectionId: initialConnectionId,
  };
  const form = useForm({
    initialValues: initial,
    validate: {
      baseUrl: (value, values) =>
        values.kind === "portfolio" ? requireText("Enter your Jira environment URL")(value) : null,
      email: (value, values) => (values.kind === "portfolio" ? validateEmail(value) : null),
      apiToken: (value, values) =>
        values.kind === "portfolio" && !wasOwn && value.trim() === "" ? "Enter the API token" : null,
      connectionId: (value, values) =>
        values.kind === "organisation" && value === "" ? "Choose a connection" : null,
    },
  });
  const own = form.values.kind === "portfolio";
  const { setValues } = form;
  useEffect(() => {
    if (opened) {
      setValues({
        kind: initialKind,
        baseUrl: config.baseUrl,
        email: config.email,
        apiToken: "",
        connectionId: initialConnectionId,
      });
    }
  }, [opened, initialKind, config.baseUrl, config.email, initialConnectionId, setValues]);

  const close = () => {
    save.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(
        values.kind === "organisation"
          ? { connectionId: values.connectionId }
          : {
              baseUrl: values.baseUrl.trim(),
              email: values.email.trim(),
              ...(values.apiToken ? { apiToken: values.apiToken } : {}),
            },
      );
      notifySuccess(
        saved.inaccessibleProjectKeys.length > 0
          ? `Saved. The token cannot see ${saved.inaccessibleProjectKeys.join(", ")}: those projects are flagged.`
          : "Saved and checked against Jira.",
        "Jira configuration updated",
      );
      close();
    } catch {
      // shown in the form
    }
  });
  return (
    <Modal opened={opened} onClose={close} title="Edit Jira configuration" centered size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Radio.Group
            label="Read Jira through"
            value={form.values.kind}
            onChange={(kind) => form.setFieldValue("kind", kind)}
          >
            <Group mt={6} gap="lg">
              <Radio value="portfolio" label="This portfolio's own connection" />
              <Radio value="organisation" label="An organisation connection" />
            </Group>
          </Radio.Group>
          {own ? (
            <>
              <TextInput label="Jira Environment URL" {...form.getInputProps("baseUrl")} />
              <TextInput label="Account" {...form.getInputProps("email")} />
              <PasswordInput
                label="API Token"
                description={
                  wasOwn
                    ? "Leave empty to keep the current token; enter a new one to rotate it."
                    : "This portfolio's own connection needs its own API token."
                }
                {...form.getInputProps("apiToken")}
              />
            </>
          ) : (
            <OrgConnectionSelect
              orgId={orgId}
              value={form.values.connectionId}
              onChange={(id) => form.setFieldValue("connectionId", id)}
              error={form.errors.connectionId as string | undefined}
            />
          )}
          {save.isError && <JiraErrorAlert error={save.error} title="Jira did not accept these details" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
