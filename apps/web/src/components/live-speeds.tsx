import { Badge, List, Paper, Text, Title } from "@mantine/core";
import type { LiveSpeed } from "../api/use-jira-webhook";

/** Each speed in words: what a person sees on the badge, and the sentence that explains it. */
export const LIVE_SPEEDS: Record<LiveSpeed, { label: string; color: string; sentence: string }> = {
  webhook: {
    label: "Webhook · seconds",
    color: "green",
    sentence:
      "Webhook: a Jira admin registers the connection's webhook once, and Jira tells Goalpost about every change within seconds.",
  },
  probe: {
    label: "Probe · about a minute",
    color: "blue",
    sentence:
      "Probe: without a webhook, Goalpost asks Jira once a minute whether anything changed (one small request) and re-reads only then.",
  },
  hourly: {
    label: "Hourly",
    color: "gray",
    sentence:
      "Hourly: every linked goal is re-read in full at least once an hour, the safety net for deletions, permission changes and date-dependent JQL.",
  },
};

/** The badge of a connection's speed. */
export function LiveSpeedBadge({ speed }: { speed: LiveSpeed }) {
  const { label, color } = LIVE_SPEEDS[speed];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}

/** The three speeds in one sentence each, on the Jira page. */
export function LiveSpeedsExplainer() {
  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="speeds-heading">
      <Title order={2} fz="lg" id="speeds-heading">
        How quickly goals follow Jira
      </Title>
      <List size="sm" mt="xs" spacing={4}>
        {(["webhook", "probe", "hourly"] as const).map((speed) => (
          <List.Item key={speed}>
            <Text size="sm">{LIVE_SPEEDS[speed].sentence}</Text>
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        Refresh buttons re-read a goal at once, whatever the speed.
      </Text>
    </Paper>
  );
}
