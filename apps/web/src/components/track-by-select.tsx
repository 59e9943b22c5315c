import type { Measure } from "@goalpost/domain";
import { NativeSelect } from "@mantine/core";
import { useConnectionFields } from "../api/use-jira-connections";
import { metricOptions } from "../lib/metric-options";

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
  const groups = metricOptions(measureKind, fields.data);
  return (
    <NativeSelect
      label="Track progress by"
      description={
        fields.isError
          ? "Couldn't read the site's custom fields; the built-in metrics still work."
          : measureKind === "percent"
            ? "Remaining estimate and progress are offered for KPIs only."
            : undefined
      }
      data={groups}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
