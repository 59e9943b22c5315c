import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconTargetArrow } from "@tabler/icons-react";

/** Goalpost logo mark and wordmark. */
export function Brand({ size = "md", compact = false }: { size?: "md" | "lg"; compact?: boolean }) {
  const large = size === "lg";
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={large ? 36 : 28} radius="md" variant="filled" aria-hidden>
        <IconTargetArrow size={large ? 22 : 18} />
      </ThemeIcon>
      <Text fw={700} fz={large ? 22 : 18} lh={1} visibleFrom={compact ? "sm" : undefined}>
        Goalpost
      </Text>
    </Group>
  );
}
