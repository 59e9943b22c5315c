import { createBrowserRouter, Navigate, type RouteObject } from "react-router";
import { AppLayout } from "./components/app-layout";
import { RequireAuth } from "./components/require-auth";
import { AccountPage } from "./pages/account-page";
import { AlignmentPage } from "./pages/alignment-page";
import { GoalsPage } from "./pages/goals-page";
import { HomeRedirect } from "./pages/home-redirect";
import { InitiativePage } from "./pages/initiative-page";
import { InvitePage } from "./pages/invite-page";
import { JiraPage } from "./pages/jira-page";
import { MembersPage } from "./pages/members-page";
import { NotFoundPage } from "./pages/not-found-page";
import { OrgLayout } from "./pages/org-layout";
import { PortfolioLayout } from "./pages/portfolio-layout";
import { PortfolioMembersPage } from "./pages/portfolio-members-page";
import { PortfolioOverviewPage } from "./pages/portfolio-overview-page";
import { PortfolioSettingsPage } from "./pages/portfolio-settings-page";
import { PortfoliosPage } from "./pages/portfolios-page";
import { RouteErrorPage } from "./pages/route-error-page";
import { SignInPage } from "./pages/sign-in-page";
import { SignUpPage } from "./pages/sign-up-page";
import { TokensPage } from "./pages/tokens-page";

/** Every route of the app (shared by the browser router and tests' memory routers). */
export const appRoutes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: "/signin", element: <SignInPage /> },
      { path: "/signup", element: <SignUpPage /> },
      { path: "/invite/:token", element: <InvitePage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              {
                path: "/o/:orgId",
                element: <OrgLayout />,
                children: [
                  { index: true, element: <Navigate to="goals" replace /> },
                  { path: "goals", element: <GoalsPage /> },
                  { path: "goals/alignment", element: <AlignmentPage /> },
                  {
                    path: "goals/objectives/:objectiveId",
                    lazy: async () => ({ Component: (await import("./pages/objective-page")).ObjectivePage }),
                  },
                  {
                    path: "goals/key-results/:keyResultId",
                    // Lazy: the page's chart library is the app's largest dependency.
                    lazy: async () => ({
                      Component: (await import("./pages/key-result-page")).KeyResultPage,
                    }),
                  },
                  { path: "portfolios", element: <PortfoliosPage /> },
                  { path: "jira", element: <JiraPage /> },
                  { path: "admin", element: <Navigate to="members" replace /> },
                  { path: "admin/members", element: <MembersPage /> },
                  { path: "*", element: <NotFoundPage embedded /> },
                ],
              },
              {
                path: "/portfolios/:portfolioId",
                element: <PortfolioLayout />,
                children: [
                  { index: true, element: <PortfolioOverviewPage /> },
                  { path: "members", element: <PortfolioMembersPage /> },
                  { path: "settings", element: <Navigate to="integrations" replace /> },
                  { path: "settings/:tab", element: <PortfolioSettingsPage /> },
                  { path: "initiatives/:initiativeId", element: <InitiativePage /> },
                  { path: "*", element: <NotFoundPage embedded /> },
                ],
              },
              { path: "/settings", element: <Navigate to="/settings/tokens" replace /> },
              { path: "/settings/tokens", element: <TokensPage /> },
              { path: "/settings/account", element: <AccountPage /> },
            ],
          },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

/** Creates the browser router with every route of the app. */
export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
