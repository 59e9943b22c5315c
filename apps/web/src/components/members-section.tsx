import { Button, Center, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useMe } from "../api/use-me";
import { useMembers } from "../api/use-members";
import { ErrorAlert } from "./error-alert";
import { MemberRow } from "./member-row";

/** Table of an organisation's members with role changes and removal. */
export function MembersSection({ orgId }: { orgId: string }) {
  const members = useMembers(orgId);
  const { data: me } = useMe();
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="members-heading">
      <Title order={2} fz="lg" mb="sm" id="members-heading">
        Members {members.data && !members.hasNextPage ? `(${items.length})` : ""}
      </Title>
      {members.isError && <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
      {members.isPending && (
        <Stack gap="xs">
          <Skeleton h={44} />
          <Skeleton h={44} />
          <Skeleton h={44} />
        </Stack>
      )}
      {members.isSuccess && (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th w={150}>Role</Table.Th>
                  <Table.Th>Joined</Table.Th>
                  <Table.Th w={60}>
                    <Text span size="sm" fw={700} style={{ visibility: "hidden" }}>
                      Actions
                    </Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((member) => (
                  <MemberRow
                    key={member.userId}
                    orgId={orgId}
                    member={member}
                    isSelf={member.userId === me?.user.id}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {members.hasNextPage && (
        <Center mt="md">
          <Button
            variant="default"
            onClick={() => void members.fetchNextPage()}
            loading={members.isFetchingNextPage}
          >
            Load more
          </Button>
        </Center>
      )}
    </section>
  );
}
