import { Box, Center, Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { Brand } from "./brand";
import { ColorSchemeToggle } from "./color-scheme-toggle";

/** Props of {@link AuthLayout}. */
export interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** Centered card layout for sign-in, sign-up and invite pages. */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  return (
    <Box mih="100vh" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
      <Group justify="space-between" p="md">
        <Brand />
        <ColorSchemeToggle />
      </Group>
      <Center px="md" pb="xl" mih="calc(100vh - 140px)">
        <Container size={440} w="100%" p={0}>
          <Stack gap={4} mb="lg" ta="center">
            <Title order={1} fz={26}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm">
                {subtitle}
              </Text>
            )}
          </Stack>
          <Paper withBorder shadow="sm" p="xl" radius="lg">
            {children}
          </Paper>
          {footer && (
            <Text ta="center" size="sm" mt="lg" c="dimmed">
              {footer}
            </Text>
          )}
        </Container>
      </Center>
    </Box>
  );
}
