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
import { schemaResolver, type UseFormReturnType, useForm } from "@mantine/form";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { useSaveMeasuredItem } from "../api/use-measured-items";
import { useObjectives } from "../api/use-objectives";
import { splitFormError } from "../lib/form-errors";
import { type MeasuredDraft, updateDraft } from "../lib/measured-draft";
import {
  FORM_FIELDS,
  formInput,
  formValuesOf,
  type MeasuredItemFormTarget,
  type MeasuredItemFormValues,
  measuredItemSchema,
} from "../lib/measured-item-form";
import { KIND_WORDS } from "../lib/measured-kind";
import { notifySuccess } from "../lib/notify";
import type { OkrScope } from "../lib/okr-scope";
import { DataSourceEditor } from "./data-source-editor";
import { OwnerSelect } from "./owner-select";

/** Props of {@link MeasuredItemFormModal}. */
export interface MeasuredItemFormModalProps {
  scope: Pick<OkrScope, "orgId" | "orgName" | "isAdmin" | "currentUserId">;
  target: MeasuredItemFormTarget;
  onClose: () => void;
}

type Form = UseFormReturnType<MeasuredItemFormValues>;

/**
 * Creates or edits a key result or an objective: title, owner, weight, how it is measured and its optional
 * Jira data source; an objective also has a description, a period and a parent it aligns to.
 */
export function MeasuredItemFormModal(props: MeasuredItemFormModalProps) {
  const noun = KIND_WORDS[props.target.kind].noun;
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.target.item ? `Edit ${noun}` : `New ${noun}`}
      size="xl"
    >
      <MeasuredItemForm {...props} />
    </Modal>
  );
}

function MeasuredItemForm({ scope, target, onClose }: MeasuredItemFormModalProps) {
  const words = KIND_WORDS[target.kind];
  const save = useSaveMeasuredItem(target.kind);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const form = useForm<MeasuredItemFormValues>({
    initialValues: formValuesOf(target, scope.currentUserId),
    validate: schemaResolver(measuredItemSchema(target.kind), { sync: true }),
    // As before the form library: a message stays until the next save, even while the draft's editor updates.
    clearInputErrorOnChange: false,
  });
  const { getValues, setValues } = form;
  const change = useCallback(
    (patch: Partial<MeasuredDraft>) => setValues(updateDraft(getValues(), patch)),
    [getValues, setValues],
  );
  const errors = useMemo(
    () => Object.fromEntries(Object.entries(form.errors).map(([field, message]) => [field, String(message)])),
    [form.errors],
  );

  const submit = async (values: MeasuredItemFormValues) => {
    setFormMessage(null);
    const input = formInput(target.kind, values);
    const parentId = target.kind === "key-results" ? target.objectiveId : scope.orgId;
    try {
      await save.mutateAsync(target.item ? { id: target.item.id, input } : { parentId, input });
      notifySuccess(target.item ? `${words.Noun} saved.` : words.created);
      onClose();
    } catch (error) {
      const split = splitFormError(error, FORM_FIELDS);
      form.setErrors(split.fields);
      setFormMessage(split.formMessage);
    }
  };

  const owner = (
    <OwnerSelect
      orgId={scope.orgId}
      value={form.values.ownerId}
      onChange={(ownerId) => form.setFieldValue("ownerId", ownerId)}
      error={errors.ownerId}
    />
  );
  const weight = (
    <NumberInput
      label="Weight"
      description={words.weightHint}
      min={0.1}
      step={0.5}
      decimalScale={2}
      {...form.getInputProps("weight")}
    />
  );

  return (
    <form
      onSubmit={form.onSubmit(
        (values) => void submit(values),
        () => setFormMessage(null),
      )}
      noValidate
    >
      <Stack gap="md">
        {formMessage && (
          <Alert color="red" variant="light" role="alert">
            {formMessage}
          </Alert>
        )}
        <TextInput
          label={`${words.Noun} title`}
          placeholder={words.titlePlaceholder}
          required
          data-autofocus
          {...form.getInputProps("title")}
        />
        {target.kind === "objectives" ? (
          <ObjectivePlacement form={form} target={target} orgId={scope.orgId} owner={owner} weight={weight} />
        ) : (
          <Group grow align="flex-start">
            {owner}
            {weight}
          </Group>
        )}
        <DataSourceEditor
          orgId={scope.orgId}
          orgName={scope.orgName}
          isAdmin={scope.isAdmin}
          draft={form.values}
          onChange={change}
          errors={errors}
          subject={words.noun}
          measureOnlyWithSource={target.kind === "objectives"}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {target.item ? `Save ${words.noun}` : words.createLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An objective's description, period and parent, around the owner and weight inputs. */
function ObjectivePlacement({
  form,
  target,
  orgId,
  owner,
  weight,
}: {
  form: Form;
  target: Extract<MeasuredItemFormTarget, { kind: "objectives" }>;
  orgId: string;
  owner: ReactNode;
  weight: ReactNode;
}) {
  const fetched = useObjectives(orgId, target.candidates ? null : target.periodId);
  const parents = (target.candidates ?? fetched.data ?? []).filter(
    (candidate) => candidate.id !== target.item?.id,
  );
  return (
    <>
      <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps("description")} />
      <Group grow align="flex-start">
        {owner}
        <NativeSelect
          label="Period"
          data={target.periods.map((period) => ({ value: period.id, label: period.name }))}
          {...form.getInputProps("periodId")}
        />
      </Group>
      <Group grow align="flex-start">
        <NativeSelect
          label="Aligns to (parent objective)"
          data={[
            { value: "", label: "None" },
            ...parents.map((candidate) => ({ value: candidate.id, label: candidate.title })),
          ]}
          value={form.values.parentId ?? ""}
          onChange={(event) => form.setFieldValue("parentId", event.currentTarget.value || null)}
          error={form.errors.parentId}
        />
        {weight}
      </Group>
    </>
  );
}
