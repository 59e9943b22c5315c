import { Container, List, Paper } from "@mantine/core";
import { IconTarget } from "@tabler/icons-react";
import { PageHeader } from "../components/page-header";
import { StatusMessage } from "../components/status-message";
import { useOrg } from "../lib/use-org";
import { usePageTitle } from "../lib/use-page-title";

/** `/o/:orgId/goals`: the goals list (empty until goals exist). */
export function GoalsPage() {
  const org = useOrg();
  usePageTitle("Goals", org.name);
  return (
    <Container size="lg" p={0}>
      <PageHeader title="Goals" description={`Objectives and key results for ${org.name}.`} />
      <Paper withBorder radius="lg" p="xl">
        <StatusMessage
          icon={<IconTarget size={30} />}
          title="No goals yet"
          description={
            "Goals are your organisation's objectives, each measured by key results. Their progress comes straight from Jira: link a key result to a Jira issue or JQL query and Goalpost keeps it up to date as work gets done."
          }
          details={
            <List size="sm" mt="md" ta="left" spacing={4} c="dimmed">
              <List.Item>See every objective with its owner and status at a glance</List.Item>
              <List.Item>Track key results with progress computed from Jira</List.Item>
              <List.Item>Spot goals that are at risk before the quarter ends</List.Item>
            </List>
          }
        />
      </Paper>
    </Container>
  );
}
