import { Container, Stack } from "@mantine/core";
import { IconShieldLock } from "@tabler/icons-react";
import { InvitesSection } from "../components/invites-section";
import { MembersSection } from "../components/members-section";
import { PageHeader } from "../components/page-header";
import { StatusMessage } from "../components/status-message";
import { useOrg } from "../lib/use-org";
import { usePageTitle } from "../lib/use-page-title";

/** `/o/:orgId/admin/members`: members, roles and invite links (admins only). */
export function MembersPage() {
  const org = useOrg();
  usePageTitle("Members", org.name);
  if (org.role !== "admin") {
    return (
      <Container size="lg" p={0}>
        <PageHeader title="Members" />
        <StatusMessage
          icon={<IconShieldLock size={30} />}
          color="orange"
          title="403 — Admins only"
          description={`You need to be an admin of ${org.name} to manage its members. Ask an admin to change your role if you need access.`}
        />
      </Container>
    );
  }
  return (
    <Container size="lg" p={0}>
      <PageHeader title="Members" description={`People in ${org.name}, their roles, and pending invites.`} />
      <Stack gap="xl">
        <MembersSection orgId={org.id} />
        <InvitesSection orgId={org.id} />
      </Stack>
    </Container>
  );
}
