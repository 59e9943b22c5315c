import { Stack, Tabs, Text } from "@mantine/core";
import { JiraIntegrationSection } from "../components/jira-integration-section";
import { usePortfolioContext } from "./portfolio-layout";

/** `/portfolios/:portfolioId/settings/integrations`: Portfolio Settings, Integrations tab (Jira). */
export function PortfolioSettingsPage() {
  const portfolio = usePortfolioContext();
  return (
    <Tabs value="integrations" variant="pills">
      <Tabs.List mb="md">
        <Tabs.Tab value="integrations">Integrations</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="integrations">
        <Stack gap="md">
          {portfolio.external && (
            <Text size="sm" c="dimmed">
              You are an external member: you can see the integration and progress, but not use Jira
              functions.
            </Text>
          )}
          <JiraIntegrationSection portfolio={portfolio} />
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}
