import { Tooltip, VisuallyHidden } from "@mantine/core";
import type { ReactElement } from "react";
import type { Permission } from "../api/portfolio-types";

/** Props of {@link PermissionGate}. */
export interface PermissionGateProps {
  permission: Permission;
  /** Rendered with `disabled` when the permission is refused; the reason shows on hover. */
  children: (disabled: boolean) => ReactElement;
}

/**
 * Disables a control the caller may not use and says why: the server's reason in a tooltip on hover, focus
 * and touch, as a title, and to screen readers.
 */
export function PermissionGate({ permission, children }: PermissionGateProps) {
  if (permission.allowed) return children(false);
  const reason = permission.reason ?? "You may not do this.";
  return (
    <Tooltip label={reason} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
      <span style={{ display: "inline-block" }} title={reason}>
        {children(true)}
        <VisuallyHidden>{reason}</VisuallyHidden>
      </span>
    </Tooltip>
  );
}
