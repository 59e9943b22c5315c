import { Modal } from "@mantine/core";
import type { OrgMembership } from "../api/types";
import { CreateOrgForm } from "./create-org-form";

/** Props of {@link CreateOrgModal}. */
export interface CreateOrgModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (org: OrgMembership) => void;
}

/** Modal asking for a new organisation's name. */
export function CreateOrgModal({ opened, onClose, onCreated }: CreateOrgModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create organisation" centered>
      <CreateOrgForm
        onCancel={onClose}
        onCreated={(org) => {
          onClose();
          onCreated(org);
        }}
      />
    </Modal>
  );
}
