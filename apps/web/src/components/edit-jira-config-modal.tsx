import { Button, Group, Modal, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useEffect } from "react";
import type { JiraConfig } from "../api/portfolio-types";
import { useSaveJiraConfig } from "../api/use-portfolio-jira";
import { notifySuccess } from "../lib/notify";
import { requireText, validateEmail } from "../lib/validation";
import { JiraErrorAlert } from "./jira-error-alert";

/** Props of {@link EditJiraConfigModal}. */
export interface EditJiraConfigModalProps {
  portfolioId: string;
  config: JiraConfig;
  opened: boolean;
  onClose: () => void;
}

/** Edits the configuration (rotate the token, change URL or account); re-checked against Jira on save. */
export function EditJiraConfigModal({ portfolioId, config, opened, onClose }: EditJiraConfigModalProps) {
  const save = useSaveJiraConfig(portfolioId);
  const form = useForm({
    initialValues: { baseUrl: config.baseUrl, email: config.email, apiToken: "" },
    validate: { baseUrl: requireText("Enter your Jira environment URL"), email: validateEmail },
  });
  const { setValues } = form;
  useEffect(() => {
    if (opened) setValues({ baseUrl: config.baseUrl, email: config.email, apiToken: "" });
  }, [opened, config.baseUrl, config.email, setValues]);

  const close = () => {
    save.reset();
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync({
        baseUrl: values.baseUrl.trim(),
        email: values.email.trim(),
        ...(values.apiToken ? { apiToken: values.apiToken } : {}),
      });
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
          <TextInput label="Jira Environment URL" {...form.getInputProps("baseUrl")} />
          <TextInput label="Account" {...form.getInputProps("email")} />
          <PasswordInput
            label="API Token"
            description="Leave empty to keep the current token; enter a new one to rotate it."
            {...form.getInputProps("apiToken")}
          />
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
