import { Button, Center, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useInvites } from "../api/use-invites";
import { ErrorAlert } from "./error-alert";
import { InviteRow } from "./invite-row";

/** Table of pending invite links with copy and revoke actions. */
export function PendingInvites({ orgId }: { orgId: string }) {
  const invites = useInvites(orgId);
  const items = invites.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Pending invites
      </Text>
      {invites.isPending && <Skeleton h={40} />}
      {invites.isError && <ErrorAlert error={invites.error} onRetry={() => void invites.refetch()} />}
      {invites.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No pending invites. Links you create appear here until they're used, expire or are revoked.
        </Text>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>For</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th w={200}>
                  <Text span size="sm" fw={700} style={{ visibility: "hidden" }}>
                    Actions
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((invite) => (
                <InviteRow key={invite.id} orgId={orgId} invite={invite} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {invites.hasNextPage && (
        <Center>
          <Button
            variant="default"
            size="xs"
            onClick={() => void invites.fetchNextPage()}
            loading={invites.isFetchingNextPage}
          >
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}
