import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { CreatedApiToken } from "../api/types";
import { CopyField } from "./copy-field";

/** Shows a freshly created token once, with a copy button and a warning that it won't be shown again. */
export function NewTokenAlert({ token, onDismiss }: { token: CreatedApiToken; onDismiss: () => void }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`Token "${token.name}" created`}
      role="status"
    >
      <Stack gap="sm">
        <Text size="sm">Copy it now: for your security it won't be shown again.</Text>
        <CopyField label="Token" value={token.token} />
        <Group justify="flex-end">
          <Button size="xs" variant="default" onClick={onDismiss}>
            I've copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
