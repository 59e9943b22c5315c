import { Container, List, Paper } from "@mantine/core";
import { IconBriefcase } from "@tabler/icons-react";
import { PageHeader } from "../components/page-header";
import { StatusMessage } from "../components/status-message";
import { useOrg } from "../lib/use-org";
import { usePageTitle } from "../lib/use-page-title";

/** `/o/:orgId/portfolios`: the portfolios list (empty until portfolios exist). */
export function PortfoliosPage() {
  const org = useOrg();
  usePageTitle("Portfolios", org.name);
  return (
    <Container size="lg" p={0}>
      <PageHeader title="Portfolios" description={`Initiatives and projects across ${org.name}.`} />
      <Paper withBorder radius="lg" p="xl">
        <StatusMessage
          icon={<IconBriefcase size={30} />}
          title="No portfolios yet"
          description={
            "Portfolios group related initiatives so you can follow them together. Progress is rolled up from the Jira epics and issues behind each initiative, so nobody has to update a status by hand."
          }
          details={
            <List size="sm" mt="md" ta="left" spacing={4} c="dimmed">
              <List.Item>Follow initiatives across teams and Jira projects</List.Item>
              <List.Item>See progress and schedule risk rolled up from Jira</List.Item>
              <List.Item>Connect initiatives to the goals they serve</List.Item>
            </List>
          }
        />
      </Paper>
    </Container>
  );
}
