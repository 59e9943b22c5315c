import { Checkbox, Group, NumberInput, Radio, Stack, TextInput } from "@mantine/core";
import type { MeasuredDraft } from "../lib/measured-draft";

/** Props of {@link MeasureFields}. */
export interface MeasureFieldsProps {
  draft: MeasuredDraft;
  onChange: (patch: Partial<MeasuredDraft>) => void;
  errors: Record<string, string>;
}

function toNumber(value: string | number): number | "" {
  if (value === "" || value === "-") return "";
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : "";
}

/** Percent complete or KPI (metric name, start, target; completed-only for Jira-linked KPIs). */
export function MeasureFields({ draft, onChange, errors }: MeasureFieldsProps) {
  return (
    <Stack gap="sm">
      <Radio.Group
        label="Measure progress as"
        value={draft.measureKind}
        onChange={(value) => onChange({ measureKind: value === "kpi" ? "kpi" : "percent" })}
      >
        <Group mt={6} gap="lg">
          <Radio value="percent" label="Percent complete" />
          <Radio value="kpi" label="KPI (success metric)" />
        </Group>
      </Radio.Group>
      {draft.measureKind === "kpi" && (
        <>
          <Group grow align="flex-start">
            <TextInput
              label="Metric name"
              description="The unit, e.g. bugs fixed, hours"
              value={draft.unit}
              onChange={(event) => onChange({ unit: event.currentTarget.value })}
              maxLength={50}
            />
            <NumberInput
              label="Starting value"
              value={draft.start}
              onChange={(value) => onChange({ start: toNumber(value) })}
              error={errors.start}
              required
            />
            <NumberInput
              label="Target value"
              value={draft.target}
              onChange={(value) => onChange({ target: toNumber(value) })}
              error={errors.target}
              required
            />
          </Group>
          {draft.useJira && (
            <Checkbox
              label="Count completed tickets only"
              description="Only issues in Jira's Done status category count towards the value"
              checked={draft.completedOnly}
              onChange={(event) => onChange({ completedOnly: event.currentTarget.checked })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
