import {
  Alert,
  Button,
  Container,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Text,
  Title,
} from "@mantine/core";
import { IconBrandJira, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useJiraConnections, useJiraIntegration, useSetJiraIntegration } from "../api/use-jira-connections";
import { ConfirmModal } from "../components/confirm-modal";
import { ErrorAlert } from "../components/error-alert";
import { JiraConnectionCard } from "../components/jira-connection-card";
import { JiraConnectionForm } from "../components/jira-connection-form";
import { JiraKindsExplainer } from "../components/jira-kinds";
import { LiveSpeedsExplainer } from "../components/live-speeds";
import { PageHeader } from "../components/page-header";
import { StatusMessage } from "../components/status-message";
import { notifyError, notifySuccess } from "../lib/notify";
import { useOkrScope } from "../lib/use-okr-scope";
import { usePageTitle } from "../lib/use-page-title";

/**
 * `/o/:orgId/jira`: the organisation's Jira integration switch (admins) and the Jira connections the
 * user may use (admins: all), with creation, tests, edits and deletion for those they manage.
 */
export function JiraPage() {
  const scope = useOkrScope();
  usePageTitle("Jira", scope.orgName);
  const integration = useJiraIntegration(scope.orgId);
  const setIntegration = useSetJiraIntegration(scope.orgId);
  const connections = useJiraConnections(scope.orgId);
  const [dialog, setDialog] = useState<"create" | "disable" | null>(null);
  const enabled = integration.data?.enabled ?? true;

  const toggle = (next: boolean) =>
    setIntegration.mutate(
      { enabled: next },
      {
        onSuccess: () => {
          notifySuccess(next ? "Jira integration switched on." : "Jira integration switched off.");
          setDialog(null);
        },
        onError: (error) => notifyError(error, "Couldn't change the Jira integration"),
      },
    );

  return (
    <Container size="lg" p={0}>
      <PageHeader
        title="Jira"
        description="Connections to Jira sites: goals linked to Jira read their progress through them."
        actions={
          enabled && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog("create")}>
              New connection
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="integration-heading">
          <Group justify="space-between" align="center">
            <div>
              <Title order={2} fz="lg" id="integration-heading">
                Jira integration
              </Title>
              <Text size="sm" c="dimmed">
                {enabled
                  ? "On: goals can be linked to Jira and are kept up to date."
                  : "Off: no sync runs, Jira cannot be chosen as a data source, and linked goals keep their last values."}
              </Text>
            </div>
            {scope.isAdmin ? (
              <Switch
                label={enabled ? "On" : "Off"}
                aria-label="Jira integration"
                checked={enabled}
                disabled={integration.isPending || setIntegration.isPending}
                onChange={(event) => (event.currentTarget.checked ? toggle(true) : setDialog("disable"))}
              />
            ) : (
              <Text size="sm" fw={600}>
                {enabled ? "On" : "Off"}
              </Text>
            )}
          </Group>
        </Paper>
        {enabled && <LiveSpeedsExplainer />}
        <JiraKindsExplainer />
        <section aria-labelledby="connections-heading">
          <Title order={2} fz="lg" mb="sm" id="connections-heading">
            {scope.isAdmin ? "Connections" : "Connections you can use"}
          </Title>
          {connections.isError && (
            <ErrorAlert error={connections.error} onRetry={() => void connections.refetch()} />
          )}
          {connections.isPending && <Skeleton h={96} radius="lg" />}
          {connections.isSuccess && connections.data.length === 0 && (
            <Paper withBorder radius="lg" p="xl">
              <StatusMessage
                icon={<IconBrandJira size={30} />}
                title="No Jira connection yet"
                description="Add your Jira site's address: for Jira Cloud an account's email and API token, for Jira Data Center or Server a personal access token. Goalpost only reads from Jira."
                action={
                  enabled && (
                    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog("create")}>
                      Create a connection
                    </Button>
                  )
                }
              />
            </Paper>
          )}
          <Stack gap="sm">
            {connections.data?.map((connection) => (
              <JiraConnectionCard
                key={connection.id}
                orgId={scope.orgId}
                orgName={scope.orgName}
                connection={connection}
                people={scope.people}
                integrationEnabled={enabled}
              />
            ))}
          </Stack>
          {!scope.isAdmin && connections.isSuccess && (
            <Alert variant="light" color="gray" mt="md">
              Connections other people created appear here once they share them with you.
            </Alert>
          )}
        </section>
      </Stack>
      {dialog === "create" && (
        <Modal opened onClose={() => setDialog(null)} title="New Jira connection" size="lg">
          <JiraConnectionForm
            orgId={scope.orgId}
            orgName={scope.orgName}
            onSaved={() => {
              notifySuccess("Connection created.");
              setDialog(null);
            }}
            onCancel={() => setDialog(null)}
          />
        </Modal>
      )}
      <ConfirmModal
        opened={dialog === "disable"}
        title="Switch the Jira integration off?"
        message="No sync will run and nobody can link goals to Jira; linked goals keep their last values until it is switched back on."
        confirmLabel="Switch off"
        loading={setIntegration.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => toggle(false)}
      />
    </Container>
  );
}
