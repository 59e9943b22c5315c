import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import type { Objective, ObjectiveFields, ObjectiveInput, Period } from "../api/okr-types";
import { useCreateObjective, useObjectives, useUpdateObjective } from "../api/use-objectives";
import { draftErrors, draftFromItem, draftToPayload } from "../lib/measured-draft";
import { notifySuccess } from "../lib/notify";
import { okrFormErrors } from "../lib/okr-form-errors";
import { useMeasuredDraft } from "../lib/use-measured-draft";
import { DataSourceEditor } from "./data-source-editor";
import { OwnerSelect } from "./owner-select";

/** Props of {@link ObjectiveFormModal}. */
export interface ObjectiveFormModalProps {
  orgId: string;
  orgName: string;
  isAdmin: boolean;
  currentUserId: string;
  periods: Period[];
  periodId: string;
  /**
   * Objectives it may align to (its parent); the objective itself is left out. Omitted: every objective of
   * `periodId`, fetched when the form opens.
   */
  candidates?: readonly Pick<Objective, "id" | "title">[];
  objective?: ObjectiveFields;
  onClose: () => void;
}

const FIELDS = [
  "title",
  "description",
  "ownerId",
  "periodId",
  "parentId",
  "weight",
  "start",
  "target",
  "unit",
  "jql",
  "connectionId",
  "metric",
] as const;

/** Creates or edits an objective: title, description, owner, period, parent (alignment), weight, own Jira source. */
export function ObjectiveFormModal(props: ObjectiveFormModalProps) {
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.objective ? "Edit objective" : "New objective"}
      size="xl"
    >
      <ObjectiveForm {...props} />
    </Modal>
  );
}

function ObjectiveForm({
  orgId,
  orgName,
  isAdmin,
  currentUserId,
  periods,
  periodId: initialPeriodId,
  candidates,
  objective,
  onClose,
}: ObjectiveFormModalProps) {
  const create = useCreateObjective(orgId);
  const update = useUpdateObjective();
  const { draft, change } = useMeasuredDraft(() =>
    draftFromItem(objective?.measure ?? null, objective?.dataSource ?? null),
  );
  const [title, setTitle] = useState(objective?.title ?? "");
  const [description, setDescription] = useState(objective?.description ?? "");
  const [ownerId, setOwnerId] = useState<string | null>(objective ? objective.ownerId : currentUserId);
  const [periodId, setPeriodId] = useState(objective?.periodId ?? initialPeriodId);
  const [parentId, setParentId] = useState<string | null>(objective?.parentId ?? null);
  const [weight, setWeight] = useState<number | "">(objective?.weight ?? 1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const saving = create.isPending || update.isPending;
  const fetched = useObjectives(orgId, candidates ? null : initialPeriodId);
  const parents = (candidates ?? fetched.data ?? []).filter((candidate) => candidate.id !== objective?.id);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = draft.useJira ? draftErrors(draft) : {};
    if (!title.trim()) found.title = "Give the objective a title";
    if (weight === "" || weight <= 0) found.weight = "The weight must be greater than 0";
    setErrors(found);
    setFormMessage(null);
    if (Object.keys(found).length > 0) return;
    const source = draft.useJira ? draftToPayload(draft) : { measure: null, dataSource: null };
    const input: ObjectiveInput = {
      title: title.trim(),
      description: description.trim(),
      periodId,
      ownerId,
      parentId,
      weight: Number(weight),
      ...source,
    };
    try {
      if (objective) await update.mutateAsync({ id: objective.id, input });
      else await create.mutateAsync(input);
      notifySuccess(objective ? "Objective saved." : "Objective created.");
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
          label="Objective title"
          placeholder="Ship feature Email Campaigns"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          required
          data-autofocus
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={6}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={errors.description}
        />
        <Group grow align="flex-start">
          <OwnerSelect orgId={orgId} value={ownerId} onChange={setOwnerId} error={errors.ownerId} />
          <NativeSelect
            label="Period"
            data={periods.map((period) => ({ value: period.id, label: period.name }))}
            value={periodId}
            onChange={(event) => setPeriodId(event.currentTarget.value)}
            error={errors.periodId}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label="Aligns to (parent objective)"
            data={[
              { value: "", label: "None" },
              ...parents.map((candidate) => ({ value: candidate.id, label: candidate.title })),
            ]}
            value={parentId ?? ""}
            onChange={(event) => setParentId(event.currentTarget.value || null)}
            error={errors.parentId}
          />
          <NumberInput
            label="Weight"
            description="Share in its parent's progress"
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
          subject="objective"
          measureOnlyWithSource
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {objective ? "Save objective" : "Create objective"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
