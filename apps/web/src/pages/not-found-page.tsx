import { Box, Button, Center, Container } from "@mantine/core";
import { IconMapQuestion } from "@tabler/icons-react";
import { Link } from "react-router";
import { StatusMessage } from "../components/status-message";
import { usePageTitle } from "../lib/use-page-title";

/** 404 page; `embedded` renders it inside the app shell instead of full-screen. */
export function NotFoundPage({ embedded = false }: { embedded?: boolean }) {
  usePageTitle("Page not found");
  const message = (
    <StatusMessage
      icon={<IconMapQuestion size={30} />}
      title="Page not found"
      description="We couldn't find the page you were looking for. The link may be wrong or the page may have moved."
      action={
        <Button component={Link} to="/">
          Back to Goalpost
        </Button>
      }
    />
  );
  if (embedded) return <Container py="xl">{message}</Container>;
  return (
    <Box mih="100vh" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
      <Center mih="100vh" px="md">
        {message}
      </Center>
    </Box>
  );
}
