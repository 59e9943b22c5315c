import { Burger, Group } from "@mantine/core";
import { Link } from "react-router";
import { Brand } from "./brand";
import { ColorSchemeToggle } from "./color-scheme-toggle";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";

/** Props of {@link AppHeader}. */
export interface AppHeaderProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

/** Top bar of the signed-in layout. */
export function AppHeader({ navOpened, onToggleNav }: AppHeaderProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? "Close navigation" : "Open navigation"}
        />
        <Link to="/" aria-label="Goalpost home" style={{ textDecoration: "none", color: "inherit" }}>
          <Brand compact />
        </Link>
        <OrgSwitcher />
      </Group>
      <Group gap="sm" wrap="nowrap">
        <ColorSchemeToggle />
        <UserMenu />
      </Group>
    </Group>
  );
}
