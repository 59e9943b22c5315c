import { Badge, Card, Group, Text } from "@mantine/core";
import { Link } from "react-router";
import type { Portfolio } from "../api/portfolio-types";
import { ROLE_LABELS } from "../lib/portfolio-labels";
import { portfolioPath } from "../lib/portfolio-paths";

/** A portfolio in a list: name, your role, description and whether Jira is connected. */
export function PortfolioCard({ portfolio }: { portfolio: Portfolio }) {
  return (
    <Card withBorder radius="lg" padding="lg" component={Link} to={portfolioPath(portfolio.id)}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} truncate>
          {portfolio.name}
        </Text>
        <Group gap={4} wrap="nowrap">
          {portfolio.external && (
            <Badge variant="light" color="orange" size="sm">
              External
            </Badge>
          )}
          {portfolio.myRole && (
            <Badge variant="light" size="sm">
              {ROLE_LABELS[portfolio.myRole]}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" lineClamp={2}>
        {portfolio.description || "No description."}
      </Text>
      <Text size="xs" c="dimmed" mt="sm">
        {portfolio.jiraConfigured ? "Jira connected" : "Jira not configured"}
      </Text>
    </Card>
  );
}
