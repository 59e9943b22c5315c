import { ActionIcon, Avatar, Badge, Group, NativeSelect, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconUserMinus } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import type { Member, Role } from "../api/types";
import { useChangeRole, useRemoveMember } from "../api/use-members";
import { formatDate, formatDateTime } from "../lib/format-date";
import { notifyError, notifySuccess } from "../lib/notify";
import { ConfirmModal } from "./confirm-modal";

/** Props of {@link MemberRow}. */
export interface MemberRowProps {
  orgId: string;
  member: Member;
  isSelf: boolean;
}

const ROLE_OPTIONS = [
  { value: "admin", label: "Admin" },
  { value: "member", label: "Member" },
];

/** One member: name, email, role selector, join date and a remove button. */
export function MemberRow({ orgId, member, isSelf }: MemberRowProps) {
  const changeRole = useChangeRole(orgId);
  const removeMember = useRemoveMember(orgId);
  const [confirmOpened, confirm] = useDisclosure(false);
  const navigate = useNavigate();

  const handleRole = async (role: Role) => {
    if (role === member.role) return;
    try {
      await changeRole.mutateAsync({ userId: member.userId, role });
      notifySuccess(`${member.name} is now ${role === "admin" ? "an admin" : "a member"}.`, "Role updated");
    } catch (error) {
      notifyError(error, "Couldn't change the role");
    }
  };

  const handleRemove = async () => {
    try {
      await removeMember.mutateAsync({ userId: member.userId });
      confirm.close();
      notifySuccess(isSelf ? "You left the organisation." : `${member.name} was removed.`, "Member removed");
      if (isSelf) await navigate("/", { replace: true });
    } catch (error) {
      confirm.close();
      notifyError(error, "Couldn't remove the member");
    }
  };

  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar radius="xl" size={32} color="initials" name={member.name} />
          <Text size="sm" fw={500}>
            {member.name}
          </Text>
          {isSelf && (
            <Badge size="xs" variant="light" color="gray">
              You
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {member.email}
        </Text>
      </Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          aria-label={`Role of ${member.name}`}
          data={ROLE_OPTIONS}
          value={member.role}
          disabled={changeRole.isPending}
          onChange={(event) => void handleRole(event.currentTarget.value as Role)}
        />
      </Table.Td>
      <Table.Td>
        <Tooltip label={formatDateTime(member.joinedAt)} withArrow>
          <Text size="sm" span>
            {formatDate(member.joinedAt)}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Tooltip label={isSelf ? "Leave organisation" : "Remove member"} withArrow>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove ${member.name}`}
            onClick={confirm.open}
          >
            <IconUserMinus size={16} />
          </ActionIcon>
        </Tooltip>
        <ConfirmModal
          opened={confirmOpened}
          onClose={confirm.close}
          title={isSelf ? "Leave organisation?" : `Remove ${member.name}?`}
          message={
            isSelf
              ? "You'll lose access to this organisation until an admin invites you again."
              : `${member.name} will lose access to this organisation. You can invite them again later.`
          }
          confirmLabel={isSelf ? "Leave" : "Remove"}
          loading={removeMember.isPending}
          onConfirm={() => void handleRemove()}
        />
      </Table.Td>
    </Table.Tr>
  );
}
