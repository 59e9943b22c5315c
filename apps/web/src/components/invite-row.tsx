import { Badge, Button, CopyButton, Group, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import type { Invite } from "../api/types";
import { useRevokeInvite } from "../api/use-invites";
import { formatDate } from "../lib/format-date";
import { notifyError, notifySuccess } from "../lib/notify";
import { ConfirmModal } from "./confirm-modal";

/** One pending invite: recipient, role, dates, copy link and revoke. */
export function InviteRow({ orgId, invite }: { orgId: string; invite: Invite }) {
  const revoke = useRevokeInvite(orgId);
  const [confirmOpened, confirm] = useDisclosure(false);
  const who = invite.email ?? "Anyone with the link";

  const handleRevoke = async () => {
    try {
      await revoke.mutateAsync({ inviteId: invite.id });
      notifySuccess("The link no longer works.", "Invite revoked");
    } catch (error) {
      notifyError(error, "Couldn't revoke the invite");
    } finally {
      confirm.close();
    }
  };

  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" c={invite.email ? undefined : "dimmed"}>
          {who}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={invite.role === "admin" ? "grape" : "gray"}>
          {invite.role === "admin" ? "Admin" : "Member"}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(invite.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(invite.expiresAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <CopyButton value={invite.url}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="default"
                onClick={copy}
                leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              >
                {copied ? "Copied" : "Copy link"}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="subtle" color="red" onClick={confirm.open}>
            Revoke
          </Button>
        </Group>
        <ConfirmModal
          opened={confirmOpened}
          onClose={confirm.close}
          title="Revoke invite?"
          message={`The link for ${who.toLowerCase() === "anyone with the link" ? "this invite" : who} will stop working immediately.`}
          confirmLabel="Revoke"
          loading={revoke.isPending}
          onConfirm={() => void handleRevoke()}
        />
      </Table.Td>
    </Table.Tr>
  );
}
