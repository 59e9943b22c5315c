const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Form validator: null when `value` looks like an email address, otherwise a message. */
export function validateEmail(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return "Enter your email address";
  return EMAIL_PATTERN.test(trimmed) ? null : "Enter a valid email address";
}

/** Minimum password length enforced client-side (the server has the final say). */
export const MIN_PASSWORD_LENGTH = 8;

/** Form validator for new passwords. */
export function validateNewPassword(value: string): string | null {
  if (!value) return "Choose a password";
  return value.length >= MIN_PASSWORD_LENGTH ? null : `Use at least ${MIN_PASSWORD_LENGTH} characters`;
}

/** Form validator for required free text. */
export function requireText(message: string): (value: string) => string | null {
  return (value) => (value.trim() ? null : message);
}
