import { Button, Menu, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCheck, IconPlus, IconSelector } from "@tabler/icons-react";
import { useLocation, useNavigate } from "react-router";
import { useMe } from "../api/use-me";
import { orgPath, switchOrgPath } from "../lib/org-paths";
import { useCurrentOrg } from "../lib/use-current-org";
import { CreateOrgModal } from "./create-org-modal";

/** Header menu listing the user's organisations; switching keeps the current section. */
export function OrgSwitcher() {
  const { data: me } = useMe();
  const current = useCurrentOrg();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [createOpened, createModal] = useDisclosure(false);

  return (
    <>
      <Menu position="bottom-start" width={260} shadow="md" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            rightSection={<IconSelector size={16} />}
            aria-label={
              current ? `Organisation: ${current.name}. Switch organisation` : "Switch organisation"
            }
            maw={{ base: 170, sm: 260 }}
            styles={{ label: { overflow: "hidden", textOverflow: "ellipsis" } }}
          >
            {current?.name ?? "No organisation"}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Organisations</Menu.Label>
          {me?.orgs.map((org) => (
            <Menu.Item
              key={org.id}
              onClick={() => navigate(switchOrgPath(pathname, org.id))}
              rightSection={org.id === current?.id ? <IconCheck size={16} aria-label="Current" /> : null}
            >
              <Text size="sm" truncate="end">
                {org.name}
              </Text>
              <Text size="xs" c="dimmed">
                {org.role === "admin" ? "Admin" : "Member"}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            Create organisation
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateOrgModal
        opened={createOpened}
        onClose={createModal.close}
        onCreated={(org) => navigate(orgPath(org.id))}
      />
    </>
  );
}
