import { Badge, Stack, Text, Tooltip } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { formatDateTime, formatRelative } from "../lib/format-date";
import { jiraWords, ownWords, reasonInWords, type StaleLike } from "../lib/stale-reason";

/** Props of {@link StaleBadge}. */
export interface StaleBadgeProps {
  stale: StaleLike;
  /** When Goalpost next tries Jira (null: not until someone acts, e.g. a refused token). */
  nextTryAt?: string | null | undefined;
  /** Red for "nothing happens until someone acts" (a broken connection, an unhealthy integration). */
  severity?: "warning" | "error";
  size?: "xs" | "sm" | "md";
}

/**
 * The one way Goalpost shows that something Jira feeds is out of date — key results, objectives, epics,
 * connections and portfolio integrations: the reason in words on the badge; in its tooltip, the full
 * sentence, Jira's own message, since when and the next try.
 */
export function StaleBadge({ stale, nextTryAt, severity = "warning", size = "sm" }: StaleBadgeProps) {
  const reason = reasonInWords(stale.code);
  const jira = jiraWords(stale.message);
  const since = stale.since ? `Since ${formatDateTime(stale.since)} (${formatRelative(stale.since)}).` : null;
  const next =
    nextTryAt === undefined
      ? null
      : nextTryAt === null
        ? "No retry until it is fixed."
        : `Next try ${formatRelative(nextTryAt)}.`;
  const label = [ownWords(stale.message), jira ? `Jira said: ${jira}` : null, since, next]
    .filter((part): part is string => part !== null)
    .join(" ");
  return (
    <Tooltip
      label={
        <Stack gap={4}>
          <Text size="xs">{ownWords(stale.message)}</Text>
          {jira && <Text size="xs" fs="italic">{`Jira said: ${jira}`}</Text>}
          {since && <Text size="xs">{since}</Text>}
          {next && <Text size="xs">{next}</Text>}
        </Stack>
      }
      multiline
      w={300}
      withArrow
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge
        color={severity === "error" ? "red" : "yellow"}
        variant="light"
        size={size}
        leftSection={<IconAlertTriangle size={12} />}
        tabIndex={0}
        aria-label={`${reason}: ${label}`}
      >
        {reason}
      </Badge>
    </Tooltip>
  );
}
