import { Button, Group, Modal, Radio, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import type { JiraDeployment } from "../api/jira-types";
import type { JiraConfig } from "../api/portfolio-types";
import { useSaveJiraConfig } from "../api/use-portfolio-jira";
import { notifySuccess } from "../lib/notify";
import { requireText, validateEmail } from "../lib/validation";
import { credentialsOf, JiraCredentialFields } from "./jira-credential-fields";
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
  const initialDeployment: JiraDeployment = wasOwn ? (config.deployment ?? "cloud") : "cloud";
  const initial = {
    kind: initialKind,
    baseUrl: config.baseUrl,
    deployment: initialDeployment,
    email: config.email,
    apiToken: "",
    personalAccessToken: "",
    connectionId: initialConnectionId,
  };
  /** A token is needed unless the portfolio's own saved one, of the same kind of Jira, is kept. */
  const needsToken = (values: typeof initial) => !wasOwn || values.deployment !== initialDeployment;
  const form = useForm({
    initialValues: initial,
    validate: {
      baseUrl: (value, values) =>
        values.kind === "portfolio" ? requireText("Enter your Jira environment URL")(value) : null,
      email: (value, values) =>
        values.kind === "portfolio" && values.deployment === "cloud" ? validateEmail(value) : null,
      apiToken: (value, values) =>
        values.kind === "portfolio" &&
        values.deployment === "cloud" &&
        needsToken(values) &&
        value.trim() === ""
          ? "Enter the API token"
          : null,
      personalAccessToken: (value, values) =>
        values.kind === "portfolio" &&
        values.deployment === "dataCenter" &&
        needsToken(values) &&
        value.trim() === ""
          ? "Paste a personal access token"
          : null,
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
        deployment: initialDeployment,
        email: config.email,
        apiToken: "",
        personalAccessToken: "",
        connectionId: initialConnectionId,
      });
    }
  }, [opened, initialKind, config.baseUrl, initialDeployment, config.email, initialConnectionId, setValues]);

  const close = () => {
    save.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(
        values.kind === "organisation"
          ? { connectionId: values.connectionId }
          : { baseUrl: values.baseUrl.trim(), ...credentialsOf(values) },
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
              <JiraCredentialFields form={form} keepsToken={!needsToken(form.values)} />
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
