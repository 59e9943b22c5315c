import { AppShell, Divider, NavLink, ScrollArea, Text } from "@mantine/core";
import { IconBriefcase, IconKey, IconTarget, IconUsers } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { type OrgSection, orgPath } from "../lib/org-paths";
import { useCurrentOrg } from "../lib/use-current-org";

interface NavItem {
  label: string;
  to: string;
  icon: ReactNode;
}

/** Side navigation: the current org's sections (Admin only for admins) and personal settings. */
export function AppNavbar() {
  const org = useCurrentOrg();
  const { pathname } = useLocation();

  const section = (label: string, target: OrgSection, icon: ReactNode): NavItem | null =>
    org ? { label, to: orgPath(org.id, target), icon } : null;
  const orgItems = [
    section("Goals", "goals", <IconTarget size={18} stroke={1.7} />),
    section("Portfolios", "portfolios", <IconBriefcase size={18} stroke={1.7} />),
  ].filter((item): item is NavItem => item !== null);
  const adminItem =
    org?.role === "admin" ? section("Members", "admin/members", <IconUsers size={18} />) : null;

  const renderItem = (item: NavItem) => {
    const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
    return (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={item.label}
        leftSection={item.icon}
        active={active}
        aria-current={active ? "page" : undefined}
        variant="light"
        style={{ borderRadius: "var(--mantine-radius-md)" }}
      />
    );
  };

  return (
    <>
      <AppShell.Section grow component={ScrollArea}>
        <nav aria-label="Main">
          {orgItems.map(renderItem)}
          {adminItem && (
            <>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="lg" mb={4}>
                Admin
              </Text>
              {renderItem(adminItem)}
            </>
          )}
        </nav>
      </AppShell.Section>
      <AppShell.Section>
        <Divider mb="sm" />
        {renderItem({
          label: "API tokens",
          to: "/settings/tokens",
          icon: <IconKey size={18} stroke={1.7} />,
        })}
      </AppShell.Section>
    </>
  );
}
