import { Button, Container, List, Paper, SimpleGrid, Skeleton, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBriefcase, IconPlus } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { useExternalPortfolios, usePortfolios } from "../api/use-portfolios";
import { CreatePortfolioModal } from "../components/create-portfolio-modal";
import { ErrorAlert } from "../components/error-alert";
import { PageHeader } from "../components/page-header";
import { PortfolioCard } from "../components/portfolio-card";
import { StatusMessage } from "../components/status-message";
import { portfolioPath } from "../lib/portfolio-paths";
import { useOrg } from "../lib/use-org";
import { usePageTitle } from "../lib/use-page-title";

/** `/o/:orgId/portfolios`: the portfolios you belong to (admins: all), and a button to create one. */
export function PortfoliosPage() {
  const org = useOrg();
  usePageTitle("Portfolios", org.name);
  const portfolios = usePortfolios(org.id);
  const external = useExternalPortfolios();
  const [createOpened, create] = useDisclosure(false);
  const navigate = useNavigate();
  const items = portfolios.data?.pages.flatMap((page) => page.items) ?? [];
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
      New portfolio
    </Button>
  );

  return (
    <Container size="lg" p={0}>
      <PageHeader
        title="Portfolios"
        description={`Initiatives and projects across ${org.name}.`}
        actions={items.length > 0 ? newButton : undefined}
      />
      {portfolios.isError && (
        <ErrorAlert error={portfolios.error} onRetry={() => void portfolios.refetch()} />
      )}
      {portfolios.isPending && <Skeleton h={120} radius="lg" />}
      {portfolios.isSuccess && items.length === 0 && (
        <Paper withBorder radius="lg" p="xl">
          <StatusMessage
            icon={<IconBriefcase size={30} />}
            title="No portfolios yet"
            description={
              "Portfolios group related initiatives so you can follow them together. Progress is rolled up from the Jira epics behind each initiative, so nobody has to update a status by hand."
            }
            details={
              <List size="sm" mt="md" ta="left" spacing={4} c="dimmed">
                <List.Item>Follow initiatives across teams and Jira projects</List.Item>
                <List.Item>See progress rolled up from Jira epics</List.Item>
                <List.Item>Invite Contributors and Viewers, from your company or outside it</List.Item>
              </List>
            }
            action={newButton}
          />
        </Paper>
      )}
      {items.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {items.map((portfolio) => (
            <PortfolioCard key={portfolio.id} portfolio={portfolio} />
          ))}
        </SimpleGrid>
      )}
      {external.data && external.data.length > 0 && (
        <>
          <Title order={2} fz="lg" mt="xl" mb="sm">
            Shared with you by other organisations
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {external.data.map((portfolio) => (
              <PortfolioCard key={portfolio.id} portfolio={portfolio} />
            ))}
          </SimpleGrid>
        </>
      )}
      <CreatePortfolioModal
        orgId={org.id}
        opened={createOpened}
        onClose={create.close}
        onCreated={(portfolio) => {
          create.close();
          void navigate(portfolioPath(portfolio.id));
        }}
      />
    </Container>
  );
}
