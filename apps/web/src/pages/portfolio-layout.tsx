import { Anchor, Badge, Button, Container, Group, Skeleton, Tabs } from "@mantine/core";
import { IconBriefcase } from "@tabler/icons-react";
import { Link, Outlet, useLocation, useNavigate, useOutletContext, useParams } from "react-router";
import { isApiStatus } from "../api/api-error";
import type { Portfolio } from "../api/portfolio-types";
import { usePortfolio } from "../api/use-portfolios";
import { ErrorAlert } from "../components/error-alert";
import { PageHeader } from "../components/page-header";
import { StatusMessage } from "../components/status-message";
import { orgPath } from "../lib/org-paths";
import { ROLE_LABELS } from "../lib/portfolio-labels";
import { portfolioPath } from "../lib/portfolio-paths";
import { usePageTitle } from "../lib/use-page-title";

/** The portfolio of the current `/portfolios/:portfolioId` route (provided by PortfolioLayout). */
export function usePortfolioContext(): Portfolio {
  return useOutletContext<Portfolio>();
}

function currentTab(pathname: string, id: string): string {
  if (pathname.startsWith(portfolioPath(id, "members"))) return "members";
  if (pathname.startsWith(`${portfolioPath(id)}/settings`)) return "settings";
  return "overview";
}

/** `/portfolios/:portfolioId`: loads the portfolio, shows its name, role and tabs, and renders the tab. */
export function PortfolioLayout() {
  const { portfolioId = "" } = useParams();
  const portfolio = usePortfolio(portfolioId);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  usePageTitle(portfolio.data?.name ?? "Portfolio");

  if (portfolio.isPending) return <Skeleton h={160} radius="lg" />;
  if (portfolio.isError) {
    if (isApiStatus(portfolio.error, 404)) {
      return (
        <Container size="sm" py="xl">
          <StatusMessage
            icon={<IconBriefcase size={28} />}
            title="Portfolio not found"
            description="It doesn't exist or you're not one of its members. Ask a Portfolio Manager to add you."
            action={
              <Button component={Link} to="/" variant="light">
                Go home
              </Button>
            }
          />
        </Container>
      );
    }
    return <ErrorAlert error={portfolio.error} onRetry={() => void portfolio.refetch()} />;
  }
  const data = portfolio.data;
  return (
    <Container size="lg" p={0}>
      <Anchor component={Link} to={orgPath(data.orgId, "portfolios")} size="sm" mb={4} display="inline-block">
        ← Portfolios
      </Anchor>
      <PageHeader
        title={data.name}
        description={data.description || undefined}
        actions={
          <Group gap="xs">
            {data.myRole && <Badge variant="light">{ROLE_LABELS[data.myRole]}</Badge>}
            {data.external && (
              <Badge variant="light" color="orange">
                External member
              </Badge>
            )}
          </Group>
        }
      />
      <Tabs
        value={currentTab(pathname, data.id)}
        onChange={(tab) =>
          void navigate(
            tab === "members"
              ? portfolioPath(data.id, "members")
              : tab === "settings"
                ? portfolioPath(data.id, "settings/integrations")
                : portfolioPath(data.id),
          )
        }
        mb="lg"
      >
        <Tabs.List>
          <Tabs.Tab value="overview">Overview</Tabs.Tab>
          <Tabs.Tab value="members">Members</Tabs.Tab>
          <Tabs.Tab value="settings">Settings</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Outlet context={data} />
    </Container>
  );
}
