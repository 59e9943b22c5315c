import { EmptyState } from "@mantine/core";
import type { ReactNode } from "react";

/** Props of {@link StatusMessage}. */
export interface StatusMessageProps {
  icon: ReactNode;
  title: string;
  /** Inline content only: it is rendered inside a paragraph. */
  description: ReactNode;
  /** Block content shown under the description (lists, extra paragraphs). */
  details?: ReactNode;
  action?: ReactNode;
  color?: string;
}

/** Centered icon, title, explanation and optional action: empty states, 403s and 404s. */
export function StatusMessage({
  icon,
  title,
  description,
  details,
  action,
  color = "indigo",
}: StatusMessageProps) {
  return (
    <EmptyState
      icon={icon}
      variant="light"
      color={color}
      size="lg"
      title={title}
      description={description}
      py="xl"
      maw={560}
      mx="auto"
    >
      {details}
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
