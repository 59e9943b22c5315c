import { Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** Props of {@link PageSection}. */
export interface PageSectionProps {
  /** Id of its heading, which names the section for assistive technology. */
  id: string;
  title: string;
  /** Its content is a list of rows with their own padding (the heading keeps the section's). */
  flush?: boolean;
  children: ReactNode;
}

/** A bordered section of an item's page with its heading (level 2). */
export function PageSection({ id, title, flush = false, children }: PageSectionProps) {
  return (
    <Paper withBorder radius="lg" p={flush ? 0 : "md"} component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} {...(flush ? { p: "md" } : { mb: "sm" })}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}
