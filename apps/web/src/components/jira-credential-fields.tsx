import { Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { JiraDeployment } from "../api/jira-types";

/** The form values {@link JiraCredentialFields} edits. */
export interface JiraCredentialValues {
  deployment: JiraDeployment;
  email: string;
  apiToken: string;
  personalAccessToken: string;
}

/** Props of {@link JiraCredentialFields}. */
export interface JiraCredentialFieldsProps<Values extends JiraCredentialValues> {
  form: UseFormReturnType<Values>;
  /** The kind is fixed (an existing connection keeps its kind). */
  lockDeployment?: boolean;
  /** Editing saved credentials: an empty token keeps the saved one. */
  keepsToken?: boolean;
}

/**
 * The kind of Jira and its credentials, the same in every form that connects to Jira: Cloud takes an account
 * e-mail and an API token, Data Center / Server a personal access token (it names its user).
 */
export function JiraCredentialFields<Values extends JiraCredentialValues>({
  form,
  lockDeployment = false,
  keepsToken = false,
}: JiraCredentialFieldsProps<Values>) {
  const cloud = form.getValues().deployment === "cloud";
  const keep = "Leave empty to keep the current token";
  return (
    <>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="jira-deployment-label">
          Kind of Jira
        </Text>
        <SegmentedControl
          aria-labelledby="jira-deployment-label"
          disabled={lockDeployment}
          data={[
            { value: "cloud", label: "Jira Cloud" },
            { value: "dataCenter", label: "Jira Data Center / Server" },
          ]}
          {...form.getInputProps("deployment")}
        />
        <Text size="xs" c="dimmed">
          {cloud
            ? "Sites at *.atlassian.net: an account email and an API token."
            : "Your company's own Jira: a personal access token (Jira profile → Personal Access Tokens)."}
        </Text>
        {form.errors.deployment && (
          <Text size="sm" c="red" role="alert">
            {form.errors.deployment}
          </Text>
        )}
      </Stack>
      {cloud ? (
        <Group grow align="flex-start">
          <TextInput label="Jira account email" type="email" {...form.getInputProps("email")} />
          <PasswordInput
            label="Jira API token"
            description={keepsToken ? keep : "Create one at id.atlassian.com → Security → API tokens"}
            {...form.getInputProps("apiToken")}
          />
        </Group>
      ) : (
        <PasswordInput
          label="Personal access token"
          description={
            keepsToken ? keep : "Create one in Jira: your profile → Personal Access Tokens → Create token"
          }
          {...form.getInputProps("personalAccessToken")}
        />
      )}
    </>
  );
}

/**
 * The credentials of `values` as the API takes them: Cloud's e-mail and API token, or Data Center's personal
 * access token; an empty token is left out (keep the saved one).
 * @example credentialsOf({ deployment: "dataCenter", email: "x", apiToken: "", personalAccessToken: "pat" })
 * // { deployment: "dataCenter", personalAccessToken: "pat" }
 */
export function credentialsOf(
  values: JiraCredentialValues,
):
  | { deployment: "cloud"; email: string; apiToken?: string }
  | { deployment: "dataCenter"; personalAccessToken?: string } {
  return values.deployment === "cloud"
    ? {
        deployment: "cloud",
        email: values.email.trim(),
        ...(values.apiToken ? { apiToken: values.apiToken } : {}),
      }
    : {
        deployment: "dataCenter",
        ...(values.personalAccessToken ? { personalAccessToken: values.personalAccessToken } : {}),
      };
}
