import { Alert, Text } from "@mantine/core";
import { IconMailOpened } from "@tabler/icons-react";
import type { InviteInfo } from "../api/types";
import { formatDate } from "../lib/format-date";

/** Callout naming the organisation and role an invite grants. */
export function InviteSummary({ invite }: { invite: InviteInfo }) {
  return (
    <Alert variant="light" color="indigo" icon={<IconMailOpened size={18} />}>
      <Text size="sm">
        You're joining <strong>{invite.orgName}</strong> as{" "}
        {invite.role === "admin" ? "an admin" : "a member"}.
      </Text>
      <Text size="xs" c="dimmed" mt={2}>
        Invite valid until {formatDate(invite.expiresAt)}
      </Text>
    </Alert>
  );
}
