import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBrandJira, IconDots, IconPencil, IconRefresh, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { JiraConfig, Portfolio } from "../api/portfolio-types";
import { useDeleteJiraConfig, useJiraConfig, useRefreshJira } from "../api/use-portfolio-jira";
import { formatDateTime, formatRelative } from "../lib/format-date";
import { notifyError, notifySuccess } from "../lib/notify";
import { CascadeConfirmModal } from "./cascade-confirm-modal";
import { EditJiraConfigModal } from "./edit-jira-config-modal";
import { ErrorAlert } from "./error-alert";
import { JiraLiveUpdates } from "./jira-live-updates";
import { JiraWizardModal } from "./jira-wizard-modal";
import { LinkedProjectsSection } from "./linked-projects-section";
import { PermissionGate } from "./permission-gate";
import { StaleBadge } from "./stale-badge";

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

function ConfiguredCard({ portfolio, config }: { portfolio: Portfolio; config: JiraConfig }) {
  const [editOpened, edit] = useDisclosure(false);
  const [deleteOpened, del] = useDisclosure(false);
  const remove = useDeleteJiraConfig(portfolio.id);
  const refresh = useRefreshJira(portfolio.id);
  const configure = portfolio.permissions["jira.configure"];
  const confirmDelete = async () => {
    try {
      await remove.mutateAsync(undefined);
      notifySuccess(
        "The Jira configuration was deleted; projects and epics are unlinked.",
        "Jira disconnected",
      );
    } catch (error) {
      notifyError(error, "Couldn't delete the configuration");
    }
    del.close();
  };
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="jira-configured-card">
      <Group justify="space-between" mb="md">
        <Group gap="sm">
          <IconBrandJira size={24} color="var(--mantine-color-blue-6)" />
          <Title order={3} fz="md">
            Jira Configuration
          </Title>
          <Badge color={config.health === "healthy" ? "teal" : "red"} variant="light">
            {config.health === "healthy" ? "Healthy" : "Unhealthy"}
          </Badge>
        </Group>
        <Group gap="xs">
          <PermissionGate permission={portfolio.permissions["jira.refresh"]}>
            {(disabled) => (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconRefresh size={14} />}
                loading={refresh.isPending}
                disabled={disabled}
                onClick={() => void refresh.mutateAsync(undefined).catch((e: unknown) => notifyError(e))}
              >
                Refresh
              </Button>
            )}
          </PermissionGate>
          <PermissionGate permission={configure}>
            {(disabled) => (
              <Button
                size="xs"
                leftSection={<IconPencil size={14} />}
                onClick={edit.open}
                disabled={disabled}
              >
                Edit Configuration
              </Button>
            )}
          </PermissionGate>
          {configure.allowed && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label="More Jira actions">
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={del.open}>
                  Delete
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Detail label="Connection">
          {config.connection?.kind === "organisation"
            ? `${config.connection.name} (organisation connection)`
            : "This portfolio's own"}
        </Detail>
        <Detail label="Jira Environment URL">
          {config.baseUrl} · {config.deployment === "dataCenter" ? "Data Center / Server" : "Cloud"}
        </Detail>
        <Detail label="Account">
          {config.deployment === "dataCenter"
            ? `${config.account?.displayName ?? "—"} (personal access token)`
            : `${config.email}${config.account ? ` (${config.account.displayName})` : ""}`}
        </Detail>
        <Detail label="Configured">
          by {config.configuredBy?.name ?? "a former member"} on {formatDateTime(config.configuredAt)}
        </Detail>
        <Detail label="Last sync">
          {formatRelative(config.lastSyncAt, new Date(), "Not yet (due within a minute)")}
        </Detail>
        <Detail label="Linked projects">{config.projectCount}</Detail>
      </SimpleGrid>
      {config.connection?.kind === "portfolio" && configure.allowed && (
        // The portfolio's own connection is not on the Jira page: its managers set up its webhook here.
        <JiraLiveUpdates
          connectionId={config.connection.id}
          connectionName={config.connection.name}
          deployment={config.deployment}
        />
      )}
      {config.error && (
        <Group mt="md" gap="xs">
          <Text size="sm">
            {config.health === "unhealthy" ? "Jira refuses this configuration:" : "The last sync failed:"}
          </Text>
          <StaleBadge
            stale={config.error}
            nextTryAt={config.health === "unhealthy" ? null : config.nextSyncAt}
            severity={config.health === "unhealthy" ? "error" : "warning"}
          />
        </Group>
      )}
      <EditJiraConfigModal
        portfolioId={portfolio.id}
        orgId={portfolio.orgId}
        config={config}
        opened={editOpened}
        onClose={edit.close}
      />
      <CascadeConfirmModal
        portfolioId={portfolio.id}
        projectKey={null}
        opened={deleteOpened}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete()}
        onClose={del.close}
      />
    </Paper>
  );
}

/** Settings → Integrations → Jira: the "not configured" card with the wizard, or the configured card and projects. */
export function JiraIntegrationSection({ portfolio }: { portfolio: Portfolio }) {
  const config = useJiraConfig(portfolio.id);
  const [wizardOpened, wizard] = useDisclosure(false);
  if (config.isPending) return <Skeleton h={140} radius="lg" />;
  if (config.isError) return <ErrorAlert error={config.error} onRetry={() => void config.refetch()} />;
  if (config.data === null) {
    return (
      <Paper withBorder radius="lg" p="lg" data-testid="jira-not-configured-card">
        <Group justify="space-between">
          <Group gap="sm">
            <IconBrandJira size={28} color="var(--mantine-color-blue-6)" />
            <Stack gap={2}>
              <Title order={3} fz="md">
                Jira integration
              </Title>
              <Text size="sm" c="dimmed">
                Not configured. Link Jira projects to this portfolio and track the progress of their epics on
                your initiatives.
              </Text>
            </Stack>
          </Group>
          <PermissionGate permission={portfolio.permissions["jira.configure"]}>
            {(disabled) => (
              <Button onClick={wizard.open} disabled={disabled}>
                Configure Jira Integration
              </Button>
            )}
          </PermissionGate>
        </Group>
        <JiraWizardModal
          portfolioId={portfolio.id}
          orgId={portfolio.orgId}
          opened={wizardOpened}
          onClose={wizard.close}
        />
      </Paper>
    );
  }
  return (
    <Stack gap="lg">
      <ConfiguredCard portfolio={portfolio} config={config.data} />
      <LinkedProjectsSection portfolio={portfolio} />
    </Stack>
  );
}
