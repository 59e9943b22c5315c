import { Tooltip } from "@mantine/core";
import type { ReactElement } from "react";
import type { Permission } from "../api/portfolio-types";

/** Props of {@link PermissionGate}. */
export interface PermissionGateProps {
  permission: Permission;
  /** Rendered with `disabled` when the permission is refused; the reason shows on hover. */
  children: (disabled: boolean) => ReactElement;
}

/** Disables a control the caller may not use, with the server's reason in a tooltip. */
export function PermissionGate({ permission, children }: PermissionGateProps) {
  if (permission.allowed) return children(false);
  return (
    <Tooltip label={permission.reason ?? "You may not do this."} multiline w={280} withArrow>
      <span style={{ display: "inline-block" }}>{children(true)}</span>
    </Tooltip>
  );
}
