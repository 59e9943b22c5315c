import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import type { Period } from "../api/okr-types";
import { useCreatePeriod, useUpdatePeriod } from "../api/use-periods";
import { splitFormError } from "../lib/form-errors";
import { quarterAfter } from "../lib/quarters";

/** Props of {@link PeriodFormModal}. */
export interface PeriodFormModalProps {
  orgId: string;
  existing: Period[];
  /** The period to edit; absent to create one. */
  period?: Period;
  onSaved: (period: Period) => void;
  onClose: () => void;
}

function toDateInput(iso: string): string {
  return iso.slice(0, 10);
}

function fromDateInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The first quarter (from the current one on) that the organisation has no period for yet. */
function nextFreeQuarter(existing: Period[], now: Date) {
  const names = new Set(existing.map((period) => period.name));
  for (let offset = 0; offset < 12; offset += 1) {
    const quarter = quarterAfter(now, offset);
    if (!names.has(quarter.name)) return quarter;
  }
  return quarterAfter(now);
}

/**
 * Adds a period (the next quarter without one is suggested; any range may be entered) or edits one. The
 * form asks for the last day; the API's `end` is the first instant after it.
 */
export function PeriodFormModal({ orgId, existing, period, onSaved, onClose }: PeriodFormModalProps) {
  const create = useCreatePeriod(orgId);
  const update = useUpdatePeriod(orgId);
  const saving = create.isPending || update.isPending;
  const [suggested] = useState(() => period ?? nextFreeQuarter(existing, new Date()));
  const [name, setName] = useState(suggested.name);
  const [start, setStart] = useState(toDateInput(suggested.start));
  const lastDay = new Date(Date.parse(suggested.end) - 24 * 3600 * 1000).toISOString();
  const [end, setEnd] = useState(toDateInput(lastDay));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const startIso = fromDateInput(start);
    const lastIso = fromDateInput(end);
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = "Name the period, e.g. Q1 2027";
    if (!startIso) found.start = "Enter the first day";
    if (!lastIso) found.end = "Enter the last day";
    if (startIso && lastIso && lastIso < startIso) found.end = "The last day must not be before the first";
    setErrors(found);
    setFormMessage(null);
    if (Object.keys(found).length > 0 || !startIso || !lastIso) return;
    // The period runs to the end of its last day: the API's `end` is the first instant after it.
    const endIso = new Date(Date.parse(lastIso) + 24 * 3600 * 1000).toISOString();
    try {
      const input = { name: name.trim(), start: startIso, end: endIso };
      const saved = period
        ? await update.mutateAsync({ id: period.id, input })
        : await create.mutateAsync(input);
      onSaved(saved);
    } catch (error) {
      const split = splitFormError(error, ["name", "start", "end"]);
      setErrors(split.fields);
      setFormMessage(split.formMessage);
    }
  };

  return (
    <Modal opened onClose={onClose} title={period ? `Edit ${period.name}` : "New period"}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          {formMessage && (
            <Alert color="red" variant="light" role="alert">
              {formMessage}
            </Alert>
          )}
          <TextInput
            label="Period name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label="First day"
              value={start}
              onChange={(event) => setStart(event.currentTarget.value)}
              error={errors.start}
            />
            <TextInput
              type="date"
              label="Last day"
              value={end}
              onChange={(event) => setEnd(event.currentTarget.value)}
              error={errors.end}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {period
              ? "Changing the dates moves where everyone's OKRs in it are expected to be."
              : "Quarters by default; any range works (dates in UTC)."}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={saving}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {period ? "Save period" : "Create period"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
