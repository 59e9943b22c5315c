import { NativeSelect } from "@mantine/core";
import { useMemberDirectory } from "../api/use-member-directory";

/** Props of {@link OwnerSelect}. */
export interface OwnerSelectProps {
  orgId: string;
  label?: string;
  value: string | null;
  onChange: (userId: string | null) => void;
  /** Adds an "Anyone" choice (filters) instead of "No owner" (forms). */
  anyLabel?: string;
  error?: string;
}

/** A member of the organisation, by name. */
export function OwnerSelect({ orgId, label = "Owner", value, onChange, anyLabel, error }: OwnerSelectProps) {
  const members = useMemberDirectory(orgId);
  const people = (members.data ?? []).map((member) => ({ value: member.userId, label: member.name }));
  return (
    <NativeSelect
      label={label}
      data={[{ value: "", label: anyLabel ?? "No owner" }, ...people]}
      value={value ?? ""}
      onChange={(event) => onChange(event.currentTarget.value || null)}
      disabled={members.isPending}
      error={error}
    />
  );
}
