import { Center, Container } from "@mantine/core";
import { Navigate, Outlet, useLocation } from "react-router";
import { useMe } from "../api/use-me";
import { signInPathFor } from "../lib/safe-next";
import { ErrorAlert } from "./error-alert";
import { FullPageLoader } from "./full-page-loader";

/** Route guard: renders child routes for signed-in users and sends everyone else to `/signin?next=...`. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageLoader label="Checking your session" />;
  if (me.isError && me.error.status === 401) return <Navigate to={signInPathFor(location)} replace />;
  // A failed background refetch keeps the last good data: only block the app when there is none.
  if (me.isError && !me.data) {
    return (
      <Center mih="60vh">
        <Container size="sm">
          <ErrorAlert error={me.error} title="Couldn't load your account" onRetry={() => void me.refetch()} />
        </Container>
      </Center>
    );
  }
  return <Outlet />;
}
