import { AppShell, Divider, NavLink, ScrollArea } from "@mantine/core";
import { IconBrandJira, IconBriefcase, IconKey, IconTarget, IconUsers } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { isNavActive } from "../lib/nav-active";
import { orgPath } from "../lib/org-paths";
import { useCurrentOrg } from "../lib/use-current-org";

interface NavItem {
  label: string;
  description?: string;
  to: string;
  icon: ReactNode;
}

/** Side navigation: the current org's sections (Admin only for admins) and personal settings. */
export function AppNavbar() {
  const org = useCurrentOrg();
  const { pathname } = useLocation();

  const orgItems: NavItem[] = org
    ? [
        { label: "Goals", to: orgPath(org.id, "goals"), icon: <IconTarget size={18} stroke={1.7} /> },
        {
          label: "Portfolios",
          to: orgPath(org.id, "portfolios"),
          icon: <IconBriefcase size={18} stroke={1.7} />,
        },
        {
          label: "Jira",
          description: "Integration and connections",
          to: orgPath(org.id, "jira"),
          icon: <IconBrandJira size={18} stroke={1.7} />,
        },
      ]
    : [];
  if (org?.role === "admin") {
    orgItems.push({
      label: "Admin",
      description: "Members and invites",
      to: orgPath(org.id, "admin/members"),
      icon: <IconUsers size={18} stroke={1.7} />,
    });
  }

  const renderItem = (item: NavItem) => {
    const active = isNavActive(pathname, item.to);
    return (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={item.label}
        description={item.description}
        leftSection={item.icon}
        active={active}
        aria-current={active ? "page" : undefined}
        variant="light"
        mb={2}
        style={{ borderRadius: "var(--mantine-radius-md)" }}
      />
    );
  };

  return (
    <>
      <AppShell.Section grow component={ScrollArea}>
        <nav aria-label="Main">{orgItems.map(renderItem)}</nav>
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
