import type { Measure } from "@goalpost/domain";
import { Anchor, Group, NativeSelect, Stack } from "@mantine/core";
import { useConnectionFields, useRereadConnectionFields } from "../api/use-jira-connections";
import { metricOptions, PROGRESS_METRIC_NOTE } from "../lib/metric-options";

/** Props of {@link TrackBySelect}. */
export interface TrackBySelectProps {
  connectionId: string | null;
  measureKind: Measure["kind"];
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * "Track progress by": Jira's built-in metrics the measure offers (remaining estimate and progress only
 * for KPIs), story points, and the connection's numeric custom fields.
 */
export function TrackBySelect({ connectionId, measureKind, value, onChange, error }: TrackBySelectProps) {
  const fields = useConnectionFields(connectionId);
  const reread = useRereadConnectionFields(connectionId);
  const groups = metricOptions(measureKind, fields.data);
  return (
    <Stack gap={2}>
      <NativeSelect
        label="Track progress by"
        description={
          fields.isError
            ? "Couldn't read the site's custom fields; the built-in metrics still work."
            : value === "progress"
              ? PROGRESS_METRIC_NOTE
              : measureKind === "percent"
                ? "Remaining estimate and progress are offered for KPIs only."
                : undefined
        }
        data={groups}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
      />
      <Group justify="flex-end">
        <Anchor
          component="button"
          type="button"
          size="xs"
          onClick={() => reread.mutate()}
          disabled={reread.isPending || connectionId === null}
        >
          {reread.isPending
            ? "Reading the site's fields…"
            : "Missing a custom field? Re-read the site's fields"}
        </Anchor>
      </Group>
    </Stack>
  );
}
