import { Alert, Button, Group, NumberInput, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import type { KeyResultListItem } from "../api/okr-types";
import { useCheckIn } from "../api/use-measured-items";
import { splitFormError } from "../lib/form-errors";
import { notifySuccess } from "../lib/notify";

/** Props of {@link CheckInForm}. */
export interface CheckInFormProps {
  keyResult: KeyResultListItem;
  onDone?: () => void;
}

/** A manual check-in for a key result without a data source: the new value and an optional note. */
export function CheckInForm({ keyResult, onDone }: CheckInFormProps) {
  const checkIn = useCheckIn();
  const measure = keyResult.measure;
  const [value, setValue] = useState<number | "">(keyResult.state.value ?? "");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const label =
    measure.kind === "kpi" ? `Current value${measure.unit ? ` (${measure.unit})` : ""}` : "Progress (%)";

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormMessage(null);
    if (value === "") {
      setError("Enter the new value");
      return;
    }
    setError(null);
    try {
      await checkIn.mutateAsync({ id: keyResult.id, value, ...(note.trim() ? { note: note.trim() } : {}) });
      notifySuccess("Check-in saved.");
      setNote("");
      onDone?.();
    } catch (failure) {
      const split = splitFormError(failure, ["value", "note"]);
      setError(split.fields.value ?? null);
      setFormMessage(split.formMessage ?? split.fields.note ?? null);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label="Check in">
      <Stack gap="sm">
        {formMessage && (
          <Alert color="red" variant="light" role="alert">
            {formMessage}
          </Alert>
        )}
        <Group align="flex-start" grow>
          <NumberInput
            label={label}
            value={value}
            onChange={(next) => setValue(typeof next === "number" ? next : next === "" ? "" : Number(next))}
            error={error}
            min={measure.kind === "percent" ? 0 : undefined}
            decimalScale={2}
          />
        </Group>
        <Textarea
          label="Note"
          placeholder="What changed?"
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={checkIn.isPending}>
            Check in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
