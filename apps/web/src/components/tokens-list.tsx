import { Button, Center, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { IconKey } from "@tabler/icons-react";
import { useTokens } from "../api/use-tokens";
import { ErrorAlert } from "./error-alert";
import { StatusMessage } from "./status-message";
import { TokenRow } from "./token-row";

/** The user's API tokens with last use and revoke. */
export function TokensList() {
  const tokens = useTokens();
  const items = tokens.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="tokens-heading">
      <Title order={2} fz="lg" mb="sm" id="tokens-heading">
        Your tokens
      </Title>
      {tokens.isPending && (
        <Stack gap="xs">
          <Skeleton h={44} />
          <Skeleton h={44} />
        </Stack>
      )}
      {tokens.isError && <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.isSuccess && items.length === 0 && (
        <Paper withBorder radius="lg" p="md">
          <StatusMessage
            icon={<IconKey size={26} />}
            title="No tokens yet"
            description="Tokens you create appear here with when they were last used, so you can revoke the ones you no longer need."
          />
        </Paper>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th w={110}>
                    <Text span size="sm" fw={700} style={{ visibility: "hidden" }}>
                      Actions
                    </Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((token) => (
                  <TokenRow key={token.id} token={token} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {tokens.hasNextPage && (
        <Center mt="md">
          <Button
            variant="default"
            onClick={() => void tokens.fetchNextPage()}
            loading={tokens.isFetchingNextPage}
          >
            Load more
          </Button>
        </Center>
      )}
    </section>
  );
}
