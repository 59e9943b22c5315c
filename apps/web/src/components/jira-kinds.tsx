import { List, Paper, Text, Title } from "@mantine/core";

/** Jira Cloud and Jira Data Center / Server side by side, on the Jira page: what each connection needs. */
export function JiraKindsExplainer() {
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="jira-kinds-heading">
      <Title order={2} fz="lg" id="jira-kinds-heading">
        Jira Cloud and Jira Data Center
      </Title>
      <List size="sm" mt="xs" spacing={4}>
        <List.Item>
          <Text size="sm">
            Jira Cloud (sites at *.atlassian.net): an account's email and an API token, created at
            id.atlassian.com → Security → API tokens.
          </Text>
        </List.Item>
        <List.Item>
          <Text size="sm">
            Jira Data Center or Server (your company's own Jira): a personal access token, created in Jira
            under your profile → Personal Access Tokens. Its address must be allowed by whoever runs Goalpost.
          </Text>
        </List.Item>
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        Testing a connection asks the site which kind it is and says so; a token of the other kind is refused
        with a clear message. Both kinds give the same numbers, syncs and live updates.
      </Text>
    </Paper>
  );
}
