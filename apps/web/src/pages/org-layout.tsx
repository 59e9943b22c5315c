import { Button, Container } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { useEffect } from "react";
import { Link, Outlet, useParams } from "react-router";
import { useMe } from "../api/use-me";
import { StatusMessage } from "../components/status-message";
import { writeLastOrgId } from "../lib/last-org";

/** `/o/:orgId`: checks the user belongs to the org, remembers it, and renders the section. */
export function OrgLayout() {
  const { orgId = "" } = useParams();
  const { data: me } = useMe();
  const org = me?.orgs.find((o) => o.id === orgId);

  useEffect(() => {
    if (org) writeLastOrgId(org.id);
  }, [org]);

  if (!org) {
    return (
      <Container size="sm" py="xl">
        <StatusMessage
          icon={<IconLock size={28} />}
          title="Organisation not found"
          description="It doesn't exist or you're not a member. Ask one of its admins for an invite link."
          action={
            <Button component={Link} to="/" variant="light">
              Go to your organisations
            </Button>
          }
        />
      </Container>
    );
  }
  return <Outlet context={org} />;
}
