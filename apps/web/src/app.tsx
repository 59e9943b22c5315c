import { localStorageColorSchemeManager, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { RouterProvider } from "react-router";
import { createQueryClient } from "./query-client";
import { createAppRouter } from "./router";
import { theme } from "./theme";

const colorSchemeManager = localStorageColorSchemeManager({ key: "mantine-color-scheme-value" });

/** Root component: Mantine (light/dark, defaulting to the OS), notifications, TanStack Query and the router. */
export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      {/* Top right: toasts at the bottom would cover the dialogs' action buttons. */}
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
