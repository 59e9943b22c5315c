import { Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { CreatedInvite } from "../api/types";
import { formatDate } from "../lib/format-date";
import { CopyField } from "./copy-field";
import { CreateInviteForm } from "./create-invite-form";
import { PendingInvites } from "./pending-invites";

/** Invite links: create one (role + optional email), copy it, and manage pending invites. */
export function InvitesSection({ orgId }: { orgId: string }) {
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  return (
    <section aria-labelledby="invites-heading">
      <Title order={2} fz="lg" mb="sm" id="invites-heading">
        Invite people
      </Title>
      <Paper withBorder radius="lg" p="lg">
        <Stack gap="lg">
          <Text size="sm" c="dimmed">
            Create an invite link and share it with a teammate. Anyone with the link can join with the chosen
            role until it expires or you revoke it.
          </Text>
          <CreateInviteForm orgId={orgId} onCreated={setCreated} />
          {created && (
            <CopyField
              label="Invite link"
              value={created.url}
              description={`New link: joins as ${created.role === "admin" ? "an admin" : "a member"} · expires ${formatDate(created.expiresAt)}. ${created.emailed && created.email ? `E-mailed to ${created.email}; you can also copy it.` : "Copy it and send it to your teammate."}`}
            />
          )}
          <PendingInvites orgId={orgId} />
        </Stack>
      </Paper>
    </section>
  );
}
