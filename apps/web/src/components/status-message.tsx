import { EmptyState } from "@mantine/core";
import type { ReactNode } from "react";

/** Props of {@link StatusMessage}. */
export interface StatusMessageProps {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  action?: ReactNode;
  color?: string;
}

/** Centered icon, title, explanation and optional action: empty states, 403s and 404s. */
export function StatusMessage({ icon, title, description, action, color = "indigo" }: StatusMessageProps) {
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
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
