import { Button, Center } from "@mantine/core";
import { IconBug } from "@tabler/icons-react";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { StatusMessage } from "../components/status-message";
import { NotFoundPage } from "./not-found-page";

/** Fallback for errors thrown while rendering a route. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Center mih="100vh" px="md">
      <StatusMessage
        icon={<IconBug size={30} />}
        color="red"
        title="Something went wrong"
        description="An unexpected error stopped this page from loading. Reloading usually helps."
        action={<Button onClick={() => window.location.reload()}>Reload</Button>}
      />
    </Center>
  );
}
