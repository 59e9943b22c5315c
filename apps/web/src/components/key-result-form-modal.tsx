import { Alert, Button, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import type { KeyResultInput, KeyResultListItem } from "../api/okr-types";
import { useCreateKeyResult, useUpdateKeyResult } from "../api/use-key-results";
import { draftErrors, draftFromItem, draftToPayload } from "../lib/measured-draft";
import { notifySuccess } from "../lib/notify";
import { okrFormErrors } from "../lib/okr-form-errors";
import { useMeasuredDraft } from "../lib/use-measured-draft";
import { DataSourceEditor } from "./data-source-editor";
import { OwnerSelect } from "./owner-select";

/** Props of {@link KeyResultFormModal}. */
export interface KeyResultFormModalProps {
  orgId: string;
  orgName: string;
  isAdmin: boolean;
  currentUserId: string;
  objectiveId: string;
  /** The key result to edit; absent to create one. */
  keyResult?: KeyResultListItem;
  onClose: () => void;
}

const FIELDS = [
  "title",
  "ownerId",
  "weight",
  "start",
  "target",
  "unit",
  "jql",
  "connectionId",
  "metric",
] as const;

/** Creates or edits a key result: title, owner, weight, measure and its optional Jira data source. */
export function KeyResultFormModal(props: KeyResultFormModalProps) {
  const { keyResult, onClose } = props;
  return (
    <Modal opened onClose={onClose} title={keyResult ? "Edit key result" : "New key result"} size="xl">
      <KeyResultForm {...props} />
    </Modal>
  );
}

function KeyResultForm({
  orgId,
  orgName,
  isAdmin,
  currentUserId,
  objectiveId,
  keyResult,
  onClose,
}: KeyResultFormModalProps) {
  const create = useCreateKeyResult();
  const update = useUpdateKeyResult();
  const { draft, change } = useMeasuredDraft(() =>
    draftFromItem(keyResult?.measure ?? null, keyResult?.dataSource ?? null),
  );
  const [title, setTitle] = useState(keyResult?.title ?? "");
  const [ownerId, setOwnerId] = useState<string | null>(keyResult ? keyResult.ownerId : currentUserId);
  const [weight, setWeight] = useState<number | "">(keyResult?.weight ?? 1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const saving = create.isPending || update.isPending;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = draftErrors(draft);
    if (!title.trim()) found.title = "Give the key result a title";
    if (weight === "" || weight <= 0) found.weight = "The weight must be greater than 0";
    setErrors(found);
    setFormMessage(null);
    if (Object.keys(found).length > 0) return;
    const input: KeyResultInput = {
      title: title.trim(),
      ownerId,
      weight: Number(weight),
      ...draftToPayload(draft),
    };
    try {
      if (keyResult) await update.mutateAsync({ id: keyResult.id, input });
      else await create.mutateAsync({ objectiveId, input });
      notifySuccess(keyResult ? "Key result saved." : "Key result added.");
      onClose();
    } catch (error) {
      const split = okrFormErrors(error, FIELDS);
      setErrors(split.fields);
      setFormMessage(split.formMessage);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        {formMessage && (
          <Alert color="red" variant="light" role="alert">
            {formMessage}
          </Alert>
        )}
        <TextInput
          label="Key result title"
          placeholder="Fix 20 bugs this quarter"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          required
          data-autofocus
        />
        <Group grow align="flex-start">
          <OwnerSelect orgId={orgId} value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
          <NumberInput
            label="Weight"
            description="Share in the objective's progress"
            min={0.1}
            step={0.5}
            decimalScale={2}
            value={weight}
            onChange={(value) =>
              setWeight(typeof value === "number" ? value : value === "" ? "" : Number(value))
            }
            error={errors.weight}
          />
        </Group>
        <DataSourceEditor
          orgId={orgId}
          orgName={orgName}
          isAdmin={isAdmin}
          draft={draft}
          onChange={change}
          errors={errors}
          subject="key result"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {keyResult ? "Save key result" : "Add key result"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
