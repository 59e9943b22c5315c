import { MAX_LINKED_PROJECTS } from "@goalpost/domain";
import { Anchor, Button, Group, List, Modal, Radio, Stack, Stepper, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import type { JiraDeployment } from "../api/jira-types";
import type { CheckedCredentials, PortfolioJiraChoice } from "../api/portfolio-types";
import { useJiraConnections } from "../api/use-jira-connections";
import { useCheckJiraCredentials, useSaveJiraConfig } from "../api/use-portfolio-jira";
import { filterProjects } from "../lib/filter-projects";
import { notifySuccess } from "../lib/notify";
import { requireText, validateEmail } from "../lib/validation";
import { credentialsOf, JiraCredentialFields } from "./jira-credential-fields";
import { JiraErrorAlert } from "./jira-error-alert";
import { OrgConnectionSelect } from "./org-connection-select";
import { ProjectPicker } from "./project-picker";

/** Props of {@link JiraWizardModal}. */
export interface JiraWizardModalProps {
  portfolioId: string;
  /** The portfolio's organisation: its connections may be used instead of credentials of its own. */
  orgId: string;
  opened: boolean;
  onClose: () => void;
}

/**
 * The Jira integration wizard: (1) prerequisites, (2) this portfolio's own connection (URL, account and API
 * token) or an organisation connection the manager may use — checked against Jira before moving on, with
 * Jira's error shown, (3) projects the account can see (search, at most 20), (4) save.
 */
export function JiraWizardModal({ portfolioId, orgId, opened, onClose }: JiraWizardModalProps) {
  const [step, setStep] = useState(0);
  const [checked, setChecked] = useState<CheckedCredentials | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [query, setQuery] = useState("");
  const check = useCheckJiraCredentials(portfolioId);
  const save = useSaveJiraConfig(portfolioId);
  const form = useForm({
    initialValues: {
      kind: "portfolio",
      baseUrl: "",
      deployment: "cloud" as JiraDeployment,
      email: "",
      apiToken: "",
      personalAccessToken: "",
      connectionId: "",
    },
    validate: {
      baseUrl: (value, values) =>
        values.kind === "portfolio" ? requireText("Enter your Jira environment URL")(value) : null,
      email: (value, values) =>
        values.kind === "portfolio" && values.deployment === "cloud" ? validateEmail(value) : null,
      apiToken: (value, values) =>
        values.kind === "portfolio" && values.deployment === "cloud"
          ? requireText("Enter the API token")(value)
          : null,
      personalAccessToken: (value, values) =>
        values.kind === "portfolio" && values.deployment === "dataCenter"
          ? requireText("Paste a personal access token")(value)
          : null,
      connectionId: (value, values) =>
        values.kind === "organisation" && value === "" ? "Choose a connection" : null,
    },
  });
  const ownConnection = form.values.kind === "portfolio";
  const connections = useJiraConnections(orgId, !ownConnection);
  const chosen = connections.data?.find((connection) => connection.id === form.values.connectionId);

  const close = () => {
    setStep(0);
    setChecked(null);
    setSelected([]);
    setQuery("");
    check.reset();
    save.reset();
    form.reset();
    onClose();
  };
  const credentials = (): PortfolioJiraChoice =>
    ownConnection
      ? { baseUrl: form.values.baseUrl.trim(), ...credentialsOf(form.values) }
      : { connectionId: form.values.connectionId };
  const verify = form.onSubmit(async () => {
    try {
      setChecked(await check.mutateAsync(credentials()));
      setStep(2);
    } catch {
      // Jira's answer is shown in the form
    }
  });
  const finish = async () => {
    try {
      await save.mutateAsync({ ...credentials(), projectKeys: selected });
      notifySuccess("Jira is connected to this portfolio.", "Jira integration saved");
      close();
    } catch {
      // shown on the last step
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Configure Jira integration" size="xl" centered>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="Prerequisites">
          <Stack mt="md">
            <Text size="sm">Before you start, make sure that:</Text>
            <List size="sm" spacing={6}>
              <List.Item>
                You are a Portfolio Manager of this portfolio, in the portfolio's company.
              </List.Item>
              <List.Item>Your company has an active Jira Software Cloud subscription.</List.Item>
              <List.Item>
                You have a Jira account and an{" "}
                <Anchor href="https://id.atlassian.com/manage-profile/security/api-tokens" target="_blank">
                  API token
                </Anchor>{" "}
                with access to the projects you want to link — or your organisation shares a Jira connection
                with you.
              </List.Item>
            </List>
            <Text size="sm" c="dimmed">
              Goalpost only reads from Jira: nothing is ever written back.
            </Text>
            <Group justify="flex-end">
              <Button onClick={() => setStep(1)}>Next</Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Connect">
          <form onSubmit={verify}>
            <Stack mt="md">
              <Radio.Group
                label="Read Jira through"
                value={form.values.kind}
                onChange={(kind) => {
                  form.setFieldValue("kind", kind);
                  check.reset();
                }}
              >
                <Group mt={6} gap="lg">
                  <Radio value="portfolio" label="This portfolio's own connection" />
                  <Radio value="organisation" label="An organisation connection" />
                </Group>
              </Radio.Group>
              {ownConnection ? (
                <>
                  <TextInput
                    label="Jira Environment URL"
                    placeholder="https://mycompany.atlassian.net"
                    {...form.getInputProps("baseUrl")}
                  />
                  <JiraCredentialFields form={form} />
                </>
              ) : (
                <OrgConnectionSelect
                  orgId={orgId}
                  value={form.values.connectionId}
                  onChange={(id) => form.setFieldValue("connectionId", id)}
                  error={form.errors.connectionId as string | undefined}
                />
              )}
              {check.isError && (
                <JiraErrorAlert error={check.error} title="Jira did not accept these details" />
              )}
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)}>
                  Back
                </Button>
                <Button type="submit" loading={check.isPending}>
                  Next
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>
        <Stepper.Step label="Projects">
          <Stack mt="md">
            {checked && (
              <Text size="sm">
                Connected as <strong>{checked.account.displayName}</strong>
                {checked.serverTitle ? ` to ${checked.serverTitle}` : ""}. Select the projects to link.
              </Text>
            )}
            <ProjectPicker
              projects={filterProjects(checked?.projects ?? [], query)}
              selected={selected}
              onChange={setSelected}
              maxSelectable={MAX_LINKED_PROJECTS}
              query={query}
              onQueryChange={setQuery}
            />
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(1)}>
                Back
              </Button>
              <Button onClick={() => setStep(3)}>Next</Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label="Save">
          <Stack mt="md">
            {ownConnection ? (
              <>
                <Text size="sm">
                  <strong>Jira:</strong> {form.values.baseUrl}
                </Text>
                <Text size="sm">
                  <strong>Account:</strong>{" "}
                  {form.values.deployment === "cloud"
                    ? form.values.email
                    : `${checked?.account.displayName ?? ""} (personal access token)`}
                </Text>
              </>
            ) : (
              <Text size="sm">
                <strong>Organisation connection:</strong> {chosen ? `${chosen.name} — ${chosen.baseUrl}` : ""}
                {checked ? ` (as ${checked.account.displayName})` : ""}
              </Text>
            )}
            <Text size="sm">
              <strong>Projects:</strong>{" "}
              {selected.length === 0 ? "none yet (you can link them later)" : selected.join(", ")}
            </Text>
            {save.isError && <JiraErrorAlert error={save.error} title="Couldn't save the configuration" />}
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(2)}>
                Back
              </Button>
              <Button onClick={() => void finish()} loading={save.isPending}>
                Save
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}
