import { Avatar, Menu, Text, UnstyledButton } from "@mantine/core";
import { IconKey, IconLogout, IconUserCircle } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useSignOut } from "../api/use-auth";
import { useMe } from "../api/use-me";
import { initials } from "../lib/initials";
import { notifyError } from "../lib/notify";

/** Avatar menu with the signed-in user, a link to API tokens and "Sign out". */
export function UserMenu() {
  const { data: me } = useMe();
  const signOut = useSignOut();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const handleSignOut = async () => {
    try {
      await signOut.mutateAsync();
      await navigate("/signin", { replace: true });
      queryClient.clear();
    } catch (error) {
      notifyError(error, "Couldn't sign out");
    }
  };

  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label="User menu" style={{ borderRadius: "50%" }}>
          <Avatar color="indigo" radius="xl" size={36}>
            {initials(me?.user.name ?? "")}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {me && (
          <Menu.Label>
            <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate="end">
              {me.user.name}
            </Text>
            <Text size="xs" c="dimmed" truncate="end">
              {me.user.email}
            </Text>
          </Menu.Label>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => navigate("/settings/account")}>
          Account: name, password, sessions
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => navigate("/settings/tokens")}>
          API tokens
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() => void handleSignOut()}
          disabled={signOut.isPending}
          closeMenuOnClick={false}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
