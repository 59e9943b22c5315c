import { AppShell } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useEffect } from "react";
import { Outlet, useLocation } from "react-router";
import { AppHeader } from "./app-header";
import { AppNavbar } from "./app-navbar";

/** Signed-in layout: header (org switcher, colour scheme, user menu), side navigation and the page. */
export function AppLayout() {
  const [navOpened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();

  useEffect(() => {
    // Close the mobile navigation after every navigation.
    if (location.pathname) close();
  }, [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppNavbar />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
