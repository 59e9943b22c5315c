import { PasswordInput, type PasswordInputProps } from "@mantine/core";

/**
 * Password input whose visibility toggle is not labelled "password", so `getByLabel("Password")`
 * finds exactly one element.
 */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput visibilityToggleButtonProps={{ "aria-label": "Show characters" }} {...props} />;
}
