import { Button, Table, Text, Tooltip } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ApiToken } from "../api/types";
import { useRevokeToken } from "../api/use-tokens";
import { formatDate, formatDateTime, formatRelative } from "../lib/format-date";
import { notifyError, notifySuccess } from "../lib/notify";
import { ConfirmModal } from "./confirm-modal";

/** One API token row with a revoke button. */
export function TokenRow({ token }: { token: ApiToken }) {
  const revoke = useRevokeToken();
  const [confirmOpened, confirm] = useDisclosure(false);

  const handleRevoke = async () => {
    try {
      await revoke.mutateAsync({ tokenId: token.id });
      notifySuccess(`"${token.name}" can no longer be used.`, "Token revoked");
    } catch (error) {
      notifyError(error, "Couldn't revoke the token");
    } finally {
      confirm.close();
    }
  };

  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {token.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(token.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={formatDateTime(token.lastUsedAt, "Never used")} withArrow>
          <Text size="sm" span c={token.lastUsedAt ? undefined : "dimmed"}>
            {formatRelative(token.lastUsedAt, new Date(), "Never")}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td ta="right">
        <Button
          size="xs"
          variant="subtle"
          color="red"
          onClick={confirm.open}
          aria-label={`Revoke ${token.name}`}
        >
          Revoke
        </Button>
        <ConfirmModal
          opened={confirmOpened}
          onClose={confirm.close}
          title={`Revoke "${token.name}"?`}
          message="Anything using this token will stop working immediately. This can't be undone."
          confirmLabel="Revoke token"
          loading={revoke.isPending}
          onConfirm={() => void handleRevoke()}
        />
      </Table.Td>
    </Table.Tr>
  );
}
