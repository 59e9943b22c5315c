import { Stack, Tabs, Text } from "@mantine/core";
import { useNavigate, useParams } from "react-router";
import { JiraIntegrationSection } from "../components/jira-integration-section";
import { PortfolioGeneralSection } from "../components/portfolio-general-section";
import { portfolioPath } from "../lib/portfolio-paths";
import { usePortfolioContext } from "./portfolio-layout";

/** `/portfolios/:portfolioId/settings/:tab`: Portfolio Settings — General, and Integrations (Jira). */
export function PortfolioSettingsPage() {
  const portfolio = usePortfolioContext();
  const { tab = "integrations" } = useParams();
  const navigate = useNavigate();
  return (
    <Tabs
      value={tab === "general" ? "general" : "integrations"}
      onChange={(next) => void navigate(`${portfolioPath(portfolio.id)}/settings/${next ?? "integrations"}`)}
      variant="pills"
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="general">General</Tabs.Tab>
        <Tabs.Tab value="integrations">Integrations</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="general">
        <PortfolioGeneralSection key={portfolio.updatedAt} portfolio={portfolio} />
      </Tabs.Panel>
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
