import { Group, NativeSelect } from "@mantine/core";
import type { OkrFilters as Filters } from "../lib/okr-summary";
import { isProgressStatus, STATUS_LABELS, STATUS_ORDER } from "../lib/status-meta";
import { OwnerSelect } from "./owner-select";

/** Props of {@link OkrFilters}. */
export interface OkrFiltersProps {
  orgId: string;
  value: Filters;
  onChange: (filters: Filters) => void;
}

/** Owner and status filters of the OKR list. */
export function OkrFilters({ orgId, value, onChange }: OkrFiltersProps) {
  return (
    <Group gap="sm" align="flex-end">
      <OwnerSelect
        orgId={orgId}
        label="Owner"
        anyLabel="Anyone"
        value={value.ownerId}
        onChange={(ownerId) => onChange({ ...value, ownerId })}
      />
      <NativeSelect
        label="Status"
        data={[
          { value: "", label: "Any status" },
          ...STATUS_ORDER.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
        ]}
        value={value.status ?? ""}
        onChange={(event) => {
          const next = event.currentTarget.value;
          onChange({ ...value, status: isProgressStatus(next) ? next : null });
        }}
      />
    </Group>
  );
}
