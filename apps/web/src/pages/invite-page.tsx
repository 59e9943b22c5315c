import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { Link, useNavigate, useParams } from "react-router";
import { useAcceptInvite, useInviteInfo } from "../api/use-invites";
import { useMe } from "../api/use-me";
import { AuthLayout } from "../components/auth-layout";
import { FullPageLoader } from "../components/full-page-loader";
import { InviteSummary } from "../components/invite-summary";
import { notifyError, notifySuccess } from "../lib/notify";
import { orgPath } from "../lib/org-paths";
import { usePageTitle } from "../lib/use-page-title";

/** `/invite/:token`: accept when signed in, otherwise sign up / sign in and come back. */
export function InvitePage() {
  const { token = "" } = useParams();
  const invite = useInviteInfo(token);
  const me = useMe();
  const accept = useAcceptInvite();
  const navigate = useNavigate();
  usePageTitle(invite.data ? `Join ${invite.data.orgName}` : "Invitation");

  if (invite.isPending || me.isPending) return <FullPageLoader label="Loading invite" />;

  if (invite.isError) {
    return (
      <AuthLayout title="Invitation unavailable">
        <Stack>
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle size={18} />}
            title="This invite can't be used"
          >
            {invite.error.message}
          </Alert>
          <Text size="sm" c="dimmed">
            Invite links expire and can be revoked. Ask an admin of the organisation for a new one.
          </Text>
          <Anchor component={Link} to="/" size="sm">
            Go to Goalpost
          </Anchor>
        </Stack>
      </AuthLayout>
    );
  }

  const info = invite.data;
  const next = `/invite/${encodeURIComponent(token)}`;

  const handleAccept = async () => {
    try {
      const result = await accept.mutateAsync({ token });
      notifySuccess(`Welcome to ${info.orgName}.`, "Invitation accepted");
      await navigate(orgPath(result.orgId), { replace: true });
    } catch (error) {
      notifyError(error, "Couldn't accept the invitation");
    }
  };

  return (
    <AuthLayout
      title={`Join ${info.orgName}`}
      subtitle="You've been invited to track goals together on Goalpost."
    >
      <Stack>
        <InviteSummary invite={info} />
        {me.data ? (
          <>
            <Text size="sm">
              Signed in as <strong>{me.data.user.email}</strong>.
            </Text>
            <Button fullWidth loading={accept.isPending} onClick={() => void handleAccept()}>
              Accept invitation
            </Button>
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              Create an account to join, or sign in if you already have one.
            </Text>
            <Group grow>
              <Button component={Link} to={`/signup?${new URLSearchParams({ invite: token }).toString()}`}>
                Create account
              </Button>
              <Button
                component={Link}
                variant="default"
                to={`/signin?${new URLSearchParams({ next }).toString()}`}
              >
                Sign in
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </AuthLayout>
  );
}
