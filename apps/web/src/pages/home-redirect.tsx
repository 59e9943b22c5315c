import { Container, Paper, Stack, Text, Title } from "@mantine/core";
import { Navigate, useNavigate } from "react-router";
import { useMe } from "../api/use-me";
import { CreateOrgForm } from "../components/create-org-form";
import { FullPageLoader } from "../components/full-page-loader";
import { orgPath } from "../lib/org-paths";

/** `/`: goes to the first organisation's goals, or offers to create one when the user has none. */
export function HomeRedirect() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  if (!me) return <FullPageLoader />;
  const first = me.orgs[0];
  if (first) return <Navigate to={orgPath(first.id)} replace />;
  return (
    <Container size="xs" py="xl">
      <Stack gap="xs" mb="lg">
        <Title order={2}>You're not in an organisation yet</Title>
        <Text c="dimmed">
          Create one to start tracking goals, or open an invite link from an admin of an existing
          organisation.
        </Text>
      </Stack>
      <Paper withBorder p="lg" radius="lg">
        <CreateOrgForm onCreated={(org) => navigate(orgPath(org.id))} />
      </Paper>
    </Container>
  );
}
