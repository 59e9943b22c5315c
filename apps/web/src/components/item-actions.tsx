import { ActionIcon, Menu } from "@mantine/core";
import { IconDots, IconPencil, IconTrash } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import type { Period } from "../api/okr-types";
import { useDeleteMeasuredItem } from "../api/use-measured-items";
import { editTarget } from "../lib/measured-item-form";
import { KIND_WORDS, type MeasuredEntry } from "../lib/measured-kind";
import { notifyError, notifySuccess } from "../lib/notify";
import type { OkrScope } from "../lib/okr-scope";
import { ConfirmModal } from "./confirm-modal";
import { MeasuredItemFormModal } from "./measured-item-form-modal";

/** Props of {@link ItemActions}. */
export interface ItemActionsProps {
  scope: OkrScope;
  entry: MeasuredEntry;
  /** The organisation's periods, to move an objective to another one. */
  periods?: Period[];
  /** Menu items between "Edit" and "Delete" (check in, add a key result). */
  children?: ReactNode;
}

/** What a deletion takes with it. */
function deleteMessage(entry: MeasuredEntry): string {
  const { title } = entry.item;
  return entry.kind === "objectives"
    ? `"${title}", its ${entry.item.keyResults.length} key result(s) and their history will be deleted. This cannot be undone.`
    : `"${title}" and its history will be deleted. This cannot be undone.`;
}

/** An item's actions menu (edit, the caller's own items, delete) with its edit form and delete confirmation. */
export function ItemActions({ scope, entry, periods = [], children }: ItemActionsProps) {
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const remove = useDeleteMeasuredItem(entry.kind);
  const { noun, Noun } = KIND_WORDS[entry.kind];
  const close = () => setDialog(null);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${entry.item.title}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setDialog("edit")}>
            Edit {noun}
          </Menu.Item>
          {children}
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setDialog("delete")}>
            Delete {noun}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === "edit" && (
        <MeasuredItemFormModal scope={scope} target={editTarget(entry, periods)} onClose={close} />
      )}
      <ConfirmModal
        opened={dialog === "delete"}
        title={`Delete ${noun}?`}
        message={deleteMessage(entry)}
        confirmLabel={`Delete ${noun}`}
        loading={remove.isPending}
        onClose={close}
        onConfirm={() =>
          remove.mutate(
            { id: entry.item.id },
            {
              onSuccess: () => {
                notifySuccess(`${Noun} deleted.`);
                close();
              },
              onError: (error) => notifyError(error, `Couldn't delete the ${noun}`),
            },
          )
        }
      />
    </>
  );
}
