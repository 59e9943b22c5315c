import { Container, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { CreatedApiToken } from "../api/types";
import { CreateTokenForm } from "../components/create-token-form";
import { NewTokenAlert } from "../components/new-token-alert";
import { PageHeader } from "../components/page-header";
import { TokensList } from "../components/tokens-list";
import { usePageTitle } from "../lib/use-page-title";

/** `/settings/tokens`: create, list and revoke personal API tokens. */
export function TokensPage() {
  usePageTitle("API tokens");
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  return (
    <Container size="lg" p={0}>
      <PageHeader
        title="API tokens"
        description="Personal tokens let scripts and integrations use the Goalpost API as you."
      />
      <Stack gap="xl">
        <section aria-labelledby="new-token-heading">
          <Title order={2} fz="lg" mb="sm" id="new-token-heading">
            New token
          </Title>
          <Paper withBorder radius="lg" p="lg">
            <Stack>
              <Text size="sm" c="dimmed">
                Give the token a name that says where it's used, e.g. "CI pipeline". Send it as{" "}
                <Text span ff="monospace" size="sm">
                  Authorization: Bearer &lt;token&gt;
                </Text>
                .
              </Text>
              <CreateTokenForm onCreated={setCreated} />
              {created && <NewTokenAlert token={created} onDismiss={() => setCreated(null)} />}
            </Stack>
          </Paper>
        </section>
        <TokensList />
      </Stack>
    </Container>
  );
}
